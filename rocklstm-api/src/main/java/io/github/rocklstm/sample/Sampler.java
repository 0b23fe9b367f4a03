package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import java.util.random.RandomGenerator;

/**
 * Chooses the next token of a row from the model's natural-log probabilities for that row.
 *
 * <p>A sampler holds no random state: the caller passes a seeded {@link RandomGenerator} per row (the generators
 * of this package derive one per sequence from the seed, see {@link SequenceGenerator}), so the same generator
 * state gives the same token. A row's entries may be {@code -Infinity}: those tokens are masked (by a
 * {@link Constraint}) and are never chosen. Samplers are immutable and thread-safe.
 *
 * <p>The implementations are {@link CompositeSampler}s; the factories here give the usual single-purpose ones.
 */
public interface Sampler {

  /**
   * The distribution {@link #sample} draws from, after every transformation this sampler applies (penalties,
   * temperature, truncation): probabilities that sum to 1 up to rounding, 0 exactly for masked or cut tokens.
   *
   * @param logProbabilities natural-log probabilities of the next token, one per vocabulary entry; not modified
   * @param history the tokens of the row so far, START first (read by the repetition penalty); not modified
   * @throws IllegalArgumentException if an entry is NaN or {@code +Infinity}, or if every entry is masked
   */
  double[] probabilities(float[] logProbabilities, int[] history);

  /**
   * Chooses the next token.
   *
   * @param logProbabilities natural-log probabilities of the next token, one per vocabulary entry; not modified
   * @param history the tokens of the row so far, START first (read by the repetition penalty); not modified
   * @param random the row's random generator; a deterministic sampler (greedy) does not touch it
   * @return a token id whose entry is not {@code -Infinity}
   * @throws IllegalArgumentException if an entry is NaN or {@code +Infinity}, or if every entry is masked
   */
  int sample(float[] logProbabilities, int[] history, RandomGenerator random);

  /**
   * {@link #sample} for each row of a batch.
   *
   * @param logProbabilities {@code [rows][vocabulary]}
   * @param histories the tokens so far of each row
   * @param randoms one generator per row
   */
  default int[] sampleRows(float[][] logProbabilities, int[][] histories, RandomGenerator[] randoms) {
    Preconditions.checkArgument(histories.length == logProbabilities.length && randoms.length
        == logProbabilities.length, "need one history and one random generator per row: %s rows, %s histories, "
        + "%s generators", logProbabilities.length, histories.length, randoms.length);
    int[] tokens = new int[logProbabilities.length];
    for (int row = 0; row < tokens.length; row++) {
      tokens[row] = sample(logProbabilities[row], histories[row], randoms[row]);
    }
    return tokens;
  }

  /** Always the most probable token (the lowest id among equals); never touches the random generator. */
  static Sampler greedy() {
    return CompositeSampler.builder().temperature(0).build();
  }

  /**
   * Samples from the distribution sharpened or flattened by {@code temperature}: {@code p'(t) ∝ p(t)^(1/T)}.
   * Lower is more conservative; 1 is the model's own distribution; 0 is exactly {@link #greedy()}.
   *
   * @param temperature at least 0 and finite
   */
  static Sampler temperature(double temperature) {
    return CompositeSampler.builder().temperature(temperature).build();
  }

  /**
   * Samples at temperature 1 from the {@code k} most probable tokens only (renormalised).
   *
   * @param k at least 1
   */
  static Sampler topK(int k) {
    return CompositeSampler.builder().topK(k).build();
  }

  /**
   * Nucleus sampling at temperature 1: samples from the smallest set of most probable tokens whose probabilities
   * sum to at least {@code p} (renormalised).
   *
   * @param p in {@code (0, 1]}; 1 keeps every token
   */
  static Sampler topP(double p) {
    return CompositeSampler.builder().topP(p).build();
  }

  /**
   * Samples at temperature 1 after the CTRL-style repetition penalty: see {@link CompositeSampler}.
   *
   * @param penalty positive and finite; 1 is no penalty, above 1 discourages repeats
   * @param window how many of the most recent tokens count as repeated, at least 1
   */
  static Sampler repetitionPenalty(double penalty, int window) {
    return CompositeSampler.builder().repetitionPenalty(penalty).repetitionWindow(window).build();
  }
}
