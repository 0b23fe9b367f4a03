package io.github.rocklstm.backend;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  private static final class FakeBackend implements Backend {
    private final String name;
    private final boolean available;

    FakeBackend(String name, boolean available) {
      this.name = name;
      this.available = available;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean isAvailable() {
      return available;
    }

    @Override
    public List<Device> devices() {
      return List.of(Device.cpu());
    }

    @Override
    public SequenceModel create(ModelSpec spec, Device device, long seed) {
      throw new UnsupportedOperationException();
    }

    @Override
    public SequenceModel load(Path directory, Device device) {
      throw new UnsupportedOperationException();
    }
  }

  private final Backend djl = new FakeBackend("djl", true);
  private final Backend dl4j = new FakeBackend("dl4j", true);

  @Test
  void theOnlyAvailableBackendIsChosen() {
    assertSame(djl, Backends.select(List.of(djl), null, "-Drocklstm.backend"));
    assertSame(djl, Backends.select(List.of(djl, new FakeBackend("dl4j", false)), "", "-Drocklstm.backend"));
  }

  @Test
  void aNamedBackendIsChosenAmongSeveral() {
    assertSame(dl4j, Backends.select(List.of(dl4j, djl), "DL4J", "-Drocklstm.backend"));
    assertSame(djl, Backends.select(List.of(dl4j, djl), " djl ", "ROCKLSTM_BACKEND"));
  }

  @Test
  void severalWithoutANameIsAnErrorListingThem() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Backends.select(List.of(dl4j, djl), null, "x"));
    assertTrue(e.getMessage().contains("dl4j, djl") && e.getMessage().contains("-Drocklstm.backend")
        && e.getMessage().contains("ROCKLSTM_BACKEND"), e.getMessage());
  }

  @Test
  void noneNamesTheArtifactsToAdd() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Backends.select(List.of(), null, "x"));
    assertTrue(e.getMessage().contains("io.github.rocklstm:rocklstm-djl")
        && e.getMessage().contains("io.github.rocklstm:rocklstm-dl4j"), e.getMessage());
    // The api module alone registers no backend.
    e = assertThrows(IllegalStateException.class, () -> Backends.select(Backends.all(), null, "x"));
    assertTrue(e.getMessage().contains("rocklstm-djl"), e.getMessage());
  }

  @Test
  void unknownOrUnavailableNamedBackendIsAnError() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> Backends.select(List.of(djl), "tensorflow", "-Drocklstm.backend"));
    assertTrue(e.getMessage().contains("'tensorflow'") && e.getMessage().contains("-Drocklstm.backend")
        && e.getMessage().contains("present: djl"), e.getMessage());
    Backend broken = new FakeBackend("dl4j", false);
    e = assertThrows(IllegalStateException.class, () -> Backends.select(List.of(broken), "dl4j", "ROCKLSTM_BACKEND"));
    assertTrue(e.getMessage().contains("not available") && e.getMessage().contains("native"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> Backends.select(List.of(broken), null, "x"));
    assertTrue(e.getMessage().contains("no rocklstm backend is available"), e.getMessage());
  }
}
