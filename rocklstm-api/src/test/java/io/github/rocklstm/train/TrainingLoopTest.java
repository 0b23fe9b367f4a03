package io.github.rocklstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.EpochEvent;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

  /** 10 sequences of 5 tokens: 10 windows of 4 targets; with batch size 2, 5 steps per epoch. */
  private static final List<int[]> TRAIN = sequences(10, 5);

  private static final List<int[]> VALIDATION = sequences(2, 3);

  /** Validation loss after epoch e (index e), with 5 steps per epoch. */
  private static final double[] VALIDATION_BY_EPOCH = {9, 3.0, 2.0, 2.5, 2.2, 2.6, 1.0, 0.5};

  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().batchSize(2).bptt(4).maxEpochs(7).learningRate(0.1).learningRateDecay(0.5)
          .decayEvery(2).earlyStoppingPatience(2).seed(99).build();

  private static List<int[]> sequences(int count, int length) {
    List<int[]> sequences = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] sequence = new int[length];
      for (int t = 0; t < length; t++) {
        sequence[t] = 10 * i + t;
      }
      sequences.add(sequence);
    }
    return sequences;
  }

  private static ScriptedNetwork network() {
    return new ScriptedNetwork(step -> 5.0 - 0.1 * step, steps -> VALIDATION_BY_EPOCH[steps / 5]);
  }

  private static final class Recorder implements TrainingListener {
    final List<StepEvent> steps = new ArrayList<>();
    final List<EpochEvent> epochs = new ArrayList<>();
    final List<TrainingSummary> summaries = new ArrayList<>();

    @Override
    public void onStep(StepEvent event) {
      steps.add(event);
    }

    @Override
    public void onEpoch(EpochEvent event, TrainingSummary summary) {
      epochs.add(event);
      summaries.add(summary);
    }
  }

  @Test
  void stopsEarlyAndRestoresTheBestEpoch() {
    ScriptedNetwork network = network();
    Recorder recorder = new Recorder();
    List<TrainingSummary> published = new ArrayList<>();
    TrainingSummary summary =
        new TrainingLoop(network, CONFIG, recorder, published::add).run(Optional.empty(), TRAIN, VALIDATION);
    // Validation: 3.0 (best), 2.0 (best), 2.5, 2.2 -> two epochs without improvement after epoch 2: stop.
    assertEquals(4, summary.lastEpoch());
    assertTrue(summary.stoppedEarly());
    assertEquals(2, summary.bestEpoch());
    assertEquals(2.0, summary.bestValidationLoss(), 1e-6);
    assertEquals(2, summary.weightsEpoch());
    assertEquals(10, network.stepsApplied, "weights of epoch 2 (10 steps) restored");
    assertEquals(20, summary.steps());
    assertEquals(List.of(true, true, false, false), recorder.epochs.stream().map(EpochEvent::improved)
        .collect(Collectors.toList()));
    assertEquals(List.of(3.0, 2.0, 2.5, 2.2), recorder.epochs.stream().map(e -> Math.round(e.validationLoss() * 1e6)
        / 1e6).collect(Collectors.toList()));
    // The listener sees the summary including its own epoch, with the weights of that epoch.
    assertEquals(List.of(1, 2, 3, 4), recorder.summaries.stream().map(TrainingSummary::lastEpoch)
        .collect(Collectors.toList()));
    assertEquals(List.of(1, 2, 3, 4), recorder.summaries.stream().map(TrainingSummary::weightsEpoch)
        .collect(Collectors.toList()));
    assertEquals(summary, published.get(published.size() - 1));
  }

  @Test
  void stepEventsCarryScheduleThroughputAndRemainingTime() {
    ScriptedNetwork network = network();
    Recorder recorder = new Recorder();
    new TrainingLoop(network, CONFIG, recorder, s -> {}).run(Optional.empty(), TRAIN, VALIDATION);
    assertEquals(20, recorder.steps.size());
    // Learning rate: 0.1 for epochs 1-2, 0.05 for epochs 3-4.
    assertEquals(List.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05,
        0.05, 0.05, 0.05), network.learningRates);
    StepEvent third = recorder.steps.get(2);
    assertEquals(1, third.epoch());
    assertEquals(3, third.step());
    assertEquals(5, third.stepsInEpoch());
    assertEquals(3, third.globalStep());
    assertEquals(4.8, third.loss(), 1e-12);
    assertEquals(8, third.targetTokens());
    assertTrue(third.tokensPerSecond() > 0);
    // Remaining steps at the third step: 2 in epoch 1 plus 5 in each of epochs 2..7.
    assertTrue(third.remaining().compareTo(Duration.ZERO) > 0);
    EpochEvent first = recorder.epochs.get(0);
    assertEquals((5.0 + 4.9 + 4.8 + 4.7 + 4.6) / 5, first.trainLoss(), 1e-12);
    assertEquals(5, first.steps());
  }

  @Test
  void resumedRunRepeatsSeedsShufflesAndScheduleOfTheUninterruptedRun() {
    TrainingConfig noStopping = CONFIG.toBuilder().earlyStoppingPatience(0).maxEpochs(4).build();
    ScriptedNetwork uninterrupted = network();
    TrainingSummary whole =
        new TrainingLoop(uninterrupted, noStopping, TrainingListener.NONE, s -> {})
            .run(Optional.empty(), TRAIN, VALIDATION);

    ScriptedNetwork resumed = network();
    TrainingSummary half =
        new TrainingLoop(resumed, noStopping.toBuilder().maxEpochs(2).build(), TrainingListener.NONE, s -> {})
            .run(Optional.empty(), TRAIN, VALIDATION);
    assertEquals(2, half.lastEpoch());
    TrainingSummary rest =
        new TrainingLoop(resumed, noStopping, TrainingListener.NONE, s -> {}).run(Optional.of(half), TRAIN, VALIDATION);

    assertEquals(uninterrupted.seeds, resumed.seeds);
    assertEquals(uninterrupted.firstInputs, resumed.firstInputs);
    assertEquals(uninterrupted.learningRates, resumed.learningRates);
    assertEquals(whole.steps(), rest.steps());
    assertEquals(
        whole.epochs().stream().map(EpochEvent::trainLoss).collect(Collectors.toList()),
        rest.epochs().stream().map(EpochEvent::trainLoss).collect(Collectors.toList()));
    assertEquals(whole.bestEpoch(), rest.bestEpoch());
    // Without early stopping the best epoch (2) is still restored at the end.
    assertEquals(2, rest.weightsEpoch());
    assertEquals(10, resumed.stepsApplied);
  }

  @Test
  void aFinishedRunDoesNotTrainAgain() {
    ScriptedNetwork network = network();
    TrainingLoop loop = new TrainingLoop(network, CONFIG, TrainingListener.NONE, s -> {});
    TrainingSummary finished = loop.run(Optional.empty(), TRAIN, VALIDATION);
    int steps = network.learningRates.size();
    TrainingSummary again = loop.run(Optional.of(finished), TRAIN, VALIDATION);
    assertEquals(steps, network.learningRates.size());
    assertEquals(finished.epochs(), again.epochs());
    assertTrue(again.stoppedEarly());
  }

  @Test
  void withoutValidationEveryEpochCountsAndNothingIsRestored() {
    ScriptedNetwork network = network();
    TrainingConfig config = CONFIG.toBuilder().maxEpochs(3).build();
    TrainingSummary summary =
        new TrainingLoop(network, config, TrainingListener.NONE, s -> {}).run(Optional.empty(), TRAIN, List.of());
    assertEquals(3, summary.lastEpoch());
    assertEquals(3, summary.bestEpoch());
    assertEquals(3, summary.weightsEpoch());
    assertTrue(Double.isNaN(summary.bestValidationLoss()));
    assertFalse(summary.stoppedEarly());
    assertEquals(15, network.stepsApplied);
  }

  @Test
  void maxStepsPerEpochLimitsEachEpoch() {
    ScriptedNetwork network = network();
    TrainingConfig config = CONFIG.toBuilder().maxEpochs(2).maxStepsPerEpoch(2).earlyStoppingPatience(0).build();
    TrainingSummary summary =
        new TrainingLoop(network, config, TrainingListener.NONE, s -> {}).run(Optional.empty(), TRAIN, List.of());
    assertEquals(4, summary.steps());
    assertEquals(2, summary.epochs().get(0).steps());
  }

  @Test
  void divergenceRestoresTheBestWeightsAndSaysWhatToDo() {
    ScriptedNetwork network =
        new ScriptedNetwork(step -> step == 7 ? Double.NaN : 1.0, steps -> VALIDATION_BY_EPOCH[steps / 5]);
    List<TrainingSummary> published = new ArrayList<>();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> new TrainingLoop(network, CONFIG, TrainingListener.NONE, published::add)
                .run(Optional.empty(), TRAIN, VALIDATION));
    assertTrue(e.getMessage().contains("diverged at epoch 2, step 3") && e.getMessage().contains("NaN")
        && e.getMessage().contains("learning rate") && e.getMessage().contains("weights of epoch 1"), e.getMessage());
    assertEquals(5, network.stepsApplied, "weights after epoch 1");
    assertEquals(1, published.get(published.size() - 1).weightsEpoch());
  }
}
