package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ModelSpecTest {

  @Test
  void countsParametersByHand() {
    // V=10, E=4, H=3, 2 layers: embedding 40; layer 0: 12*4 + 12*3 + 24 = 108; layer 1: 12*3 + 12*3 + 24 = 96;
    // output 30 + 10 = 40. Total 284.
    assertEquals(284, new ModelSpec(10, 4, 2, 3, 0.1).parameterCount());
  }

  @Test
  void rejectsBadFieldsByName() {
    assertMessage(() -> new ModelSpec(1, 4, 1, 3, 0), "vocabularySize", "1");
    assertMessage(() -> new ModelSpec(10, 0, 1, 3, 0), "embeddingSize", "0");
    assertMessage(() -> new ModelSpec(10, 4, 5, 3, 0), "layers", "5");
    assertMessage(() -> new ModelSpec(10, 4, 0, 3, 0), "layers", "0");
    assertMessage(() -> new ModelSpec(10, 4, 1, 0, 0), "hiddenSize", "0");
    assertMessage(() -> new ModelSpec(10, 4, 1, 3, 1.0), "dropout", "1.0");
    assertMessage(() -> new ModelSpec(10, 4, 1, 3, Double.NaN), "dropout", "NaN");
  }

  @Test
  void trainingConfigDefaultsAreValidAndDecay() {
    TrainingConfig config = TrainingConfig.builder().build();
    assertEquals(32, config.batchSize());
    assertEquals(64, config.bptt());
    assertEquals(0.002, config.learningRateAt(1), 0);
    assertEquals(0.002 * 0.97, config.learningRateAt(2), 1e-15);
    TrainingConfig everyThree = config.toBuilder().learningRate(1).learningRateDecay(0.5).decayEvery(3).build();
    assertEquals(1.0, everyThree.learningRateAt(3), 0);
    assertEquals(0.5, everyThree.learningRateAt(4), 0);
    assertEquals(0.25, everyThree.learningRateAt(7), 0);
    assertEquals(config, config.toBuilder().build());
  }

  @Test
  void trainingConfigRejectsBadFieldsByName() {
    assertMessage(() -> TrainingConfig.builder().learningRate(Double.NaN).build(), "learningRate", "NaN");
    assertMessage(() -> TrainingConfig.builder().learningRate(0).build(), "learningRate", "0.0");
    assertMessage(() -> TrainingConfig.builder().batchSize(0).build(), "batchSize", "0");
    assertMessage(() -> TrainingConfig.builder().bptt(-1).build(), "bptt", "-1");
    assertMessage(() -> TrainingConfig.builder().maxEpochs(0).build(), "maxEpochs", "0");
    assertMessage(() -> TrainingConfig.builder().learningRateDecay(1.5).build(), "learningRateDecay", "1.5");
    assertMessage(() -> TrainingConfig.builder().decayEvery(0).build(), "decayEvery", "0");
    assertMessage(
        () -> TrainingConfig.builder().gradientClip(Double.POSITIVE_INFINITY).build(), "gradientClip", "Infinity");
    assertMessage(() -> TrainingConfig.builder().earlyStoppingPatience(-2).build(), "earlyStoppingPatience", "-2");
    assertMessage(() -> TrainingConfig.builder().maxStepsPerEpoch(0).build(), "maxStepsPerEpoch", "0");
  }

  static void assertMessage(Executable executable, String field, String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value), e.getMessage());
  }
}
