package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code device} parameter, as the GEMM reference resolves it: the way {@code Backend.create} reads it. */
class BenchmarkModelsTest {

  /** A backend that only lists devices: resolving never creates or loads a model. */
  private record ListedDevices(List<Device> devices) implements Backend {
    @Override
    public String name() {
      return "listed";
    }

    @Override
    public boolean isAvailable() {
      return true;
    }

    @Override
    public SequenceModel create(ModelSpec spec, Device device, long seed) {
      throw new UnsupportedOperationException("resolving a device creates no model");
    }

    @Override
    public SequenceModel load(Path directory, Device device) {
      throw new UnsupportedOperationException("resolving a device loads no model");
    }
  }

  private static final Backend CPU_ONLY = new ListedDevices(List.of(Device.cpu()));
  private static final Backend TWO_GPUS = new ListedDevices(List.of(Device.cpu(), Device.gpu(0), Device.gpu(1)));

  @Test
  void resolvesCpuGpusAndAuto() {
    assertEquals(Device.cpu(), BenchmarkModels.resolve(CPU_ONLY, "cpu"));
    assertEquals(Device.cpu(), BenchmarkModels.resolve(CPU_ONLY, "auto"));
    assertEquals(Device.gpu(0), BenchmarkModels.resolve(TWO_GPUS, "auto"));
    assertEquals(Device.gpu(1), BenchmarkModels.resolve(TWO_GPUS, "GPU1"));
  }

  @Test
  void aGpuTheBackendLacksOrAnUnknownNameIsAClearError() {
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkModels.resolve(CPU_ONLY, "gpu0"));
    assertEquals("device gpu0 is not available to the listed backend here; its devices are [cpu]",
        missing.getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkModels.resolve(TWO_GPUS, "tpu"));
    assertTrue(unknown.getMessage().contains("unknown device 'tpu'"), unknown.getMessage());
  }
}
