package io.github.rocklstm.dl4j;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Converts rocklstm weights to and from a plain Deeplearning4j {@link MultiLayerNetwork} built from DL4J's own
 * layers ({@code EmbeddingSequenceLayer}, {@code LSTM}, {@code RnnOutputLayer}), for applications that want to run
 * or fine-tune a rocklstm model with DL4J's network API. The backend itself does not use these layers (see the
 * package documentation); this class is where their parameter layout meets the portable one.
 *
 * <p>DL4J's {@code LSTM} layer (no peepholes; {@code GravesLSTM} is the peephole variant and cannot hold a PyTorch
 * LSTM) keeps, per layer ({@code LSTMParamInitializer}, {@code LSTMHelpers} in deeplearning4j-nn 1.0.0-M2.1):
 * <pre>
 *   "W"  [in, 4H]   input weights, transposed against PyTorch's weight_ih [4H, in]
 *   "RW" [H, 4H]    recurrent weights, transposed against weight_hh [4H, H]
 *   "b"  [1, 4H]    one bias
 * </pre>
 * and its 4H columns hold four blocks of H in the order <b>(g, f, o, i)</b> in PyTorch's names: block 0 is the cell
 * candidate (DL4J's "input activations", through the layer activation, tanh), block 1 the forget gate, block 2 the
 * output gate, block 3 the input gate (DL4J's "input modulation gate", through the gate activation, sigmoid).
 * PyTorch's order is (i, f, g, o). So DL4J block {@code k} is PyTorch block {@code DL4J_TO_PYTORCH_BLOCK[k]}:
 * <pre>
 *   W[:, k*H:(k+1)*H]  = weight_ih[p*H:(p+1)*H, :]^T      with p = {2, 1, 3, 0}[k]
 *   RW[:, k*H:(k+1)*H] = weight_hh[p*H:(p+1)*H, :]^T
 *   b[k*H:(k+1)*H]     = bias_ih[p*H:(p+1)*H] + bias_hh[p*H:(p+1)*H]
 * </pre>
 * PyTorch has two biases where DL4J has one: going to DL4J they are summed; coming back, the sum goes to
 * {@code bias_ih} and {@code bias_hh} is zero (the function computed is the same; only the split is lost). The
 * embedding "W" [V, E] is the portable {@code embedding.weight} as it is; the output layer's "W" [H, V] and "b"
 * [1, V] are {@code output.weight} transposed and {@code output.bias}.
 *
 * <p>Dropout: DL4J drops a layer's <em>input</em>, so the network gets {@code dropOut(1 - p)} (a retain
 * probability) on every layer that follows an LSTM layer, which is where rocklstm drops. Data format NCW: feed token
 * ids as [batch, 1, time] and read probabilities [batch, V, time].
 */
public final class MultiLayerNetworkConverter {

  /** For each DL4J gate block k (g, f, o, i), the PyTorch block (i, f, g, o) it holds. */
  static final int[] DL4J_TO_PYTORCH_BLOCK = {2, 1, 3, 0};

  private MultiLayerNetworkConverter() {}

  /**
   * A DL4J network computing the same function as a rocklstm model with these weights.
   *
   * @param weights the portable weights of {@code spec} (e.g. {@code ModelDirectory.read(dir).weights()})
   * @throws io.github.rocklstm.model.ModelFileException if the weights do not fit the spec
   */
  public static MultiLayerNetwork toMultiLayerNetwork(ModelSpec spec, Map<String, FloatTensor> weights) {
    Preconditions.checkNotNull(spec, "spec");
    ParameterLayout.check(spec, weights, "weights to convert");
    int h = spec.hiddenSize();
    double retain = 1 - spec.dropout();
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .updater(new Adam())
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(new EmbeddingSequenceLayer.Builder().nIn(spec.vocabularySize()).nOut(spec.embeddingSize())
                .hasBias(false).outputDataFormat(RNNFormat.NCW).build());
    for (int layer = 0; layer < spec.layers(); layer++) {
      LSTM.Builder lstm = new LSTM.Builder().nIn(layer == 0 ? spec.embeddingSize() : h).nOut(h)
          .activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).dataFormat(RNNFormat.NCW);
      if (layer > 0 && spec.dropout() > 0) {
        lstm.dropOut(retain);
      }
      list.layer(lstm.build());
    }
    RnnOutputLayer.Builder output = new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
        .activation(Activation.SOFTMAX).nIn(h).nOut(spec.vocabularySize()).dataFormat(RNNFormat.NCW);
    if (spec.dropout() > 0) {
      output.dropOut(retain);
    }
    MultiLayerNetwork network = new MultiLayerNetwork(list.layer(output.build()).build());
    network.init();

    network.getLayer(0)
        .setParam(DefaultParamInitializer.WEIGHT_KEY, array(weights.get(ParameterLayout.EMBEDDING_WEIGHT)));
    for (int layer = 0; layer < spec.layers(); layer++) {
      Layer lstm = network.getLayer(layer + 1);
      lstm.setParam(LSTMParamInitializer.INPUT_WEIGHT_KEY,
          toDl4jColumns(array(weights.get(ParameterLayout.weightIh(layer))).transpose(), h));
      lstm.setParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY,
          toDl4jColumns(array(weights.get(ParameterLayout.weightHh(layer))).transpose(), h));
      INDArray bias = array(weights.get(ParameterLayout.biasIh(layer)))
          .add(array(weights.get(ParameterLayout.biasHh(layer)))).reshape(1, 4L * h);
      lstm.setParam(LSTMParamInitializer.BIAS_KEY, toDl4jColumns(bias, h));
    }
    Layer out = network.getLayer(spec.layers() + 1);
    out.setParam(DefaultParamInitializer.WEIGHT_KEY, array(weights.get(ParameterLayout.OUTPUT_WEIGHT)).transpose());
    out.setParam(DefaultParamInitializer.BIAS_KEY,
        array(weights.get(ParameterLayout.OUTPUT_BIAS)).reshape(1, spec.vocabularySize()));
    return network;
  }

  /**
   * The spec of a network shaped like {@link #toMultiLayerNetwork}'s: embedding, LSTM layers of equal width, RNN
   * output layer. Dropout is read from the output layer's retain probability (0 if none).
   *
   * @throws IllegalArgumentException if the network has another shape
   */
  public static ModelSpec specOf(MultiLayerNetwork network) {
    Preconditions.checkNotNull(network, "network");
    int layers = network.getnLayers() - 2;
    Preconditions.checkArgument(layers >= 1, "expected embedding, LSTM layer(s), output layer; got %s layers",
        network.getnLayers());
    Preconditions.checkArgument(
        network.getLayer(0).conf().getLayer() instanceof EmbeddingSequenceLayer,
        "layer 0 must be an EmbeddingSequenceLayer, got %s", network.getLayer(0).conf().getLayer());
    EmbeddingSequenceLayer embedding = (EmbeddingSequenceLayer) network.getLayer(0).conf().getLayer();
    LSTM first = lstm(network, 1);
    for (int layer = 2; layer <= layers; layer++) {
      Preconditions.checkArgument(lstm(network, layer).getNOut() == first.getNOut(),
          "LSTM layers must have equal widths");
    }
    Preconditions.checkArgument(
        network.getLayer(layers + 1).conf().getLayer() instanceof RnnOutputLayer,
        "the last layer must be an RnnOutputLayer, got %s", network.getLayer(layers + 1).conf().getLayer());
    RnnOutputLayer output = (RnnOutputLayer) network.getLayer(layers + 1).conf().getLayer();
    double dropout = 0;
    if (output.getIDropout() instanceof Dropout) {
      // 1 - retain, rounded so that a spec's dropout of 0.1 comes back as 0.1 and not 0.09999999999999998.
      double retain = ((Dropout) output.getIDropout()).getP();
      dropout = Math.round((1 - retain) * 1e9) / 1e9;
    }
    return new ModelSpec((int) embedding.getNIn(), (int) embedding.getNOut(), layers, (int) first.getNOut(), dropout);
  }

  private static LSTM lstm(MultiLayerNetwork network, int index) {
    Object layer = network.getLayer(index).conf().getLayer();
    Preconditions.checkArgument(layer instanceof LSTM, "layer %s must be an LSTM (not GravesLSTM), got %s", index,
        layer);
    return (LSTM) layer;
  }

  /**
   * The portable weights of a network shaped like {@link #toMultiLayerNetwork}'s, in {@link ParameterLayout}
   * order; each LSTM layer's single bias goes to {@code bias_ih}, and {@code bias_hh} is zero.
   */
  public static Map<String, FloatTensor> fromMultiLayerNetwork(MultiLayerNetwork network) {
    ModelSpec spec = specOf(network);
    int h = spec.hiddenSize();
    Map<String, FloatTensor> weights = new LinkedHashMap<>();
    weights.put(
        ParameterLayout.EMBEDDING_WEIGHT, tensor(network.getLayer(0).getParam(DefaultParamInitializer.WEIGHT_KEY)));
    for (int layer = 0; layer < spec.layers(); layer++) {
      Layer lstm = network.getLayer(layer + 1);
      weights.put(ParameterLayout.weightIh(layer),
          tensor(toPytorchColumns(lstm.getParam(LSTMParamInitializer.INPUT_WEIGHT_KEY), h).transpose()));
      weights.put(ParameterLayout.weightHh(layer),
          tensor(toPytorchColumns(lstm.getParam(LSTMParamInitializer.RECURRENT_WEIGHT_KEY), h).transpose()));
      weights.put(ParameterLayout.biasIh(layer),
          tensor(toPytorchColumns(lstm.getParam(LSTMParamInitializer.BIAS_KEY), h).reshape(4L * h)));
      weights.put(ParameterLayout.biasHh(layer), FloatTensor.zeros(4 * h));
    }
    Layer out = network.getLayer(spec.layers() + 1);
    weights.put(ParameterLayout.OUTPUT_WEIGHT, tensor(out.getParam(DefaultParamInitializer.WEIGHT_KEY).transpose()));
    weights.put(ParameterLayout.OUTPUT_BIAS,
        tensor(out.getParam(DefaultParamInitializer.BIAS_KEY).reshape(spec.vocabularySize())));
    ParameterLayout.check(spec, weights, "weights read from the MultiLayerNetwork");
    return weights;
  }

  /** Reorders the 4H columns of {@code pytorch} (blocks i, f, g, o) into DL4J's blocks (g, f, o, i). */
  static INDArray toDl4jColumns(INDArray pytorch, int hidden) {
    INDArray result = Nd4j.create(DataType.FLOAT, pytorch.shape(), 'c');
    for (int k = 0; k < 4; k++) {
      int p = DL4J_TO_PYTORCH_BLOCK[k];
      result.get(all(), interval(k, hidden)).assign(pytorch.get(all(), interval(p, hidden)));
    }
    return result;
  }

  /** Reorders the 4H columns of {@code dl4j} (blocks g, f, o, i) into PyTorch's blocks (i, f, g, o). */
  static INDArray toPytorchColumns(INDArray dl4j, int hidden) {
    INDArray result = Nd4j.create(DataType.FLOAT, dl4j.shape(), 'c');
    for (int k = 0; k < 4; k++) {
      int p = DL4J_TO_PYTORCH_BLOCK[k];
      result.get(all(), interval(p, hidden)).assign(dl4j.get(all(), interval(k, hidden)));
    }
    return result;
  }

  private static INDArrayIndex all() {
    return NDArrayIndex.all();
  }

  private static INDArrayIndex interval(int block, int hidden) {
    return NDArrayIndex.interval((long) block * hidden, (long) (block + 1) * hidden);
  }

  private static INDArray array(FloatTensor tensor) {
    long[] shape = new long[tensor.rank()];
    for (int axis = 0; axis < shape.length; axis++) {
      shape[axis] = tensor.dimension(axis);
    }
    return Nd4j.create(tensor.toArray(), shape, 'c');
  }

  private static FloatTensor tensor(INDArray array) {
    int[] shape = new int[array.rank()];
    for (int axis = 0; axis < shape.length; axis++) {
      shape[axis] = (int) array.size(axis);
    }
    return FloatTensor.wrap(array.castTo(DataType.FLOAT).dup('c').data().asFloat(), shape);
  }
}
