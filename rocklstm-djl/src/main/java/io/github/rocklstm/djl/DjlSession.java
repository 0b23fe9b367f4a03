package io.github.rocklstm.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.github.rocklstm.model.Session;

/**
 * Stepping on PyTorch: the state (h and c of every layer, each [B, H]) lives in the session's own manager, a
 * child of the network's; each step works in a grandchild manager that is closed before returning, and only the
 * new state is moved up, so memory stays flat however many steps run.
 */
final class DjlSession implements Session {

  private final DjlNetwork network;
  private final NDManager manager;
  private final int vocabularySize;
  private int batchSize;
  private NDList state;
  private boolean closed;

  DjlSession(DjlNetwork network, int batchSize) {
    this.network = network;
    this.manager = network.manager().newSubManager();
    this.vocabularySize = network.spec().vocabularySize();
    this.batchSize = batchSize;
    this.state = zeroState(batchSize);
  }

  private NDList zeroState(int rows) {
    int layers = network.spec().layers();
    NDList zeros = new NDList(2 * layers);
    for (int i = 0; i < 2 * layers; i++) {
      zeros.add(manager.zeros(new Shape(rows, network.spec().hiddenSize())));
    }
    return zeros;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int vocabularySize() {
    return vocabularySize;
  }

  @Override
  public float[][] step(int[] tokens) {
    JniUtils.setGradMode(false);
    long[] ids = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      ids[i] = tokens[i];
    }
    try (NDManager scope = manager.newSubManager()) {
      // The old state is released with this step's scope; the new one moves up to the session.
      state.attach(scope);
      NDList next = new NDList(state);
      float[] flat = network.step(scope.create(ids), next).toFloatArray();
      next.attach(manager);
      state = next;
      float[][] rows = new float[batchSize][vocabularySize];
      for (int row = 0; row < batchSize; row++) {
        System.arraycopy(flat, row * vocabularySize, rows[row], 0, vocabularySize);
      }
      return rows;
    }
  }

  @Override
  public void select(int[] rows) {
    JniUtils.setGradMode(false);
    long[] indices = new long[rows.length];
    for (int i = 0; i < rows.length; i++) {
      indices[i] = rows[i];
    }
    try (NDManager scope = manager.newSubManager()) {
      state.attach(scope);
      NDArray index = scope.create(indices);
      NDList next = new NDList(state.size());
      for (NDArray part : state) {
        next.add(part.get(index));
      }
      next.attach(manager);
      state = next;
      batchSize = rows.length;
    }
  }

  @Override
  public void reset() {
    state.close();
    state = zeroState(batchSize);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
