package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.train.TokenBatch;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The network's own pieces: flat parameter views, dropout seeding, workspace hygiene. */
class Dl4jNetworkTest {

  private static final ModelSpec SPEC = new ModelSpec(11, 3, 2, 5, 0.5);

  private static TokenBatch batch() {
    int rows = 2;
    int length = 6;
    int[] inputs = {1, 5, 6, 7, 8, 9, 1, 10, 5, 0, 0, 0};
    int[] targets = {5, 6, 7, 8, 9, 2, 10, 5, 2, 0, 0, 0};
    return new TokenBatch(rows, length, inputs, targets, new int[] {6, 3});
  }

  @Test
  void flatTensorsKeepEveryTensorInLayoutOrderAndShape() {
    Map<String, FloatTensor> weights = ParameterLayout.initialize(SPEC, 9);
    FlatTensors flat = new FlatTensors(SPEC);
    flat.set(weights);
    assertEquals(weights, flat.toTensors());
    assertEquals(SPEC.parameterCount(), flat.flat().length());
    // Views write through to the flat array, in ParameterLayout order: embedding first, output bias last.
    float[] all = flat.flat().data().asFloat();
    assertArrayEquals(weights.get(ParameterLayout.EMBEDDING_WEIGHT).toArray(), java.util.Arrays.copyOf(all, 33));
    flat.get(ParameterLayout.OUTPUT_BIAS).putScalar(10, 42f);
    assertEquals(42f, flat.flat().getFloat(flat.flat().length() - 1));
    FloatTensor weightIh = weights.get(ParameterLayout.weightIh(1));
    assertEquals(weightIh.get(7 * 5 + 2), flat.get(ParameterLayout.weightIh(1)).getFloat(7, 2));
  }

  @Test
  void dropoutDependsOnTheSeedAndOnlyOnIt() {
    Map<String, FloatTensor> weights = ParameterLayout.initialize(SPEC, 9);
    double[] losses = new double[3];
    long[] seeds = {1, 1, 2};
    for (int i = 0; i < 3; i++) {
      try (Dl4jNetwork network = new Dl4jNetwork(SPEC, Device.cpu(), weights)) {
        network.seedRandom(seeds[i]);
        losses[i] = network.trainStep(batch(), 0.01, 5.0);
      }
    }
    assertEquals(losses[0], losses[1]);
    assertNotEquals(losses[0], losses[2]);
    // Without dropout the seed does not matter.
    ModelSpec noDropout = SPEC.withDropout(0.0);
    try (Dl4jNetwork a = new Dl4jNetwork(noDropout, Device.cpu(), weights);
        Dl4jNetwork b = new Dl4jNetwork(noDropout, Device.cpu(), weights)) {
      a.seedRandom(1);
      b.seedRandom(2);
      assertEquals(a.trainStep(batch(), 0.01, 5.0), b.trainStep(batch(), 0.01, 5.0));
    }
  }

  @Test
  void theTrainingLossIsTheMeanOverRealPositionsOfWhatScoringReports() {
    Map<String, FloatTensor> weights = ParameterLayout.initialize(SPEC.withDropout(0.0), 4);
    try (Dl4jNetwork network = new Dl4jNetwork(SPEC.withDropout(0.0), Device.cpu(), weights)) {
      float[] logProbabilities = network.targetLogProbabilities(batch());
      double sum = 0;
      for (int row = 0; row < 2; row++) {
        for (int t = 0; t < batch().rowLength(row); t++) {
          sum -= logProbabilities[row * 6 + t];
        }
      }
      assertEquals(sum / 9, network.trainStep(batch(), 0.01, 0.0), 1e-5);
      assertNull(Nd4j.getMemoryManager().getCurrentWorkspace(), "no workspace stays open after a call");
    }
  }
}
