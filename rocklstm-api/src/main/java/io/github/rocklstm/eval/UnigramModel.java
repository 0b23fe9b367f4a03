package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * The context-free baseline: every token has the same probability wherever it occurs, estimated with add-k
 * (Lidstone) smoothing over the whole vocabulary:
 *
 * <pre>
 *   p(w) = (c(w) + k) / (N + k * V)
 * </pre>
 *
 * where {@code c(w)} is how often {@code w} was predicted in training (every token after the first of each sequence,
 * so START at the head of a sequence is not counted), {@code N} the number of predicted training tokens and {@code V}
 * the vocabulary size. {@code k = 1} (add-one, Laplace) is the default; any {@code k > 0} gives every id in the
 * vocabulary a non-zero probability. A model is immutable and may be shared between threads.
 */
public final class UnigramModel implements LanguageModel {

  /** The default smoothing constant: add-one. */
  public static final double ADD_ONE = 1.0;

  private final int vocabularySize;
  private final double k;
  private final long[] counts;
  private final long total;
  private final double[] logProbabilities;

  private UnigramModel(int vocabularySize, double k, long[] counts, long total) {
    this.vocabularySize = vocabularySize;
    this.k = k;
    this.counts = counts;
    this.total = total;
    this.logProbabilities = new double[vocabularySize];
    double denominator = total + k * vocabularySize;
    for (int token = 0; token < vocabularySize; token++) {
      logProbabilities[token] = Math.log((counts[token] + k) / denominator);
    }
  }

  /** Fits with add-one smoothing; see {@link #fit(Iterable, int, double)}. */
  public static UnigramModel fit(Iterable<int[]> sequences, int vocabularySize) {
    return fit(sequences, vocabularySize, ADD_ONE);
  }

  /**
   * Counts the predicted tokens of {@code sequences} (every token after the first of each).
   *
   * @param sequences training sequences, each at least two ids in {@code [0, vocabularySize)}; at least one
   * @param vocabularySize number of token ids, at least 1
   * @param k the smoothing constant added to every count, greater than 0 and finite
   * @throws IllegalArgumentException on any bad argument, naming the sequence and position
   */
  public static UnigramModel fit(Iterable<int[]> sequences, int vocabularySize, double k) {
    Preconditions.checkNotNull(sequences, "sequences");
    TokenSequences.checkVocabularySize(vocabularySize);
    Preconditions.checkArgument(k > 0 && Double.isFinite(k), "smoothing constant k must be > 0 and finite, got %s", k);
    long[] counts = new long[vocabularySize];
    long total = 0;
    long index = 0;
    for (int[] sequence : sequences) {
      TokenSequences.checkSequence(sequence, index++, vocabularySize);
      for (int i = 1; i < sequence.length; i++) {
        counts[sequence[i]]++;
      }
      total += sequence.length - 1;
    }
    Preconditions.checkArgument(index > 0, "no training sequences");
    return new UnigramModel(vocabularySize, k, counts, total);
  }

  /** Always 1: the context is ignored. */
  @Override
  public int order() {
    return 1;
  }

  @Override
  public int vocabularySize() {
    return vocabularySize;
  }

  /** The smoothing constant. */
  public double k() {
    return k;
  }

  /** How often {@code token} was predicted in training. */
  public long count(int token) {
    TokenSequences.checkToken(token, vocabularySize);
    return counts[token];
  }

  /** Number of predicted training tokens. */
  public long totalCount() {
    return total;
  }

  /** {@code ln p(token)}; the context is checked but otherwise ignored. */
  @Override
  public double logProbability(int[] context, int token) {
    TokenSequences.checkContext(context, vocabularySize);
    TokenSequences.checkToken(token, vocabularySize);
    return logProbabilities[token];
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "UnigramModel[vocabulary=%d, k=%s, tokens=%d]", vocabularySize, k, total);
  }
}
