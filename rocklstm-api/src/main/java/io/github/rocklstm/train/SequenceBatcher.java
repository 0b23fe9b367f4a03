package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.model.DeterministicRandom;
import java.util.AbstractList;
import java.util.List;

/**
 * Cuts token sequences into truncated-BPTT windows and groups them into {@link TokenBatch}es.
 *
 * <p>A sequence {@code s} of length n has n - 1 targets, {@code s[1..n-1]}. Window k covers targets
 * {@code s[kT+1 .. min((k+1)T, n-1)]} with inputs {@code s[kT .. ]} one position earlier, for T = {@code bptt}:
 * windows tile the targets without overlap or gap, so every target is trained exactly once per epoch, and only
 * the last window of a sequence can be shorter than T (it is padded and masked). <b>Windows are independent:</b>
 * every window starts from the zero LSTM state, including windows that continue a sequence, so no hidden state is
 * carried from one window to the next (the simplest scheme that is the same for every backend). Scoring, by
 * contrast, runs whole sequences ({@link SequenceScorer}).
 *
 * <p>Each epoch shuffles the windows with {@link DeterministicRandom} seeded by the epoch seed and cuts the
 * shuffled list into batches of {@code batchSize} windows; the last batch may have fewer rows. Batches are built
 * on demand. The batcher keeps the caller's arrays without copying; do not change them while it is in use.
 */
public final class SequenceBatcher {

  private final List<int[]> sequences;
  private final int batchSize;
  private final int bptt;
  private final int[] windowSequence;
  private final int[] windowStart;
  private final long targetTokens;

  /**
   * Windows over {@code sequences}.
   *
   * @param sequences sequences of at least 2 tokens each (not checked against a vocabulary here)
   * @param batchSize windows per batch, at least 1
   * @param bptt targets per window, at least 1
   */
  public SequenceBatcher(List<int[]> sequences, int batchSize, int bptt) {
    Preconditions.checkNotNull(sequences, "sequences");
    Preconditions.checkArgument(batchSize >= 1, "batchSize must be >= 1, got %s", batchSize);
    Preconditions.checkArgument(bptt >= 1, "bptt must be >= 1, got %s", bptt);
    this.sequences = ImmutableList.copyOf(sequences);
    this.batchSize = batchSize;
    this.bptt = bptt;
    long windows = 0;
    long targets = 0;
    for (int i = 0; i < this.sequences.size(); i++) {
      int predictions = this.sequences.get(i).length - 1;
      Preconditions.checkArgument(predictions >= 1, "sequence %s has fewer than 2 tokens", i);
      windows += (predictions + bptt - 1) / bptt;
      targets += predictions;
    }
    Preconditions.checkArgument(windows <= Integer.MAX_VALUE, "too many windows: %s", windows);
    this.windowSequence = new int[(int) windows];
    this.windowStart = new int[(int) windows];
    int w = 0;
    for (int i = 0; i < this.sequences.size(); i++) {
      int predictions = this.sequences.get(i).length - 1;
      for (int start = 0; start < predictions; start += bptt) {
        windowSequence[w] = i;
        windowStart[w] = start;
        w++;
      }
    }
    this.targetTokens = targets;
  }

  /** The number of windows. */
  public int windowCount() {
    return windowSequence.length;
  }

  /** The number of batches in one epoch: windows divided by batch size, rounded up. */
  public int batchesPerEpoch() {
    return (windowSequence.length + batchSize - 1) / batchSize;
  }

  /** The number of targets over all windows (the sum of length - 1 over all sequences). */
  public long targetTokens() {
    return targetTokens;
  }

  /** One epoch's batches, windows shuffled by {@code seed}; built on demand, so iterating costs little memory. */
  public List<TokenBatch> epoch(long seed) {
    int[] order = identity();
    new DeterministicRandom(seed).shuffle(order);
    return batches(order);
  }

  /** The batches with windows in corpus order (sequence by sequence, start to end), unshuffled. */
  public List<TokenBatch> inOrder() {
    return batches(identity());
  }

  private int[] identity() {
    int[] order = new int[windowSequence.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    return order;
  }

  private List<TokenBatch> batches(int[] order) {
    return new AbstractList<>() {
      @Override
      public TokenBatch get(int index) {
        Preconditions.checkElementIndex(index, size());
        int from = index * batchSize;
        int to = Math.min(from + batchSize, order.length);
        return batch(order, from, to);
      }

      @Override
      public int size() {
        return batchesPerEpoch();
      }
    };
  }

  private TokenBatch batch(int[] order, int from, int to) {
    int rows = to - from;
    int[] lengths = new int[rows];
    int length = 0;
    for (int r = 0; r < rows; r++) {
      int window = order[from + r];
      int predictions = sequences.get(windowSequence[window]).length - 1;
      lengths[r] = Math.min(bptt, predictions - windowStart[window]);
      length = Math.max(length, lengths[r]);
    }
    int[] inputs = new int[rows * length];
    int[] targets = new int[rows * length];
    for (int r = 0; r < rows; r++) {
      int window = order[from + r];
      int[] sequence = sequences.get(windowSequence[window]);
      int start = windowStart[window];
      System.arraycopy(sequence, start, inputs, r * length, lengths[r]);
      System.arraycopy(sequence, start + 1, targets, r * length, lengths[r]);
    }
    return new TokenBatch(rows, length, inputs, targets, lengths);
  }
}
