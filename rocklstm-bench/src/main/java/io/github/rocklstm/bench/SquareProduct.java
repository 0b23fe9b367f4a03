package io.github.rocklstm.bench;

import io.github.rocklstm.model.Device;
import java.util.SplittableRandom;

/**
 * The product {@code C = A B} of two fixed {@code n x n} float32 matrices, computed by one backend's own tensor
 * library: the reference for how many FLOP/s that library attains on this machine.
 */
interface SquareProduct extends AutoCloseable {

  /** Computes {@code C = A B} and returns one element of {@code C}, read back on the host. */
  float multiply();

  @Override
  void close();

  /**
   * The product through the library of backend {@code backend} ({@code djl} or {@code dl4j}) on {@code device}, a
   * concrete device ({@code cpu} or {@code gpuN}; see {@link BenchmarkModels#resolve}).
   */
  static SquareProduct of(String backend, Device device, int n, long seed) {
    float[] a = uniform(n, seed);
    float[] b = uniform(n, seed + 1);
    switch (backend) {
      case "djl":
        return new DjlSquareProduct(device, n, a, b);
      case "dl4j":
        return new Nd4jSquareProduct(device, n, a, b);
      default:
        throw new IllegalArgumentException("unknown backend '" + backend + "': expected djl or dl4j");
    }
  }

  private static float[] uniform(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[n * n];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(-1, 1);
    }
    return values;
  }
}
