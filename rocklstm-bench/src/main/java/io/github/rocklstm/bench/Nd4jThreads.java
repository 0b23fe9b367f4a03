package io.github.rocklstm.bench;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J's thread limits; a class of its own so that DJL-only forks never load ND4J. */
final class Nd4jThreads {

  private Nd4jThreads() {}

  /** Loads ND4J (if not yet loaded) and limits libnd4j and OpenBLAS to {@code threads} threads. */
  static void apply(int threads) {
    Environment environment = Nd4j.getEnvironment();
    environment.setMaxThreads(threads);
    environment.setMaxMasterThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
  }
}
