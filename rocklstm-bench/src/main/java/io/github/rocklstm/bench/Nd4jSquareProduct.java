package io.github.rocklstm.bench;

import io.github.rocklstm.model.Device;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link SquareProduct} with ND4J: {@code Nd4j.gemm} (OpenBLAS sgemm with nd4j-native) into a preallocated result.
 * For a GPU (only with ND4J's CUDA backend) the calling thread is bound to it first, as the dl4j backend does; JMH
 * runs a trial's setup and its invocations on the same thread.
 */
final class Nd4jSquareProduct implements SquareProduct {

  private final INDArray a;
  private final INDArray b;
  private final INDArray c;

  Nd4jSquareProduct(Device device, int n, float[] a, float[] b) {
    if (device.isGpu()) {
      Nd4j.getAffinityManager().unsafeSetDevice(device.index());
    }
    this.a = Nd4j.create(a, new long[] {n, n}, 'c');
    this.b = Nd4j.create(b, new long[] {n, n}, 'c');
    this.c = Nd4j.create(a.clone(), new long[] {n, n}, 'c');
  }

  @Override
  public float multiply() {
    Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    return c.getFloat(0L);
  }

  @Override
  public void close() {
    a.close();
    b.close();
    c.close();
  }
}
