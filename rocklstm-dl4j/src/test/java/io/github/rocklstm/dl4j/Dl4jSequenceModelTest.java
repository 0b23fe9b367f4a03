package io.github.rocklstm.dl4j;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.SequenceModelContract;

/** The backend contract suite on the dl4j backend. */
class Dl4jSequenceModelTest extends SequenceModelContract {

  @Override
  protected Backend backend() {
    return new Dl4jBackend();
  }
}
