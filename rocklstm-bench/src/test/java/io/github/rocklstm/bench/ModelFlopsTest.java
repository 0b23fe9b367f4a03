package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.model.ModelSpec;
import org.junit.jupiter.api.Test;

class ModelFlopsTest {

  @Test
  void oneLayerChordModelByHand() {
    // 1x128, embedding 32, vocabulary 31.
    // LSTM: 2 * 4*128 * (32 + 128) = 2 * 512 * 160 = 163,840. Output: 2 * 128 * 31 = 7,936.
    ModelSpec spec = new ModelSpec(31, 32, 1, 128, 0.3);
    assertEquals(163_840, ModelFlops.lstmLayerPerToken(32, 128));
    assertEquals(171_776, ModelFlops.forwardPerToken(spec));
    assertEquals(515_328, ModelFlops.trainingPerToken(spec));
  }

  @Test
  void bachBotModelByHand() {
    // 3x256, embedding 32, vocabulary 108.
    // Layer 1: 2 * 1024 * (32 + 256) = 589,824. Layers 2 and 3: 2 * 1024 * 512 = 1,048,576 each.
    // Output: 2 * 256 * 108 = 55,296. Forward: 589,824 + 2,097,152 + 55,296 = 2,742,272; training 3x: 8,226,816.
    ModelSpec spec = BenchmarkShapes.BACHBOT_SIZE.spec(BenchmarkShapes.BACHBOT_VOCABULARY, 0.3);
    assertEquals(2_742_272, ModelFlops.forwardPerToken(spec));
    assertEquals(8_226_816, ModelFlops.trainingPerToken(spec));
  }

  @Test
  void matrixProductsCountTwoFlopsPerMultiplyAdd() {
    assertEquals(268_435_456L, ModelFlops.squareGemm(512));
    assertEquals(2_147_483_648L, ModelFlops.squareGemm(1024));
    assertThrows(IllegalArgumentException.class, () -> ModelFlops.squareGemm(0));
  }

  @Test
  void matrixWeightsDominateTheParameterCount() {
    // The FLOPs count two per weight of the LSTM and output matrices: forward = 2 * (parameters - embedding -
    // biases), a cross-check against ModelSpec's own parameter count.
    ModelSpec spec = new ModelSpec(31, 32, 2, 256, 0);
    long embedding = 31L * 32;
    long biases = 2 * 8L * 256 + 31;
    assertEquals(2 * (spec.parameterCount() - embedding - biases), ModelFlops.forwardPerToken(spec));
  }
}
