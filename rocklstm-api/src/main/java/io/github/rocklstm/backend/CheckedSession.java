package io.github.rocklstm.backend;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.train.Sequences;

/** Checks the arguments of every session call before a backend's session sees them. */
final class CheckedSession implements Session {

  private final Session delegate;
  private final int vocabularySize;
  private final NetworkSequenceModel model;
  private int batchSize;
  private boolean closed;

  CheckedSession(Session delegate, int vocabularySize, NetworkSequenceModel model) {
    this.delegate = delegate;
    this.vocabularySize = vocabularySize;
    this.model = model;
    this.batchSize = delegate.batchSize();
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
    checkOpen();
    Sequences.checkStep(tokens, batchSize, vocabularySize);
    return delegate.step(tokens);
  }

  @Override
  public void select(int[] rows) {
    checkOpen();
    Preconditions.checkNotNull(rows, "rows");
    Preconditions.checkArgument(rows.length >= 1, "select needs at least one row");
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] < 0 || rows[i] >= batchSize) {
        throw new IllegalArgumentException(
            "select: rows[" + i + "] = " + rows[i] + " is outside the current rows [0, " + batchSize + ")");
      }
    }
    delegate.select(rows.clone());
    batchSize = rows.length;
  }

  @Override
  public void reset() {
    checkOpen();
    delegate.reset();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (!model.isClosed()) {
        delegate.close();
      }
    }
  }

  private void checkOpen() {
    Preconditions.checkState(!closed, "the session is closed");
    Preconditions.checkState(!model.isClosed(), "the session's model is closed");
  }
}
