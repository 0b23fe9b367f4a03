package io.github.rocklstm.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** {@link SquareProduct} with DJL's PyTorch engine: {@code NDArray.matMul} on the CPU or one GPU. */
final class DjlSquareProduct implements SquareProduct {

  private final NDManager manager;
  private final NDArray a;
  private final NDArray b;

  DjlSquareProduct(io.github.rocklstm.model.Device device, int n, float[] a, float[] b) {
    Device djlDevice = device.isGpu() ? Device.gpu(device.index()) : Device.cpu();
    this.manager = Engine.getEngine("PyTorch").newBaseManager(djlDevice);
    this.a = manager.create(a, new Shape(n, n));
    this.b = manager.create(b, new Shape(n, n));
  }

  @Override
  public float multiply() {
    try (NDArray c = a.matMul(b)) {
      return c.getFloat(0, 0);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
