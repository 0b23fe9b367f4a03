package io.github.rocklstm.eval;

/**
 * Measures something about an input and reports it as named {@link Metrics}: a model's likelihood on held-out
 * sequences, an n-gram baseline, statistics of generated chord progressions, and so on.
 *
 * <p>Implementations are deterministic for a given input and state which metric names they return in their javadoc,
 * so callers can look values up with {@link Metrics#value(String)}. Bad input is an {@link IllegalArgumentException}
 * saying what is wrong.
 *
 * @param <T> what is evaluated, e.g. {@code Iterable<int[]>} for token sequences
 */
public interface Evaluator<T> {

  /** A short lowercase name for reports and metric prefixes, e.g. {@code ngram}. */
  String name();

  /** The metrics measured on {@code input}, in a fixed order. */
  Metrics evaluate(T input);
}
