package io.github.rocklstm.bench;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;

/** Creates the models the benchmarks measure: backend by name, threads pinned first, CPU, fixed seed. */
public final class BenchmarkModels {

  private BenchmarkModels() {}

  /**
   * Pins {@code threads} ({@link BackendThreads}) and returns the backend called {@code backend}; its natives load
   * with the first model.
   */
  public static Backend backend(String backend, int threads) {
    BackendThreads.apply(backend, threads);
    return Backends.get(backend);
  }

  /** A new model of {@code spec} on the CPU of {@code backend}, initial weights from {@link BenchmarkShapes#SEED}. */
  public static SequenceModel create(String backend, int threads, ModelSpec spec) {
    return backend(backend, threads).create(spec, Device.cpu(), BenchmarkShapes.SEED);
  }
}
