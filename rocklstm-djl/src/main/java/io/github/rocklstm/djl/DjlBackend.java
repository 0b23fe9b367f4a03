package io.github.rocklstm.djl;

import com.google.common.base.Preconditions;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.NetworkSequenceModel;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.SequenceModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code djl} backend: LSTM sequence models computed by PyTorch through DJL. Registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/io.github.rocklstm.backend.Backend}; constructing it
 * and asking {@link #isAvailable()} load no native code.
 */
public final class DjlBackend implements Backend {

  /** The backend's name, {@value}. */
  public static final String NAME = "djl";

  /** Creates the backend; cheap. */
  public DjlBackend() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return DjlRuntime.unavailableReason().isEmpty();
  }

  @Override
  public String unavailableReason() {
    return DjlRuntime.unavailableReason();
  }

  @Override
  public List<Device> devices() {
    return DjlRuntime.devices();
  }

  @Override
  public SequenceModel create(ModelSpec spec, Device device, long seed) {
    Preconditions.checkNotNull(spec, "spec");
    Preconditions.checkNotNull(device, "device");
    ai.djl.Device djlDevice = DjlRuntime.toDjl(device);
    return new NetworkSequenceModel(NAME, new DjlNetwork(spec, djlDevice, ParameterLayout.initialize(spec, seed)));
  }

  @Override
  public SequenceModel load(Path directory, Device device) {
    Preconditions.checkNotNull(directory, "directory");
    Preconditions.checkNotNull(device, "device");
    return NetworkSequenceModel.load(
        NAME, directory, saved -> new DjlNetwork(saved.spec(), DjlRuntime.toDjl(device), saved.weights()));
  }

  @Override
  public String toString() {
    return "DjlBackend{PyTorch via DJL}";
  }
}
