package io.github.rocklstm.sample;

import java.util.random.RandomGenerator;

/** Test helpers for building rows of log-probabilities by hand. */
final class Rows {

  private Rows() {}

  /** {@code ln p} of each probability as floats; a probability of 0 becomes {@code -Infinity} (masked). */
  static float[] logs(double... probabilities) {
    float[] row = new float[probabilities.length];
    for (int i = 0; i < row.length; i++) {
      row[i] = (float) Math.log(probabilities[i]);
    }
    return row;
  }

  /** A random generator that fails the test if anything draws from it. */
  static RandomGenerator untouchable() {
    return () -> {
      throw new AssertionError("a deterministic sampler drew a random number");
    };
  }

  /** Pearson's chi-square of observed counts against expected probabilities (categories with p = 0 skipped). */
  static double chiSquare(int[] counts, double[] expected, int draws) {
    double chi = 0;
    for (int i = 0; i < counts.length; i++) {
      if (expected[i] > 0) {
        double e = expected[i] * draws;
        chi += (counts[i] - e) * (counts[i] - e) / e;
      }
    }
    return chi;
  }
}
