package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;

/**
 * The no-copy guard: forbids generating any run of more than {@code N} tokens that occurs verbatim in the training
 * set, where {@code N = index.order() - 1}. Any run longer than {@code N} contains a run of exactly {@code N + 1},
 * so it is enough to mask, in each row, every token that would complete a training {@code (N+1)}-gram together with
 * the row's last {@code N} tokens. Windows reaching back into START and the primer count, since the indexed
 * training sequences hold START too; runs lying wholly inside the primer are the caller's and are not checked.
 *
 * <p>The guard can leave a row with nothing allowed (for instance when a fixed position demands exactly the token
 * that would complete a training n-gram). The generators then restart that sequence with a fresh random stream, up
 * to {@link GenerationConfig#maxAttempts()} times, and fail with an {@link IllegalStateException} naming the
 * sequence, position and prefix after that; beam search drops such a hypothesis.
 *
 * @param index the training n-grams of order {@code N + 1}
 */
public record NoCopyConstraint(NGramIndex index) implements Constraint {

  /** Checks the index is there. */
  public NoCopyConstraint {
    Preconditions.checkNotNull(index, "index");
  }

  /**
   * A guard that forbids copying more than {@code maxCopied} consecutive tokens of {@code training}.
   *
   * @param training the training sequences
   * @param maxCopied {@code N}, at least 1
   */
  public static NoCopyConstraint of(Iterable<int[]> training, int maxCopied) {
    Preconditions.checkArgument(maxCopied >= 1, "the longest allowed copied run must be at least 1 token, got %s",
        maxCopied);
    return new NoCopyConstraint(NGramIndex.build(training, maxCopied + 1));
  }

  /** {@code N}: the longest run of training tokens a generated sequence may reproduce. */
  public int maxCopied() {
    return index.order() - 1;
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    int contextLength = index.order() - 1;
    for (int row = 0; row < logProbabilities.length; row++) {
      int[] prefix = prefixes[row];
      if (prefix.length < contextLength) {
        continue;
      }
      float[] scores = logProbabilities[row];
      for (int token : index.continuations(prefix, prefix.length - contextLength)) {
        if (token < scores.length) {
          scores[token] = Float.NEGATIVE_INFINITY;
        }
      }
    }
  }
}
