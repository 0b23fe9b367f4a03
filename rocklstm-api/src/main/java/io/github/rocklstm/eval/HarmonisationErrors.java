package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.Arrays;

/**
 * How far a harmonisation's alto, tenor and bass are from a reference (Bach's), as BachBot measured its harmoniser
 * (Liang 2016, section 6.2): the <b>token error rate</b> is the share of alto, tenor and bass tokens that differ
 * from the reference's token in the same frame and voice, and the <b>frame error rate</b> the share of 16th-note
 * frames in which at least one of the three differs. Tokens are compared as ids, so a held note ({@code (60, True)})
 * where the reference strikes it again ({@code (60, False)}) is an error, as is a different pitch or a rest.
 * Fermata marks are not voice tokens and do not count.
 *
 * <p>Both sequences are read frame by frame: the voice tokens of a frame are those between two {@value
 * ChoraleTokenizer#FRAME_END} tokens (fermatas, START, END and PAD skipped), soprano, alto, tenor, bass.
 *
 * @param frames frames compared
 * @param voiceTokens alto, tenor and bass tokens compared: three per frame
 * @param tokenErrors of those, how many differ from the reference
 * @param frameErrors frames with at least one differing alto, tenor or bass token
 */
public record HarmonisationErrors(long frames, long voiceTokens, long tokenErrors, long frameErrors) {

  /** No frames. */
  public static final HarmonisationErrors ZERO = new HarmonisationErrors(0, 0, 0, 0);

  private static final int VOICES = 4;

  /** Checks that the counts fit together. */
  public HarmonisationErrors {
    Preconditions.checkArgument(frames >= 0 && voiceTokens == 3 * frames, "voiceTokens %s must be 3 x frames %s",
        voiceTokens, frames);
    Preconditions.checkArgument(tokenErrors >= 0 && tokenErrors <= voiceTokens,
        "tokenErrors %s must be 0..%s", tokenErrors, voiceTokens);
    Preconditions.checkArgument(frameErrors >= 0 && frameErrors <= frames && frameErrors <= tokenErrors
        && tokenErrors <= 3 * frameErrors, "frameErrors %s does not fit %s frames and %s token errors", frameErrors,
        frames, tokenErrors);
  }

  /**
   * Compares a harmonisation with the reference, frame by frame.
   *
   * @param tokenizer the tokenizer both sequences were written with
   * @param predicted the harmonisation's tokens
   * @param reference the reference's tokens (the same soprano)
   * @throws IllegalArgumentException when a sequence has a frame without exactly four voice tokens, the frame
   *     counts differ, or the sopranos differ (naming the frame)
   */
  public static HarmonisationErrors compare(ChoraleTokenizer tokenizer, int[] predicted, int[] reference) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    int[][] p = voiceFrames(tokenizer, predicted, "the harmonisation");
    int[][] r = voiceFrames(tokenizer, reference, "the reference");
    Preconditions.checkArgument(p.length == r.length, "the harmonisation has %s frames but the reference %s",
        p.length, r.length);
    long tokenErrors = 0;
    long frameErrors = 0;
    for (int f = 0; f < p.length; f++) {
      Preconditions.checkArgument(p[f][0] == r[f][0], "frame %s: the soprano tokens differ (%s vs %s): not a "
          + "harmonisation of the reference's soprano", f, describe(tokenizer, p[f][0]), describe(tokenizer, r[f][0]));
      int wrong = 0;
      for (int v = 1; v < VOICES; v++) {
        wrong += p[f][v] == r[f][v] ? 0 : 1;
      }
      tokenErrors += wrong;
      frameErrors += wrong > 0 ? 1 : 0;
    }
    return new HarmonisationErrors(p.length, 3L * p.length, tokenErrors, frameErrors);
  }

  /** The counts of both added: the figures over a set of chorales. */
  public HarmonisationErrors plus(HarmonisationErrors other) {
    return new HarmonisationErrors(frames + other.frames, voiceTokens + other.voiceTokens,
        tokenErrors + other.tokenErrors, frameErrors + other.frameErrors);
  }

  /** {@code tokenErrors / voiceTokens}; NaN with no frames. */
  public double tokenErrorRate() {
    return voiceTokens == 0 ? Double.NaN : (double) tokenErrors / voiceTokens;
  }

  /** {@code frameErrors / frames}; NaN with no frames. */
  public double frameErrorRate() {
    return frames == 0 ? Double.NaN : (double) frameErrors / frames;
  }

  /** The two rates as metrics named {@code atb.tokenErrorRate} and {@code frameErrorRate}. */
  public Metrics metrics() {
    return Metrics.builder().add("atb.tokenErrorRate", tokenErrorRate(), Metric.RATIO)
        .add("frameErrorRate", frameErrorRate(), Metric.RATIO).build();
  }

  /** The voice tokens of each frame, {@code [frames][4]}. */
  static int[][] voiceFrames(ChoraleTokenizer tokenizer, int[] tokens, String what) {
    Preconditions.checkNotNull(tokens, "%s is null", what);
    int[][] frames = new int[tokens.length / (VOICES + 1) + 1][];
    int count = 0;
    int[] current = new int[VOICES];
    int voices = 0;
    for (int i = 0; i < tokens.length; i++) {
      int id = tokens[i];
      if (id == Vocabulary.START_ID || id == Vocabulary.PAD_ID || id == tokenizer.fermataId()) {
        continue;
      }
      if (id == Vocabulary.END_ID) {
        break;
      }
      if (id == tokenizer.frameEndId()) {
        Preconditions.checkArgument(voices == VOICES, "%s: frame %s (ending at token %s) has %s voice tokens, not 4",
            what, count, i, voices);
        frames[count++] = current.clone();
        voices = 0;
      } else {
        Preconditions.checkArgument(voices < VOICES, "%s: frame %s has a fifth voice token at token %s", what, count,
            i);
        current[voices++] = id;
      }
    }
    Preconditions.checkArgument(voices == 0, "%s ends inside frame %s", what, count);
    return Arrays.copyOf(frames, count);
  }

  private static String describe(ChoraleTokenizer tokenizer, int id) {
    return id >= 0 && id < tokenizer.vocabulary().size() ? tokenizer.vocabulary().token(id) : "id " + id;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "HarmonisationErrors[%d frames, ATB token error %.3f (%d/%d), frame "
        + "error %.3f (%d/%d)]", frames, tokenErrorRate(), tokenErrors, voiceTokens, frameErrorRate(), frameErrors,
        frames);
  }
}
