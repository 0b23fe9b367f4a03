package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.Arrays;

/**
 * The bar structure of a {@link ChordTokenizer.TimeMode#PER_BAR} token stream: exactly {@code bars} bars, each the
 * bar token followed by exactly {@code beatsPerBar} beat tokens (one chord per beat), then END.
 *
 * <p>Reading a row's prefix from the first bar token on, the constraint masks:
 * <ul>
 *   <li>before the first bar token (right after START, or after a genre token): everything but the bar token;
 *   <li>inside a bar that is not yet full: the bar token and END;
 *   <li>when the current bar is full: everything but the bar token, or, once {@code bars} bars are complete,
 *       everything but END.
 * </ul>
 * Tokens in {@link #uncounted()} (section and genre tokens) count as no beat; they are not masked inside a bar, so
 * a caller that wants none bans them (see {@link BannedTokens}). The primer is read like any other prefix, so a
 * primer of whole bars continues cleanly; a primer with more bars than {@code bars} leaves nothing allowed, which
 * {@link #checkPrimer} reports up front.
 *
 * <p>Each application scans the prefix, so generating a sequence of length {@code L} costs {@code O(L^2)} integer
 * reads per row, negligible next to the model for the lengths of songs.
 *
 * @param barToken the id of {@link ChordTokenizer#BAR}
 * @param beatsPerBar beat tokens in every bar, at least 1
 * @param bars the number of bars before END, at least 1
 * @param uncounted tokens that are not beats (section and genre tokens); never the bar token, START or END
 */
public record BarStructure(int barToken, int beatsPerBar, int bars, ImmutableSortedSet<Integer> uncounted)
    implements Constraint {

  /** Checks the values. */
  public BarStructure {
    Preconditions.checkArgument(barToken > Vocabulary.MASK_ID,
        "the bar token must be a regular token (id above %s), got %s", Vocabulary.MASK_ID, barToken);
    Preconditions.checkArgument(beatsPerBar >= 1, "beats per bar must be at least 1, got %s", beatsPerBar);
    Preconditions.checkArgument(bars >= 1, "the number of bars must be at least 1, got %s", bars);
    Preconditions.checkNotNull(uncounted, "uncounted");
    Preconditions.checkArgument(!uncounted.contains(barToken) && !uncounted.contains(Vocabulary.START_ID)
        && !uncounted.contains(Vocabulary.END_ID), "uncounted tokens %s must not hold the bar token, START or END",
        uncounted);
  }

  /**
   * The bar structure of {@code tokenizer}'s streams, its section and genre tokens uncounted.
   *
   * @throws IllegalArgumentException if the tokenizer's time mode is not PER_BAR, or a count is below 1
   */
  public static BarStructure of(ChordTokenizer tokenizer, int beatsPerBar, int bars) {
    Preconditions.checkNotNull(tokenizer, "tokenizer");
    Preconditions.checkArgument(tokenizer.settings().timeMode() == ChordTokenizer.TimeMode.PER_BAR,
        "a bar structure needs time mode PER_BAR (bar tokens), but the tokenizer uses %s",
        tokenizer.settings().timeMode());
    Vocabulary vocabulary = tokenizer.vocabulary();
    ImmutableSortedSet.Builder<Integer> uncounted = ImmutableSortedSet.naturalOrder();
    for (int id = 0; id < vocabulary.size(); id++) {
      String token = vocabulary.token(id);
      if (ChordTokenizer.isLabelToken(token)) {
        uncounted.add(id);
      }
    }
    return new BarStructure(vocabulary.idOf(ChordTokenizer.BAR), beatsPerBar, bars, uncounted.build());
  }

  /** The length of a sequence with this structure and no uncounted tokens: START, the bars, END. */
  public int sequenceLength() {
    return 2 + bars * (beatsPerBar + 1);
  }

  /**
   * Checks that a primer (the tokens after START) fits: whole or partial bars, no more than {@link #bars()}, no
   * bar longer than {@link #beatsPerBar()}, starting with the bar token unless it is empty.
   *
   * @throws IllegalArgumentException saying what does not fit
   */
  public void checkPrimer(int[] primer) {
    Preconditions.checkNotNull(primer, "primer");
    int[] prefix = new int[primer.length + 1];
    prefix[0] = Vocabulary.START_ID;
    System.arraycopy(primer, 0, prefix, 1, primer.length);
    State state = state(prefix);
    Preconditions.checkArgument(state.error == null, "the primer %s does not fit %s bars of %s beats: %s",
        Arrays.toString(primer), bars, beatsPerBar, state.error);
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    for (int row = 0; row < logProbabilities.length; row++) {
      float[] scores = logProbabilities[row];
      Preconditions.checkArgument(barToken < scores.length,
          "the bar token %s is outside the vocabulary (valid ids are 0..%s)", barToken, scores.length - 1);
      State state = state(prefixes[row]);
      if (state.error != null) {
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
      } else if (state.barsStarted == 0) {
        allowOnly(scores, barToken);
      } else if (state.beatsInBar < beatsPerBar) {
        scores[barToken] = Float.NEGATIVE_INFINITY;
        scores[Vocabulary.END_ID] = Float.NEGATIVE_INFINITY;
      } else {
        allowOnly(scores, state.barsStarted < bars ? barToken : Vocabulary.END_ID);
      }
    }
  }

  private static void allowOnly(float[] scores, int token) {
    float kept = scores[token];
    Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    scores[token] = kept;
  }

  /** Bars begun and beats in the last one; an error when the prefix already breaks the structure. */
  private State state(int[] prefix) {
    int barsStarted = 0;
    int beats = 0;
    for (int i = 1; i < prefix.length; i++) {
      int token = prefix[i];
      if (token == barToken) {
        if (barsStarted > 0 && beats != beatsPerBar) {
          return new State(barsStarted, beats, "bar " + barsStarted + " has " + beats + " beats");
        }
        barsStarted++;
        beats = 0;
      } else if (!uncounted.contains(token)) {
        if (barsStarted == 0) {
          return new State(0, 0, "token " + token + " at position " + i + " comes before the first bar token");
        }
        beats++;
        if (beats > beatsPerBar) {
          return new State(barsStarted, beats, "bar " + barsStarted + " has more than " + beatsPerBar + " beats");
        }
      }
    }
    if (barsStarted > bars) {
      return new State(barsStarted, beats, barsStarted + " bars, more than the " + bars + " requested");
    }
    return new State(barsStarted, beats, null);
  }

  private record State(int barsStarted, int beatsInBar, String error) {}
}
