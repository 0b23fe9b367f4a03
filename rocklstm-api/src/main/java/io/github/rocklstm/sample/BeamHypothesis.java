package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * A finished beam-search result.
 *
 * @param tokens the sequence, START first, END last (a copy is taken and handed out)
 * @param logProbability the model's natural-log probability of the generated tokens (those after the primer, END
 *     included), summed
 * @param score {@code logProbability} divided by the length normaliser, by which hypotheses are ranked
 */
public record BeamHypothesis(int[] tokens, double logProbability, double score) {

  /** Copies the tokens. */
  public BeamHypothesis {
    tokens = Preconditions.checkNotNull(tokens, "tokens").clone();
  }

  /** The sequence (a copy). */
  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BeamHypothesis that && Arrays.equals(tokens, that.tokens)
        && Double.compare(logProbability, that.logProbability) == 0 && Double.compare(score, that.score) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(tokens) + Double.hashCode(logProbability)) + Double.hashCode(score);
  }

  @Override
  public String toString() {
    return "BeamHypothesis{tokens=" + Arrays.toString(tokens) + ", logProbability=" + logProbability + ", score="
        + score + "}";
  }
}
