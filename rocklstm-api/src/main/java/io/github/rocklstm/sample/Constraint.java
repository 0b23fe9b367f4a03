package io.github.rocklstm.sample;

/**
 * A rule on which tokens may come next, applied as a mask: it sets the log-probabilities of forbidden tokens to
 * {@code -Infinity} before the {@link Sampler} (or {@link BeamSearch}) sees them. Constraints work on a whole batch
 * at once and only ever lower entries to {@code -Infinity}, so several constraints combine as the intersection of
 * what each allows, in any order.
 *
 * <p>Positions count from the start of the sequence: position 0 holds START, so the token about to be chosen for a
 * row with prefix {@code p} goes to position {@code p.length}. Implementations are immutable and thread-safe.
 */
public interface Constraint {

  /**
   * Masks, in each row, the tokens that may not come next.
   *
   * @param prefixes the tokens of each row so far, START first; not to be modified
   * @param logProbabilities {@code [rows][vocabulary]} natural-log probabilities of the next token, masked in place
   * @throws IllegalArgumentException if a token the constraint names lies outside the vocabulary
   */
  void apply(int[][] prefixes, float[][] logProbabilities);
}
