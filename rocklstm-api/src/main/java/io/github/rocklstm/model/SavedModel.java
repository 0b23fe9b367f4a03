package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a model directory holds, in memory: what {@link ModelDirectory#write} takes and
 * {@link ModelDirectory#read} returns.
 *
 * @param backend the backend that saved the model (informational: any backend loads it)
 * @param spec the architecture
 * @param weights the weights in the {@link ParameterLayout} layout
 * @param optimizer Adam's state, empty for a model that was never trained
 * @param training the training history, empty for a model that was never trained
 * @param metadata the caller's JSON object (tokenizer settings, vocabulary, ...)
 */
public record SavedModel(
    String backend,
    ModelSpec spec,
    Map<String, FloatTensor> weights,
    Optional<OptimizerState> optimizer,
    Optional<TrainingSummary> training,
    Map<String, Object> metadata) {

  /** Checks that weights and optimizer state fit the spec; copies the maps. */
  public SavedModel {
    Preconditions.checkNotNull(backend, "backend");
    Preconditions.checkNotNull(spec, "spec");
    Preconditions.checkNotNull(optimizer, "optimizer");
    Preconditions.checkNotNull(training, "training");
    weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    ParameterLayout.check(spec, weights, "weights");
    optimizer.ifPresent(
        state -> {
          ParameterLayout.check(spec, state.firstMoment(), "optimizer first moment");
          ParameterLayout.check(spec, state.secondMoment(), "optimizer second moment");
        });
  }
}
