package io.github.rocklstm.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link SquareProduct} with ND4J: {@code Nd4j.gemm} (OpenBLAS sgemm) into a preallocated result. */
final class Nd4jSquareProduct implements SquareProduct {

  private final INDArray a;
  private final INDArray b;
  private final INDArray c;

  Nd4jSquareProduct(int n, float[] a, float[] b) {
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
