package io.github.rocklstm.model;

import java.time.Duration;

/**
 * One optimiser step finished.
 *
 * @param epoch the epoch number, 1-based, counted over the model's whole training history
 * @param step the step within this epoch, 1-based
 * @param stepsInEpoch the steps this epoch will take
 * @param globalStep optimiser steps taken by the model so far, this one included
 * @param loss mean cross-entropy of this step's batch, nats per target token
 * @param targetTokens target tokens (padding excluded) in this step's batch
 * @param learningRate the learning rate used
 * @param tokensPerSecond training throughput of this epoch so far, target tokens per second
 * @param elapsed time since this {@code fit} call started
 * @param remaining estimated time until the last epoch of this {@code fit} call ends (training steps only, at the
 *     average step time so far; validation not included)
 */
public record StepEvent(
    int epoch,
    int step,
    int stepsInEpoch,
    long globalStep,
    double loss,
    int targetTokens,
    double learningRate,
    double tokensPerSecond,
    Duration elapsed,
    Duration remaining) {}
