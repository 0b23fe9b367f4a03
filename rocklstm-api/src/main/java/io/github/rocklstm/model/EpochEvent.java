package io.github.rocklstm.model;

import java.time.Duration;

/**
 * One epoch finished: training loss, validation loss and what early stopping made of it.
 *
 * @param epoch the epoch number, 1-based, counted over the model's whole training history
 * @param steps optimiser steps taken in this epoch
 * @param trainLoss mean cross-entropy over this epoch's training batches, nats per target token
 * @param validationLoss mean cross-entropy of the validation sequences after this epoch, nats per target token
 *     (whole sequences, as {@link SequenceModel#score} computes it); NaN when there are no validation sequences
 * @param learningRate the learning rate used in this epoch
 * @param improved whether the validation loss is the best so far (always true without validation sequences)
 * @param tokensPerSecond training throughput of this epoch, target tokens per second (validation not included)
 * @param duration wall time of this epoch, validation included
 */
public record EpochEvent(
    int epoch,
    int steps,
    double trainLoss,
    double validationLoss,
    double learningRate,
    boolean improved,
    double tokensPerSecond,
    Duration duration) {

  /** {@code exp(validationLoss)}; NaN without validation sequences. */
  public double validationPerplexity() {
    return Math.exp(validationLoss);
  }

  /** {@code exp(trainLoss)}. */
  public double trainPerplexity() {
    return Math.exp(trainLoss);
  }
}
