package io.github.rocklstm.sample;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Arithmetic on rows of natural-log scores, in double precision. A score of {@code -Infinity} is a masked token
 * (probability zero); NaN and {@code +Infinity} are errors. Probabilities are only ever formed as
 * {@code exp(score - max)}, so nothing overflows, and a draw compares a uniform number with the running sum of the
 * very weights whose total it was scaled by, so it never depends on a probability vector summing to exactly 1.
 */
final class LogSpace {

  private LogSpace() {}

  /**
   * A double copy of a row of log-probabilities.
   *
   * @throws IllegalArgumentException naming the token if an entry is NaN or {@code +Infinity}
   */
  static double[] toDouble(float[] row) {
    double[] scores = new double[row.length];
    for (int token = 0; token < row.length; token++) {
      float value = row[token];
      if (Float.isNaN(value) || value == Float.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("log-probability of token " + token + " is " + value
            + ": expected a finite value or -Infinity (a masked token)");
      }
      scores[token] = value;
    }
    return scores;
  }

  /** Whether at least one entry is finite (not masked). */
  static boolean hasUnmasked(float[] row) {
    for (float value : row) {
      if (value > Float.NEGATIVE_INFINITY) {
        return true;
      }
    }
    return false;
  }

  /** The largest score, {@code -Infinity} if every token is masked. */
  static double max(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double score : scores) {
      if (score > max) {
        max = score;
      }
    }
    return max;
  }

  /** The first token with the largest score (ties go to the lowest id); -1 if every token is masked. */
  static int argmax(double[] scores) {
    int best = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int token = 0; token < scores.length; token++) {
      if (scores[token] > max) {
        max = scores[token];
        best = token;
      }
    }
    return best;
  }

  /** {@code ln sum exp(scores)} with the maximum subtracted first; {@code -Infinity} if every token is masked. */
  static double logSumExp(double[] scores) {
    double max = max(scores);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double score : scores) {
      sum += Math.exp(score - max);
    }
    return max + Math.log(sum);
  }

  /** The normalised probabilities {@code exp(score - logSumExp)}; masked tokens get exactly 0. */
  static double[] probabilities(double[] scores) {
    double[] weights = weights(scores);
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    for (int token = 0; token < weights.length; token++) {
      weights[token] /= total;
    }
    return weights;
  }

  /**
   * Draws a token with probability proportional to {@code exp(score)}: one {@code random.nextDouble()} per draw.
   *
   * @throws IllegalArgumentException if every token is masked
   */
  static int draw(double[] scores, RandomGenerator random) {
    double[] weights = weights(scores);
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double target = random.nextDouble() * total;
    double cumulative = 0;
    int lastPositive = -1;
    for (int token = 0; token < weights.length; token++) {
      if (weights[token] > 0) {
        cumulative += weights[token];
        lastPositive = token;
        if (cumulative > target) {
          return token;
        }
      }
    }
    // Unreachable in exact arithmetic: the running sum ends at total > target. Kept against rounding surprises.
    return lastPositive;
  }

  /** {@code exp(score - max)}: the largest is 1, masked tokens are 0. */
  private static double[] weights(double[] scores) {
    double max = max(scores);
    if (max == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("every token of the row is masked (-Infinity): nothing can be chosen");
    }
    double[] weights = new double[scores.length];
    for (int token = 0; token < scores.length; token++) {
      weights[token] = Math.exp(scores[token] - max);
    }
    return weights;
  }

  /**
   * The unmasked tokens ordered by score, highest first; equal scores in increasing token order. This order
   * decides every tie in top-k and top-p.
   */
  static int[] rankedTokens(double[] scores) {
    int count = 0;
    for (double score : scores) {
      if (score > Double.NEGATIVE_INFINITY) {
        count++;
      }
    }
    // Boxed ids with a comparator: rows are a vocabulary long (hundreds of tokens), so this is cheap.
    Integer[] tokens = new Integer[count];
    int next = 0;
    for (int token = 0; token < scores.length; token++) {
      if (scores[token] > Double.NEGATIVE_INFINITY) {
        tokens[next++] = token;
      }
    }
    Arrays.sort(tokens, (a, b) -> {
      int byScore = Double.compare(scores[b], scores[a]);
      return byScore != 0 ? byScore : Integer.compare(a, b);
    });
    int[] ranked = new int[count];
    for (int i = 0; i < count; i++) {
      ranked[i] = tokens[i];
    }
    return ranked;
  }
}
