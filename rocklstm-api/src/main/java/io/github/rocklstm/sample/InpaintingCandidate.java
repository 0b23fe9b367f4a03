package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * One way of filling the gaps of a sequence, with the model's log-likelihood of the whole filled sequence.
 *
 * @param tokens the complete sequence, START first, END last (a copy is taken and handed out)
 * @param logLikelihood {@code sum ln p(s[t] | s[0..t-1])} over {@code t = 1..n-1} in nats, as {@link
 *     io.github.rocklstm.model.SequenceModel#score} computes it: the gap tokens and the right context after them
 *     count alike
 */
public record InpaintingCandidate(int[] tokens, double logLikelihood) {

  /** Copies the tokens. */
  public InpaintingCandidate {
    tokens = Preconditions.checkNotNull(tokens, "tokens").clone();
  }

  /** The filled sequence (a copy). */
  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  /** The tokens at the given gap positions, in order. */
  public int[] fill(int[] gapPositions) {
    int[] fill = new int[gapPositions.length];
    for (int i = 0; i < fill.length; i++) {
      fill[i] = tokens[gapPositions[i]];
    }
    return fill;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InpaintingCandidate that && Arrays.equals(tokens, that.tokens)
        && Double.compare(logLikelihood, that.logLikelihood) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(tokens) + Double.hashCode(logLikelihood);
  }

  @Override
  public String toString() {
    return "InpaintingCandidate{tokens=" + Arrays.toString(tokens) + ", logLikelihood=" + logLikelihood + "}";
  }
}
