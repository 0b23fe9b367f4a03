package io.github.rocklstm.dl4j;

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
 * The {@code dl4j} backend: LSTM sequence models computed with ND4J, Deeplearning4j's tensor library (see the
 * package documentation for why the network is written with ND4J operations rather than a
 * {@code MultiLayerNetwork}). Registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/io.github.rocklstm.backend.Backend}; constructing it and asking {@link #isAvailable()}
 * load no native code.
 */
public final class Dl4jBackend implements Backend {

  /** The backend's name, {@value}. */
  public static final String NAME = "dl4j";

  /** Creates the backend; cheap. */
  public Dl4jBackend() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean isAvailable() {
    return Nd4jRuntime.unavailableReason().isEmpty();
  }

  @Override
  public String unavailableReason() {
    return Nd4jRuntime.unavailableReason();
  }

  @Override
  public List<Device> devices() {
    return Nd4jRuntime.devices();
  }

  @Override
  public SequenceModel create(ModelSpec spec, Device device, long seed) {
    Preconditions.checkNotNull(spec, "spec");
    Preconditions.checkNotNull(device, "device");
    Device resolved = Nd4jRuntime.resolve(device);
    return new NetworkSequenceModel(NAME, new Dl4jNetwork(spec, resolved, ParameterLayout.initialize(spec, seed)));
  }

  @Override
  public SequenceModel load(Path directory, Device device) {
    Preconditions.checkNotNull(directory, "directory");
    Preconditions.checkNotNull(device, "device");
    return NetworkSequenceModel.load(
        NAME, directory, saved -> new Dl4jNetwork(saved.spec(), Nd4jRuntime.resolve(device), saved.weights()));
  }

  @Override
  public String toString() {
    return "Dl4jBackend{ND4J " + Nd4jRuntime.ND4J_VERSION + "}";
  }
}
