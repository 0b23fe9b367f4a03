package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * Bounds on the length of a generated sequence, enforced through END. The length counts every token, START and END
 * included, so END at position {@code i} makes a sequence of length {@code i + 1}:
 *
 * <ul>
 *   <li>END is masked at every position {@code i} with {@code i + 1 < minLength};
 *   <li>at position {@code maxLength - 1} every token but END is masked, so every sequence ends with END and is at
 *       most {@code maxLength} long.
 * </ul>
 *
 * @param minLength at least 2 (START and END)
 * @param maxLength at least {@code minLength}
 */
public record LengthLimits(int minLength, int maxLength) implements Constraint {

  /** Checks the ranges. */
  public LengthLimits {
    Preconditions.checkArgument(minLength >= 2,
        "minimum length must be at least 2 (START and END are counted), got %s", minLength);
    Preconditions.checkArgument(maxLength >= minLength,
        "maximum length must be at least the minimum length %s, got %s", minLength, maxLength);
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    for (int row = 0; row < logProbabilities.length; row++) {
      float[] scores = logProbabilities[row];
      int position = prefixes[row].length;
      if (position + 1 >= maxLength) {
        float end = scores[Vocabulary.END_ID];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        scores[Vocabulary.END_ID] = end;
      } else if (position + 1 < minLength) {
        scores[Vocabulary.END_ID] = Float.NEGATIVE_INFINITY;
      }
    }
  }
}
