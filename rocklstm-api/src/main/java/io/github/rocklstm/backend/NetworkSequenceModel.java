package io.github.rocklstm.backend;

import com.google.common.base.Preconditions;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SavedModel;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import io.github.rocklstm.train.SequenceScorer;
import io.github.rocklstm.train.Sequences;
import io.github.rocklstm.train.TrainableNetwork;
import io.github.rocklstm.train.TrainingLoop;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link SequenceModel} of every backend: argument checks, training loop, scoring, sessions and model files
 * around a backend's {@link TrainableNetwork}. A backend's {@link Backend#create} returns
 * {@code new NetworkSequenceModel(name(), network)}, and its {@link Backend#load} returns
 * {@code NetworkSequenceModel.load(name(), directory, saved -> network built from saved)}.
 */
public final class NetworkSequenceModel implements SequenceModel {

  private final String backendName;
  private final TrainableNetwork network;
  private Optional<TrainingSummary> summary = Optional.empty();
  private Map<String, Object> metadata = Map.of();
  private boolean closed;

  /** An untrained model around {@code network}, which holds its initial weights and a fresh optimiser state. */
  public NetworkSequenceModel(String backendName, TrainableNetwork network) {
    this.backendName = Preconditions.checkNotNull(backendName, "backendName");
    this.network = Preconditions.checkNotNull(network, "network");
  }

  /**
   * Loads a model directory: reads and checks it with {@link ModelDirectory#read} (so a damaged directory fails
   * before any native memory is touched), builds the network with {@code networkFactory} (which must give it the
   * saved weights), then restores the optimiser state, training history and metadata.
   */
  public static NetworkSequenceModel load(
      String backendName, Path directory, Function<SavedModel, TrainableNetwork> networkFactory) {
    SavedModel saved = ModelDirectory.read(directory);
    TrainableNetwork network = networkFactory.apply(saved);
    try {
      saved.optimizer().ifPresent(network::setOptimizerState);
      NetworkSequenceModel model = new NetworkSequenceModel(backendName, network);
      model.summary = saved.training();
      model.metadata = saved.metadata();
      return model;
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
  }

  @Override
  public ModelSpec spec() {
    return network.spec();
  }

  @Override
  public String backendName() {
    return backendName;
  }

  @Override
  public Device device() {
    return network.device();
  }

  @Override
  public TrainingSummary fit(
      List<int[]> train, List<int[]> validation, TrainingConfig config, TrainingListener listener) {
    checkOpen();
    Preconditions.checkNotNull(config, "config");
    Preconditions.checkNotNull(listener, "listener");
    int vocabularySize = spec().vocabularySize();
    Sequences.check(train, vocabularySize, "training", false);
    Sequences.check(validation, vocabularySize, "validation", true);
    return new TrainingLoop(network, config, listener, s -> summary = Optional.of(s)).run(summary, train, validation);
  }

  @Override
  public Optional<TrainingSummary> trainingSummary() {
    return summary;
  }

  @Override
  public ScoreResult score(List<int[]> sequences) {
    checkOpen();
    Sequences.check(sequences, spec().vocabularySize(), "scored", false);
    return SequenceScorer.score(network, sequences);
  }

  @Override
  public Session newSession(int batchSize) {
    checkOpen();
    Preconditions.checkArgument(batchSize >= 1, "a session needs batchSize >= 1, got %s", batchSize);
    return new CheckedSession(network.newSession(batchSize), spec().vocabularySize(), this);
  }

  @Override
  public Map<String, Object> metadata() {
    return metadata;
  }

  @Override
  public void setMetadata(Map<String, Object> newMetadata) {
    Preconditions.checkNotNull(newMetadata, "metadata");
    // A round trip through the JSON text checks that every value is writable and makes a deep immutable copy.
    metadata = Json.parseObject(Json.write(newMetadata));
  }

  @Override
  public void save(Path directory) {
    checkOpen();
    ModelDirectory.write(
        directory,
        new SavedModel(
            backendName,
            spec(),
            network.weights(),
            summary.isPresent() ? Optional.of(network.optimizerState()) : Optional.empty(),
            summary,
            metadata));
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      network.close();
    }
  }

  private void checkOpen() {
    Preconditions.checkState(!closed, "the %s model is closed", backendName);
  }

  @Override
  public String toString() {
    return "SequenceModel{backend=" + backendName + ", device=" + device() + ", spec=" + spec() + "}";
  }
}
