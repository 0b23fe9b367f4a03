package io.github.rocklstm.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An LSTM language model over token ids: trained with {@link #fit}, evaluated with {@link #score}, sampled from
 * through a {@link Session}, and saved to a model directory that every backend can load.
 *
 * <p>Get one from a backend: {@code Backends.get().create(spec, Device.auto(), seed)} or
 * {@code Backends.get().load(directory, Device.auto())}. A token sequence is an {@code int[]} that starts with
 * START and ends with END; ids lie in {@code [0, spec().vocabularySize())}. Bad arguments (an empty list, a
 * sequence shorter than 2 tokens, an id outside the vocabulary) give an {@link IllegalArgumentException} that names
 * the sequence, the position and the value.
 *
 * <p>A model holds native memory: close it (try-with-resources). It is not thread-safe: use it from one thread at a
 * time; sessions may run on other threads while no {@code fit} call is running.
 */
public interface SequenceModel extends AutoCloseable {

  /** The architecture. */
  ModelSpec spec();

  /** The backend that computes, e.g. {@code djl} or {@code dl4j}. */
  String backendName();

  /** The concrete device the model lives on ({@code cpu} or {@code gpuN}, never {@code auto}). */
  Device device();

  /**
   * Trains with truncated back-propagation through time, shuffled windows, Adam, learning-rate decay, validation
   * after every epoch and early stopping; when the run ends the model holds the weights of its best epoch.
   *
   * <p>Training continues the model's history: epochs are numbered across calls (and across save and load), and
   * a call runs the epochs after {@link TrainingSummary#lastEpoch()} up to {@link TrainingConfig#maxEpochs()}. A
   * model saved from {@link TrainingListener#onEpoch} and loaded again continues exactly as uninterrupted training
   * would have (same shuffles, same dropout masks, same optimiser state).
   *
   * @param train training sequences, not empty
   * @param validation validation sequences for the per-epoch loss and early stopping; may be empty (then every
   *     epoch counts as an improvement and early stopping is off)
   * @param config batching, optimiser, schedule and seed
   * @param listener receives per-step and per-epoch events; {@link TrainingListener#NONE} for none
   * @return the model's whole training history, this call included
   * @throws IllegalStateException if the loss becomes NaN or infinite (the best weights so far are kept)
   */
  TrainingSummary fit(
      List<int[]> train, List<int[]> validation, TrainingConfig config, TrainingListener listener);

  /** {@link #fit(List, List, TrainingConfig, TrainingListener)} without a listener. */
  default TrainingSummary fit(List<int[]> train, List<int[]> validation, TrainingConfig config) {
    return fit(train, validation, config, TrainingListener.NONE);
  }

  /** The training history, empty for a model that was never trained. */
  Optional<TrainingSummary> trainingSummary();

  /**
   * Teacher-forced log-likelihood of each sequence in nats, computed in batches with dropout off; see
   * {@link ScoreResult} for which tokens count.
   *
   * @param sequences sequences of at least 2 tokens each, not empty
   */
  ScoreResult score(List<int[]> sequences);

  /**
   * A new stateful session of {@code batchSize} independent rows, each starting from the zero state.
   *
   * @param batchSize rows, at least 1
   */
  Session newSession(int batchSize);

  /**
   * The caller's metadata saved with the model (typically the tokenizer settings and vocabulary): a JSON object
   * as {@link io.github.rocklstm.json.Json} reads it. Empty for a new model; what {@link #setMetadata} set or
   * {@code model.json} held otherwise.
   */
  Map<String, Object> metadata();

  /**
   * Replaces the metadata saved by {@link #save}.
   *
   * @param metadata a JSON object: values must be strings, numbers, booleans, null, lists and maps of those
   * @throws IllegalArgumentException if a value cannot be written as JSON
   */
  void setMetadata(Map<String, Object> metadata);

  /**
   * Saves the model to {@code directory} (created if missing): {@code model.json}, the weights and the optimiser
   * state, in the backend-neutral format described in {@code io.github.rocklstm.backend.ModelDirectory}. Any
   * backend can load it. Writing is atomic: a crash or kill during {@code save} leaves either the previous
   * contents or the new ones, never a mix.
   *
   * @throws IllegalArgumentException if {@code directory} exists and holds something other than a model
   * @throws java.io.UncheckedIOException if writing fails
   */
  void save(Path directory);

  /** Releases the native memory of the model. Sessions of a closed model fail. Closing twice does nothing. */
  @Override
  void close();
}
