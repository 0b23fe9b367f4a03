package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingSummary;
import java.util.List;

/**
 * Repeated training epochs of a fixed number of optimiser steps through {@link SequenceModel#fit}, the shared body
 * of {@link TrainingBenchmark} and {@link BachBotTrainingBenchmark}.
 *
 * <p>The training set is {@code steps * batch} synthetic sequences of {@code bptt + 1} tokens, so each sequence is
 * exactly one full window and an epoch is exactly {@code steps} full batches without padding: every step trains
 * {@code batch * bptt} target tokens. Each {@link #epoch()} is one {@code fit} call that runs the next epoch
 * ({@code maxEpochs} grows by one per call) without validation, at a constant learning rate. The SPI gives no
 * access to a single optimiser step, so a {@code fit} call also pays its fixed costs: checking the sequences,
 * cutting windows and one copy of the weights and optimiser state out of the backend (the fallback a diverging run
 * restores), shared by its {@code steps} steps.
 */
final class TrainingRun implements AutoCloseable {

  private final SequenceModel model;
  private final List<int[]> train;
  private final TrainingConfig base;
  private final long tokensPerEpoch;
  private int epochs;

  TrainingRun(String backend, int threads, String device, ModelSpec spec, int batch, int bptt, int steps) {
    Preconditions.checkArgument(steps >= 1, "steps per fit must be >= 1, got %s", steps);
    this.train = SyntheticTokens.sequences(steps * batch, bptt + 1, spec.vocabularySize(), BenchmarkShapes.SEED);
    this.base = TrainingConfig.builder()
        .batchSize(batch)
        .bptt(bptt)
        .learningRate(0.002)
        .learningRateDecay(1.0)
        .gradientClip(5.0)
        .earlyStoppingPatience(0)
        .seed(BenchmarkShapes.SEED)
        .build();
    this.tokensPerEpoch = (long) steps * batch * bptt;
    this.model = BenchmarkModels.create(backend, threads, device, spec);
  }

  /** Target tokens one {@link #epoch()} trains. */
  long tokensPerEpoch() {
    return tokensPerEpoch;
  }

  /** Runs one more epoch. */
  TrainingSummary epoch() {
    epochs++;
    return model.fit(train, List.of(), base.toBuilder().maxEpochs(epochs).build());
  }

  @Override
  public void close() {
    model.close();
  }
}
