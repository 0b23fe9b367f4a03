package io.github.rocklstm.djl;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.SequenceModelContract;

/** The backend contract suite on the djl backend. */
class DjlSequenceModelTest extends SequenceModelContract {

  @Override
  protected Backend backend() {
    return new DjlBackend();
  }
}
