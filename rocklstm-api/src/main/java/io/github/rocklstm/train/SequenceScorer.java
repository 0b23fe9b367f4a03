package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ScoreResult;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Teacher-forced scoring of whole sequences through a {@link TrainableNetwork}: the one implementation behind
 * {@link io.github.rocklstm.model.SequenceModel#score} and the validation loss of {@link TrainingLoop}.
 *
 * <p>Each sequence is one row that starts from the zero state and runs its full length (no truncation), inputs
 * {@code s[0..n-2]}, targets {@code s[1..n-1]}. Sequences are sorted by length so that rows of similar length
 * share a batch, and batches hold at most {@value #MAX_BATCH_POSITIONS} positions (padding included) and at most
 * {@value #MAX_BATCH_ROWS} rows, which bounds memory; results come back in the caller's order.
 */
public final class SequenceScorer {

  /** The most positions (rows times padded length) in one scoring batch. */
  public static final int MAX_BATCH_POSITIONS = 32_768;

  /** The most rows in one scoring batch. */
  public static final int MAX_BATCH_ROWS = 256;

  private SequenceScorer() {}

  /**
   * Scores {@code sequences} (already checked: each at least 2 tokens, ids in the vocabulary).
   *
   * @return per-token log-probabilities, per-sequence and total log-likelihood
   */
  public static ScoreResult score(TrainableNetwork network, List<int[]> sequences) {
    Preconditions.checkNotNull(network, "network");
    Integer[] order = IntStream.range(0, sequences.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -sequences.get(i).length).thenComparingInt(i -> i));
    float[][] result = new float[sequences.size()][];
    int from = 0;
    while (from < order.length) {
      int length = sequences.get(order[from]).length - 1;
      int rows = Math.max(1, Math.min(MAX_BATCH_ROWS, MAX_BATCH_POSITIONS / length));
      int to = Math.min(order.length, from + rows);
      rows = to - from;
      int[] inputs = new int[rows * length];
      int[] targets = new int[rows * length];
      int[] lengths = new int[rows];
      for (int r = 0; r < rows; r++) {
        int[] sequence = sequences.get(order[from + r]);
        lengths[r] = sequence.length - 1;
        System.arraycopy(sequence, 0, inputs, r * length, lengths[r]);
        System.arraycopy(sequence, 1, targets, r * length, lengths[r]);
      }
      TokenBatch batch = new TokenBatch(rows, length, inputs, targets, lengths);
      float[] logProbabilities = network.targetLogProbabilities(batch);
      Preconditions.checkState(
          logProbabilities.length == rows * length,
          "backend returned %s log-probabilities for a %s x %s batch", logProbabilities.length, rows, length);
      for (int r = 0; r < rows; r++) {
        result[order[from + r]] = Arrays.copyOfRange(logProbabilities, r * length, r * length + lengths[r]);
      }
      from = to;
    }
    return new ScoreResult(result);
  }
}
