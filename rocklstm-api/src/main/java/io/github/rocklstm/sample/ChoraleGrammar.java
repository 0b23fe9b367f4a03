package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.Vocabulary;

/**
 * Keeps generated chorale tokens well formed: at each position only the tokens that
 * {@link ChoraleTokenizer#allowedNext} allows survive (an optional fermata, then four voice tokens each a rest, a
 * struck note within the voice's Bach range or the tie of the note it held, then the frame end; END only at a frame
 * boundary). So every finished sequence decodes strictly into four voices within their ranges.
 *
 * <p>It also keeps the sequence able to end within {@code maxLength} (the same maximum as the
 * {@link GenerationConfig}, which forces END at position {@code maxLength - 1}): a frame takes 5 tokens, 6 with a
 * fermata, and END one more, so at a frame boundary a fermata is masked when fewer than 7 positions remain before
 * the maximum and anything but END when fewer than 6 remain.
 *
 * <p>Pass this constraint in {@link GenerationConfig#constraints()}; fixed positions (a harmonisation's soprano)
 * win over it, as over every constraint. Immutable and thread-safe.
 */
public final class ChoraleGrammar implements Constraint {

  /** Tokens of a frame with its fermata, plus END. */
  private static final int LONGEST_ENDING = 7;

  private final ChoraleTokenizer tokenizer;
  private final Key key;
  private final int maxLength;

  /**
   * A grammar constraint.
   *
   * @param tokenizer the model's tokenizer
   * @param key the key the output will be decoded in, for judging voice ranges; null: as the tokens are (C major /
   *     A minor)
   * @param maxLength the generation's maximum length, START and END included; at least 7
   */
  public ChoraleGrammar(ChoraleTokenizer tokenizer, Key key, int maxLength) {
    this.tokenizer = Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkArgument(maxLength >= LONGEST_ENDING,
        "the maximum length must leave room for START, one frame and END (7 tokens), got %s", maxLength);
    this.key = key;
    this.maxLength = maxLength;
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    for (int row = 0; row < logProbabilities.length; row++) {
      int[] prefix = prefixes[row];
      float[] scores = logProbabilities[row];
      boolean[] allowed = tokenizer.allowedNext(prefix, key);
      Preconditions.checkArgument(allowed.length == scores.length,
          "the tokenizer has %s tokens but the model %s", allowed.length, scores.length);
      int remaining = maxLength - prefix.length; // positions left, END's included
      boolean frameBoundary = allowed[tokenizer.fermataId()];
      if (frameBoundary && remaining < LONGEST_ENDING) {
        allowed[tokenizer.fermataId()] = false;
        if (remaining < LONGEST_ENDING - 1 && allowed[Vocabulary.END_ID]) {
          java.util.Arrays.fill(allowed, false);
          allowed[Vocabulary.END_ID] = true;
        }
      }
      for (int id = 0; id < scores.length; id++) {
        if (!allowed[id]) {
          scores[id] = Float.NEGATIVE_INFINITY;
        }
      }
    }
  }

  @Override
  public String toString() {
    return "ChoraleGrammar[" + (key == null ? "C major / A minor" : key) + ", max length " + maxLength + "]";
  }
}
