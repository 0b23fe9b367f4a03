package io.github.rocklstm.dl4j;

import io.github.rocklstm.model.Session;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stepping on ND4J. The session owns its state explicitly (h and c of every layer, each [B, H], outside any
 * workspace) and passes it to the network's fused {@code lstmLayer} call on every step, so sessions of one model
 * share nothing but the read-only parameters and may run on different threads at once. (Deeplearning4j's own
 * {@code MultiLayerNetwork.rnnTimeStep} keeps this state inside the layers instead, which would let two sessions
 * overwrite each other's.)
 */
// ND4J workspaces are scopes: try-with-resources opens and closes them without naming them in the body.
@SuppressWarnings("try")
final class Dl4jSession implements Session {

  private final Dl4jNetwork network;
  private INDArray[] state;
  private int batchSize;
  private boolean closed;

  Dl4jSession(Dl4jNetwork network, int batchSize) {
    this.network = network;
    this.batchSize = batchSize;
    this.state = network.zeroState(batchSize);
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int vocabularySize() {
    return network.spec().vocabularySize();
  }

  @Override
  public float[][] step(int[] tokens) {
    checkOpen();
    return network.step(tokens, state);
  }

  @Override
  public void select(int[] rows) {
    checkOpen();
    INDArray[] next = new INDArray[state.length];
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (int i = 0; i < state.length; i++) {
        next[i] = Nd4j.pullRows(state[i], 1, rows);
      }
    }
    state = next;
    batchSize = rows.length;
  }

  @Override
  public void reset() {
    checkOpen();
    state = network.zeroState(batchSize);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the session is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    state = new INDArray[0];
  }
}
