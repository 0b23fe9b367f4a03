package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.List;

/**
 * A model's training history: every epoch run on it (across {@code fit} calls and resumed checkpoints), the best
 * validation loss and which epoch's weights the model holds. Saved in {@code model.json}; it is also what lets a
 * loaded checkpoint continue training where it stopped.
 *
 * @param config the configuration of the latest {@code fit} call
 * @param epochs every epoch run, in order; epoch numbers are 1, 2, 3, ...
 * @param steps optimiser steps run in all epochs
 * @param bestEpoch the epoch with the lowest validation loss (without validation sequences: the latest epoch); 0
 *     before the first epoch
 * @param bestValidationLoss its validation loss in nats per token; NaN without validation sequences
 * @param weightsEpoch the epoch after which the model's current weights were taken: {@code bestEpoch} once a run
 *     finished and restored the best weights, the latest epoch while training runs; 0 for the initial weights
 * @param stoppedEarly whether the latest run stopped because the validation loss stopped improving
 * @param trainingTime wall time spent in all epochs
 */
public record TrainingSummary(
    TrainingConfig config,
    List<EpochEvent> epochs,
    long steps,
    int bestEpoch,
    double bestValidationLoss,
    int weightsEpoch,
    boolean stoppedEarly,
    Duration trainingTime) {

  /** Copies the history and checks that epoch numbers run 1, 2, 3, ... */
  public TrainingSummary {
    Preconditions.checkNotNull(config, "config");
    epochs = ImmutableList.copyOf(epochs);
    for (int i = 0; i < epochs.size(); i++) {
      Preconditions.checkArgument(
          epochs.get(i).epoch() == i + 1, "epoch %s of the history is numbered %s", i + 1, epochs.get(i).epoch());
    }
    Preconditions.checkArgument(steps >= 0, "steps must be >= 0, got %s", steps);
    Preconditions.checkArgument(
        bestEpoch >= 0 && bestEpoch <= epochs.size(), "bestEpoch %s outside 0..%s", bestEpoch, epochs.size());
    Preconditions.checkArgument(
        weightsEpoch >= 0 && weightsEpoch <= epochs.size(), "weightsEpoch %s outside 0..%s", weightsEpoch,
        epochs.size());
    Preconditions.checkNotNull(trainingTime, "trainingTime");
  }

  /** The number of the latest epoch run; 0 when none has run. */
  public int lastEpoch() {
    return epochs.size();
  }

  /** Epochs run since the best one. */
  public int epochsWithoutImprovement() {
    return lastEpoch() - bestEpoch;
  }

  /** The latest epoch's training loss in nats per token; NaN when none has run. */
  public double lastTrainLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainLoss();
  }
}
