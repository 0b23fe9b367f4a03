package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An immutable dense float32 tensor in row-major (C) order: the portable form of a weight or optimiser tensor that
 * {@link TensorFile} stores and every backend reads and writes.
 */
public final class FloatTensor {

  private final int[] shape;
  private final float[] data;

  private FloatTensor(int[] shape, float[] data) {
    this.shape = shape;
    this.data = data;
  }

  /**
   * A tensor holding a copy of {@code data} with the given shape.
   *
   * @throws IllegalArgumentException if a dimension is negative or the sizes disagree
   */
  public static FloatTensor of(float[] data, int... shape) {
    Preconditions.checkNotNull(data, "data");
    return wrap(data.clone(), shape.clone());
  }

  /**
   * A tensor of zeros.
   *
   * @throws IllegalArgumentException if a dimension is negative or the size exceeds {@code Integer.MAX_VALUE}
   */
  public static FloatTensor zeros(int... shape) {
    return wrap(new float[checkedSize(shape)], shape.clone());
  }

  /**
   * A tensor that takes ownership of {@code data} without copying it: the caller must not change the array
   * afterwards. For backends copying large weights out of native memory.
   */
  public static FloatTensor wrap(float[] data, int... shape) {
    Preconditions.checkNotNull(data, "data");
    long size = checkedSize(shape);
    Preconditions.checkArgument(
        size == data.length, "shape %s needs %s values, got %s", Arrays.toString(shape), size, data.length);
    return new FloatTensor(shape, data);
  }

  private static int checkedSize(int[] shape) {
    Preconditions.checkNotNull(shape, "shape");
    long size = 1;
    for (int dimension : shape) {
      Preconditions.checkArgument(dimension >= 0, "negative dimension in shape %s", Arrays.toString(shape));
      size *= dimension;
      Preconditions.checkArgument(size <= Integer.MAX_VALUE, "shape %s is too large", Arrays.toString(shape));
    }
    return (int) size;
  }

  /** The dimensions (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** Dimension {@code axis}. */
  public int dimension(int axis) {
    return shape[axis];
  }

  /** Whether the shape equals {@code expected}. */
  public boolean hasShape(int... expected) {
    return Arrays.equals(shape, expected);
  }

  /** The number of values. */
  public int size() {
    return data.length;
  }

  /** Value {@code index} in row-major order. */
  public float get(int index) {
    return data[index];
  }

  /** The values in row-major order (a copy). */
  public float[] toArray() {
    return data.clone();
  }

  /** The values in row-major order as a read-only buffer, without copying. */
  public FloatBuffer asBuffer() {
    return FloatBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** Equal shapes and bitwise-equal values. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FloatTensor
        && Arrays.equals(shape, ((FloatTensor) other).shape)
        && Arrays.equals(data, ((FloatTensor) other).data);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  /** The shape, e.g. {@code FloatTensor[256, 64]}. */
  @Override
  public String toString() {
    return "FloatTensor" + Arrays.toString(shape);
  }
}
