package io.github.rocklstm.train;

import com.google.common.base.Preconditions;

/**
 * A rectangular batch of token windows for teacher forcing: {@code rows} rows of {@code length} positions, where
 * position t of a row feeds {@link #input(int, int)} and is trained or scored to predict {@link #target(int, int)}.
 *
 * <p>Each row holds {@link #rowLength(int)} real positions followed by padding; padding positions have input and
 * target {@code 0} (PAD) and mask {@code 0}, real ones mask {@code 1}. Every row starts from the zero LSTM state.
 * Arrays are row-major: index {@code row * length + t}.
 */
public final class TokenBatch {

  private final int rows;
  private final int length;
  private final int[] inputs;
  private final int[] targets;
  private final int[] rowLengths;
  private final int targetCount;

  /**
   * A batch from row-major arrays of {@code rows * length} values; each row's real positions come first.
   *
   * @param rowLengths real (unpadded) positions of each row, 1 to {@code length}
   */
  public TokenBatch(int rows, int length, int[] inputs, int[] targets, int[] rowLengths) {
    Preconditions.checkArgument(rows >= 1 && length >= 1, "a batch needs rows >= 1 and length >= 1, got %s x %s",
        rows, length);
    Preconditions.checkArgument(
        inputs.length == rows * length && targets.length == rows * length && rowLengths.length == rows,
        "array sizes do not match %s rows x %s positions", rows, length);
    int count = 0;
    for (int row = 0; row < rows; row++) {
      Preconditions.checkArgument(
          rowLengths[row] >= 1 && rowLengths[row] <= length, "row %s has length %s, outside 1..%s", row,
          rowLengths[row], length);
      count += rowLengths[row];
    }
    this.rows = rows;
    this.length = length;
    this.inputs = inputs.clone();
    this.targets = targets.clone();
    this.rowLengths = rowLengths.clone();
    this.targetCount = count;
  }

  /** The number of rows. */
  public int rows() {
    return rows;
  }

  /** Positions per row, padding included. */
  public int length() {
    return length;
  }

  /** Real (unpadded) positions of row {@code row}. */
  public int rowLength(int row) {
    return rowLengths[row];
  }

  /** The input token at {@code (row, t)}; PAD (0) in padding. */
  public int input(int row, int t) {
    return inputs[row * length + t];
  }

  /** The target token at {@code (row, t)}; PAD (0) in padding. */
  public int target(int row, int t) {
    return targets[row * length + t];
  }

  /** Whether {@code (row, t)} is a real position (not padding). */
  public boolean isReal(int row, int t) {
    return t < rowLengths[row];
  }

  /** Inputs, row-major, as a copy. */
  public int[] inputs() {
    return inputs.clone();
  }

  /** Targets, row-major, as a copy. */
  public int[] targets() {
    return targets.clone();
  }

  /** Inputs, row-major, widened to {@code long} (for int64 embedding lookups). */
  public long[] inputsAsLongs() {
    long[] result = new long[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      result[i] = inputs[i];
    }
    return result;
  }

  /** Targets, row-major, widened to {@code long}. */
  public long[] targetsAsLongs() {
    long[] result = new long[targets.length];
    for (int i = 0; i < targets.length; i++) {
      result[i] = targets[i];
    }
    return result;
  }

  /** The mask, row-major: 1 at real positions, 0 in padding. */
  public float[] mask() {
    float[] mask = new float[rows * length];
    for (int row = 0; row < rows; row++) {
      java.util.Arrays.fill(mask, row * length, row * length + rowLengths[row], 1f);
    }
    return mask;
  }

  /** The number of real positions: the targets that count in the loss. */
  public int targetCount() {
    return targetCount;
  }
}
