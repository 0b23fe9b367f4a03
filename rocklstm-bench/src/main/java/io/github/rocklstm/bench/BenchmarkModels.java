package io.github.rocklstm.bench;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import java.util.List;

/**
 * Creates the models the benchmarks measure: backend by name, threads pinned first, the device of the benchmark's
 * {@code device} parameter (default {@code cpu}), fixed seed.
 */
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

  /**
   * A new model of {@code spec} with {@code backend} on {@code device} ({@link Device#parse}: cpu, gpuN or auto),
   * initial weights from {@link BenchmarkShapes#SEED}.
   *
   * @throws IllegalArgumentException for a device text that is not one of those, or a GPU the backend cannot use
   */
  public static SequenceModel create(String backend, int threads, String device, ModelSpec spec) {
    return backend(backend, threads).create(spec, Device.parse(device), BenchmarkShapes.SEED);
  }

  /**
   * The concrete device {@code device} ({@link Device#parse}) names for {@code backend}: the CPU, a GPU the backend
   * lists in {@link Backend#devices()}, or for {@code auto} the first GPU it lists, else the CPU (what
   * {@link Backend#create} does with these names).
   *
   * @throws IllegalArgumentException for a GPU the backend does not list, naming the devices it has
   */
  public static Device resolve(Backend backend, String device) {
    Device wanted = Device.parse(device);
    List<Device> available = backend.devices();
    if (wanted.equals(Device.auto())) {
      return available.stream().filter(Device::isGpu).findFirst().orElse(Device.cpu());
    }
    if (wanted.isGpu() && !available.contains(wanted)) {
      throw new IllegalArgumentException("device " + wanted + " is not available to the " + backend.name()
          + " backend here; its devices are " + available);
    }
    return wanted;
  }
}
