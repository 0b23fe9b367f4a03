package io.github.rocklstm.model;

import com.google.common.base.Preconditions;

/**
 * How {@link SequenceModel#fit} trains: batching, optimiser, schedule, stopping and seed.
 *
 * <p>Training uses Adam on the mean cross-entropy per target token (nats), with gradient clipping by global norm;
 * see {@code io.github.rocklstm.train.TrainingLoop} for the exact semantics, which every backend shares. Build one
 * with {@link #builder()}; every setting has a default, so {@code TrainingConfig.builder().build()} is a sensible
 * configuration for chord sequences.
 *
 * @param batchSize windows per optimiser step (default 32)
 * @param bptt length of a truncated back-propagation-through-time window, in target tokens (BachBot's
 *     {@code seq_length}; default 64)
 * @param maxEpochs the last epoch number to run; a model that already ran some epochs continues up to it
 *     (default 30)
 * @param learningRate Adam's step size at epoch 1 (default 0.002)
 * @param learningRateDecay factor applied to the learning rate every {@code decayEvery} epochs, in (0, 1]; 1 keeps
 *     it constant (default 0.97)
 * @param decayEvery epochs between two decays (default 1): epoch {@code e} (1-based) uses
 *     {@code learningRate * learningRateDecay^floor((e - 1) / decayEvery)}
 * @param gradientClip largest global L2 norm of the gradient; larger gradients are scaled down to it; 0 turns
 *     clipping off (default 5)
 * @param earlyStoppingPatience epochs without a better validation loss after which training stops; 0 turns early
 *     stopping off (default 5). The best weights are kept either way.
 * @param seed seeds window shuffling and dropout; weight initialisation is seeded when the model is created
 *     (default 42)
 * @param maxStepsPerEpoch optimiser steps per epoch at most, for quick runs and tests (default: all batches)
 */
public record TrainingConfig(
    int batchSize,
    int bptt,
    int maxEpochs,
    double learningRate,
    double learningRateDecay,
    int decayEvery,
    double gradientClip,
    int earlyStoppingPatience,
    long seed,
    int maxStepsPerEpoch) {

  /** Validates every field; a bad one gives an {@link IllegalArgumentException} naming it and its value. */
  public TrainingConfig {
    Preconditions.checkArgument(batchSize >= 1, "batchSize must be >= 1, got %s", batchSize);
    Preconditions.checkArgument(bptt >= 1, "bptt must be >= 1, got %s", bptt);
    Preconditions.checkArgument(maxEpochs >= 1, "maxEpochs must be >= 1, got %s", maxEpochs);
    Preconditions.checkArgument(
        Double.isFinite(learningRate) && learningRate > 0,
        "learningRate must be a finite number > 0, got %s",
        learningRate);
    Preconditions.checkArgument(
        Double.isFinite(learningRateDecay) && learningRateDecay > 0 && learningRateDecay <= 1,
        "learningRateDecay must be in (0, 1], got %s",
        learningRateDecay);
    Preconditions.checkArgument(decayEvery >= 1, "decayEvery must be >= 1, got %s", decayEvery);
    Preconditions.checkArgument(
        Double.isFinite(gradientClip) && gradientClip >= 0,
        "gradientClip must be a finite number >= 0 (0 = off), got %s",
        gradientClip);
    Preconditions.checkArgument(
        earlyStoppingPatience >= 0, "earlyStoppingPatience must be >= 0 (0 = off), got %s", earlyStoppingPatience);
    Preconditions.checkArgument(maxStepsPerEpoch >= 1, "maxStepsPerEpoch must be >= 1, got %s", maxStepsPerEpoch);
  }

  /** The learning rate of epoch {@code epoch} (1-based) under the decay schedule. */
  public double learningRateAt(int epoch) {
    Preconditions.checkArgument(epoch >= 1, "epoch must be >= 1, got %s", epoch);
    return learningRate * Math.pow(learningRateDecay, (epoch - 1) / decayEvery);
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder()
        .batchSize(batchSize)
        .bptt(bptt)
        .maxEpochs(maxEpochs)
        .learningRate(learningRate)
        .learningRateDecay(learningRateDecay)
        .decayEvery(decayEvery)
        .gradientClip(gradientClip)
        .earlyStoppingPatience(earlyStoppingPatience)
        .seed(seed)
        .maxStepsPerEpoch(maxStepsPerEpoch);
  }

  /** Builds a {@link TrainingConfig}; unset fields keep their defaults and {@link #build()} validates. */
  public static final class Builder {
    private int batchSize = 32;
    private int bptt = 64;
    private int maxEpochs = 30;
    private double learningRate = 0.002;
    private double learningRateDecay = 0.97;
    private int decayEvery = 1;
    private double gradientClip = 5.0;
    private int earlyStoppingPatience = 5;
    private long seed = 42;
    private int maxStepsPerEpoch = Integer.MAX_VALUE;

    private Builder() {}

    /** Windows per optimiser step. */
    public Builder batchSize(int value) {
      batchSize = value;
      return this;
    }

    /** Window length in target tokens (BachBot's {@code seq_length}). */
    public Builder bptt(int value) {
      bptt = value;
      return this;
    }

    /** The last epoch number to run. */
    public Builder maxEpochs(int value) {
      maxEpochs = value;
      return this;
    }

    /** Adam's step size at epoch 1. */
    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    /** Factor applied to the learning rate every {@link #decayEvery(int)} epochs. */
    public Builder learningRateDecay(double value) {
      learningRateDecay = value;
      return this;
    }

    /** Epochs between two learning-rate decays. */
    public Builder decayEvery(int value) {
      decayEvery = value;
      return this;
    }

    /** Largest global gradient norm; 0 turns clipping off. */
    public Builder gradientClip(double value) {
      gradientClip = value;
      return this;
    }

    /** Epochs without improvement before stopping; 0 turns early stopping off. */
    public Builder earlyStoppingPatience(int value) {
      earlyStoppingPatience = value;
      return this;
    }

    /** Seed for shuffling and dropout. */
    public Builder seed(long value) {
      seed = value;
      return this;
    }

    /** Optimiser steps per epoch at most. */
    public Builder maxStepsPerEpoch(int value) {
      maxStepsPerEpoch = value;
      return this;
    }

    /** The validated configuration. */
    public TrainingConfig build() {
      return new TrainingConfig(
          batchSize,
          bptt,
          maxEpochs,
          learningRate,
          learningRateDecay,
          decayEvery,
          gradientClip,
          earlyStoppingPatience,
          seed,
          maxStepsPerEpoch);
    }
  }
}
