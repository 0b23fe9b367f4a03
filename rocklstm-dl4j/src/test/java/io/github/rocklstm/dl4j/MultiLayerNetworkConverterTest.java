package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.backend.Rs200Fixture;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The gate-order mapping to DL4J's own LSTM layer, by hand and by running the converted network. */
class MultiLayerNetworkConverterTest {

  @TempDir Path folder;

  @Test
  void gateBlocksMoveFromIfgoToDl4jsGfoi() {
    // One unit, one input: weight_ih = [i, f, g, o] = [1, 2, 3, 4]; DL4J's W must read [g, f, o, i] = [3, 2, 4, 1].
    ModelSpec spec = new ModelSpec(2, 1, 1, 1, 0.0);
    Map<String, FloatTensor> weights = new java.util.LinkedHashMap<>(ParameterLayout.zeros(spec));
    weights.put(ParameterLayout.weightIh(0), FloatTensor.of(new float[] {1, 2, 3, 4}, 4, 1));
    weights.put(ParameterLayout.weightHh(0), FloatTensor.of(new float[] {10, 20, 30, 40}, 4, 1));
    weights.put(ParameterLayout.biasIh(0), FloatTensor.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 4));
    weights.put(ParameterLayout.biasHh(0), FloatTensor.of(new float[] {1, 1, 1, 1}, 4));
    MultiLayerNetwork network = MultiLayerNetworkConverter.toMultiLayerNetwork(spec, weights);
    INDArray lstm = network.getLayer(1).getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY);
    assertArrayEquals(new float[] {3, 2, 4, 1}, lstm.dup('c').data().asFloat());
    assertArrayEquals(new float[] {30, 20, 40, 10},
        network.getLayer(1).getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY).dup('c').data().asFloat());
    assertArrayEquals(new float[] {1.3f, 1.2f, 1.4f, 1.1f},
        network.getLayer(1).getParam(LSTMParamInitializer.BIAS_KEY).dup('c').data().asFloat(), 1e-6f);

    Map<String, FloatTensor> back = MultiLayerNetworkConverter.fromMultiLayerNetwork(network);
    assertEquals(weights.get(ParameterLayout.weightIh(0)), back.get(ParameterLayout.weightIh(0)));
    assertEquals(weights.get(ParameterLayout.weightHh(0)), back.get(ParameterLayout.weightHh(0)));
    assertArrayEquals(new float[] {1.1f, 1.2f, 1.3f, 1.4f}, back.get(ParameterLayout.biasIh(0)).toArray(), 1e-6f);
    assertEquals(FloatTensor.zeros(4), back.get(ParameterLayout.biasHh(0)));
  }

  @Test
  void theConvertedNetworkGivesTheModelsLogProbabilities() {
    Rs200Fixture corpus = Rs200Fixture.get();
    ModelSpec spec = new ModelSpec(corpus.vocabularySize(), 10, 2, 20, 0.1);
    List<int[]> sequences = corpus.validation().subList(0, 4);
    Path directory = folder.resolve("model");
    ScoreResult scores;
    try (SequenceModel model = new Dl4jBackend().create(spec, Device.cpu(), 4)) {
      model.fit(corpus.train(), List.of(), TrainingConfig.builder().batchSize(16).bptt(32).maxEpochs(1)
          .maxStepsPerEpoch(20).learningRate(0.01).build(), TrainingListener.NONE);
      scores = model.score(sequences);
      model.save(directory);
    }
    Map<String, FloatTensor> weights = ModelDirectory.read(directory).weights();
    MultiLayerNetwork network = MultiLayerNetworkConverter.toMultiLayerNetwork(spec, weights);
    assertEquals(spec, MultiLayerNetworkConverter.specOf(network));
    for (int i = 0; i < sequences.size(); i++) {
      int[] sequence = sequences.get(i);
      int steps = sequence.length - 1;
      INDArray input = Nd4j.create(DataType.FLOAT, 1, 1, steps);
      for (int t = 0; t < steps; t++) {
        input.putScalar(new long[] {0, 0, t}, sequence[t]);
      }
      INDArray probabilities = network.output(input, false);
      float[] expected = scores.tokenLogProbabilities(i);
      for (int t = 0; t < steps; t++) {
        double actual = Math.log(probabilities.getDouble(0, sequence[t + 1], t));
        assertEquals(expected[t], actual, 1e-4, "sequence " + i + ", target " + (t + 1));
      }
    }

    Map<String, FloatTensor> back = MultiLayerNetworkConverter.fromMultiLayerNetwork(network);
    for (String name : weights.keySet()) {
      if (!name.endsWith("bias_ih") && !name.endsWith("bias_hh")) {
        assertEquals(weights.get(name), back.get(name), name);
      }
    }
  }

  @Test
  void aNetworkOfAnotherShapeIsRejected() {
    ModelSpec spec = new ModelSpec(5, 2, 1, 3, 0.0);
    MultiLayerNetwork network =
        MultiLayerNetworkConverter.toMultiLayerNetwork(spec, ParameterLayout.initialize(spec, 1));
    ModelSpec other = new ModelSpec(5, 2, 1, 4, 0.0);
    assertThrows(io.github.rocklstm.model.ModelFileException.class,
        () -> MultiLayerNetworkConverter.toMultiLayerNetwork(other, ParameterLayout.initialize(spec, 1)));
    assertEquals(spec, MultiLayerNetworkConverter.specOf(network));
  }
}
