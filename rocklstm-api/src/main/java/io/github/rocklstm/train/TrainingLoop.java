package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.model.DeterministicRandom;
import io.github.rocklstm.model.EpochEvent;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The training loop shared by every backend: epochs of shuffled truncated-BPTT batches, learning-rate decay,
 * validation after each epoch, early stopping that keeps the best weights, listener events.
 *
 * <p>Epoch {@code e} (numbered 1, 2, ... over the model's whole history):
 * <ol>
 *   <li>uses learning rate {@link TrainingConfig#learningRateAt(int) learningRateAt(e)};
 *   <li>derives {@code epochSeed = DeterministicRandom.mix(config.seed, e)}, re-seeds dropout with
 *       {@code mix(epochSeed, 1)} ({@link TrainableNetwork#seedRandom}) and shuffles the windows with
 *       {@code epochSeed} ({@link SequenceBatcher#epoch});
 *   <li>runs at most {@link TrainingConfig#maxStepsPerEpoch()} batches through {@link TrainableNetwork#trainStep};
 *       the epoch's training loss is the token-weighted mean of the batch losses;
 *   <li>scores the validation sequences whole ({@link SequenceScorer}) for the validation loss; the epoch
 *       improves when that loss is lower than every earlier epoch's (always, without validation sequences);
 *   <li>after an improvement, keeps a copy of the weights and the optimiser state in memory;
 *   <li>publishes the updated {@link TrainingSummary}, then calls {@link TrainingListener#onEpoch};
 *   <li>stops when {@link TrainingConfig#earlyStoppingPatience()} epochs (if > 0) have passed without
 *       improvement, or after epoch {@link TrainingConfig#maxEpochs()}.
 * </ol>
 * At the end the best epoch's weights and optimiser state are restored. Because every random choice depends on
 * (seed, epoch) only, a run resumed from a checkpoint saved after epoch k repeats epochs k+1, k+2, ... exactly as
 * the uninterrupted run did. A run holds in memory only the weights it started from and the best ones it saw
 * itself; if the overall best epoch came before a resume from a later checkpoint and no later epoch beats it, the
 * model keeps its latest weights ({@link TrainingSummary#weightsEpoch()} says which, and a warning is logged) and
 * the best ones are in the checkpoint written at that epoch ({@link CheckpointListener}). If a batch loss becomes
 * NaN or infinite, the loop restores the best weights it holds and throws.
 */
public final class TrainingLoop {

  private static final System.Logger LOG = System.getLogger(TrainingLoop.class.getName());

  private final TrainableNetwork network;
  private final TrainingConfig config;
  private final TrainingListener listener;
  private final Consumer<TrainingSummary> publisher;

  /**
   * A loop over {@code network}.
   *
   * @param publisher receives the summary after every epoch (before the listener) and at the end; the model
   *     stores it so that a save from the listener includes the epoch
   */
  public TrainingLoop(
      TrainableNetwork network, TrainingConfig config, TrainingListener listener, Consumer<TrainingSummary> publisher) {
    this.network = Preconditions.checkNotNull(network, "network");
    this.config = Preconditions.checkNotNull(config, "config");
    this.listener = Preconditions.checkNotNull(listener, "listener");
    this.publisher = Preconditions.checkNotNull(publisher, "publisher");
  }

  /**
   * Runs the epochs after {@code history}'s last one up to {@code config.maxEpochs()}.
   *
   * @param history the model's training so far, empty for a fresh model
   * @param train checked training sequences, not empty
   * @param validation checked validation sequences, possibly empty
   * @return the whole history, this run included
   * @throws IllegalStateException if a batch loss is NaN or infinite (after restoring the best weights)
   */
  public TrainingSummary run(Optional<TrainingSummary> history, List<int[]> train, List<int[]> validation) {
    List<EpochEvent> epochs = new ArrayList<>(history.map(TrainingSummary::epochs).orElse(List.of()));
    long steps = history.map(TrainingSummary::steps).orElse(0L);
    int bestEpoch = history.map(TrainingSummary::bestEpoch).orElse(0);
    double bestLoss = history.map(TrainingSummary::bestValidationLoss).orElse(Double.NaN);
    int weightsEpoch = history.map(TrainingSummary::weightsEpoch).orElse(0);
    Duration trainingTime = history.map(TrainingSummary::trainingTime).orElse(Duration.ZERO);
    boolean earlyStopping = !validation.isEmpty() && config.earlyStoppingPatience() > 0;

    if (earlyStopping && epochs.size() - bestEpoch >= config.earlyStoppingPatience()) {
      TrainingSummary finished =
          new TrainingSummary(config, epochs, steps, bestEpoch, bestLoss, weightsEpoch, true, trainingTime);
      publisher.accept(finished);
      return finished;
    }

    SequenceBatcher batcher = new SequenceBatcher(train, config.batchSize(), config.bptt());
    int stepsPerEpoch = Math.min(batcher.batchesPerEpoch(), config.maxStepsPerEpoch());
    int firstEpoch = epochs.size() + 1;
    long runStart = System.nanoTime();
    long trainingNanos = 0;
    long runSteps = 0;
    // The weights the run starts from count as the best so far: they are what a diverging run falls back to, and
    // they are the best weights when the model was loaded from a best-epoch checkpoint.
    Snapshot best = new Snapshot(weightsEpoch, network.weights(), network.optimizerState());
    boolean stoppedEarly = false;

    for (int epoch = firstEpoch; epoch <= config.maxEpochs(); epoch++) {
      long epochStart = System.nanoTime();
      double learningRate = config.learningRateAt(epoch);
      long epochSeed = DeterministicRandom.mix(config.seed(), epoch);
      network.seedRandom(DeterministicRandom.mix(epochSeed, 1));
      List<TokenBatch> batches = batcher.epoch(epochSeed);
      double lossSum = 0;
      long tokens = 0;
      long epochTrainNanos = 0;
      for (int step = 1; step <= stepsPerEpoch; step++) {
        TokenBatch batch = batches.get(step - 1);
        long stepStart = System.nanoTime();
        double loss = network.trainStep(batch, learningRate, config.gradientClip());
        long stepNanos = System.nanoTime() - stepStart;
        if (!Double.isFinite(loss)) {
          best.restore(network);
          publisher.accept(
              new TrainingSummary(config, epochs, steps, bestEpoch, bestLoss, best.epoch, false, trainingTime));
          String kept =
              best.epoch == 0 ? "the model keeps its initial weights" : "the model keeps the weights of epoch "
                  + best.epoch;
          throw new IllegalStateException(
              "training diverged at epoch " + epoch + ", step " + step + ": the loss is " + loss
                  + "; lower the learning rate (" + learningRate + ") or the gradient clip (" + config.gradientClip()
                  + "); " + kept);
        }
        epochTrainNanos += stepNanos;
        trainingNanos += stepNanos;
        runSteps++;
        steps++;
        lossSum += loss * batch.targetCount();
        tokens += batch.targetCount();
        long remainingSteps = (stepsPerEpoch - step) + (long) stepsPerEpoch * (config.maxEpochs() - epoch);
        listener.onStep(
            new StepEvent(
                epoch,
                step,
                stepsPerEpoch,
                steps,
                loss,
                batch.targetCount(),
                learningRate,
                tokens / (epochTrainNanos / 1e9),
                Duration.ofNanos(System.nanoTime() - runStart),
                Duration.ofNanos(trainingNanos / runSteps * remainingSteps)));
      }
      double trainLoss = lossSum / tokens;
      double validationLoss =
          validation.isEmpty() ? Double.NaN : SequenceScorer.score(network, validation).natsPerToken();
      boolean improved =
          validation.isEmpty() || (Double.isFinite(validationLoss) && !(validationLoss >= bestLoss));
      if (improved) {
        bestEpoch = epoch;
        bestLoss = validationLoss;
        if (!validation.isEmpty()) {
          best = new Snapshot(epoch, network.weights(), network.optimizerState());
        }
      }
      Duration duration = Duration.ofNanos(System.nanoTime() - epochStart);
      trainingTime = trainingTime.plus(duration);
      EpochEvent event =
          new EpochEvent(
              epoch, stepsPerEpoch, trainLoss, validationLoss, learningRate, improved,
              tokens / (epochTrainNanos / 1e9), duration);
      epochs.add(event);
      weightsEpoch = epoch;
      TrainingSummary summary =
          new TrainingSummary(config, epochs, steps, bestEpoch, bestLoss, weightsEpoch, false, trainingTime);
      publisher.accept(summary);
      listener.onEpoch(event, summary);
      if (earlyStopping && epoch - bestEpoch >= config.earlyStoppingPatience()) {
        stoppedEarly = true;
        break;
      }
    }

    if (bestEpoch != weightsEpoch && !validation.isEmpty()) {
      if (best.epoch == bestEpoch) {
        best.restore(network);
        weightsEpoch = bestEpoch;
      } else {
        LOG.log(
            System.Logger.Level.WARNING,
            "the best epoch ({0}) came before this run resumed and no later epoch beat it; the model keeps the "
                + "weights of epoch {1}; load the checkpoint written after epoch {0} for the best weights",
            bestEpoch,
            weightsEpoch);
      }
    }
    TrainingSummary result =
        new TrainingSummary(
            config, ImmutableList.copyOf(epochs), steps, bestEpoch, bestLoss, weightsEpoch, stoppedEarly,
            trainingTime);
    publisher.accept(result);
    return result;
  }

  /** Weights and optimiser state after one epoch. */
  private static final class Snapshot {
    final int epoch;
    final Map<String, FloatTensor> weights;
    final OptimizerState optimizer;

    Snapshot(int epoch, Map<String, FloatTensor> weights, OptimizerState optimizer) {
      this.epoch = epoch;
      this.weights = weights;
      this.optimizer = optimizer;
    }

    void restore(TrainableNetwork network) {
      network.setWeights(weights);
      network.setOptimizerState(optimizer);
    }
  }
}
