package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portable weights of a {@link ModelSpec}: tensor names, shapes, gate order and initialisation, shared by
 * every backend so that a model saved by one loads in another.
 *
 * <p>With V = vocabulary size, E = embedding size, H = hidden size and {@code in} = E for layer 0 and H above it,
 * the tensors, in this order, are:
 * <pre>
 *   embedding.weight        [V, E]       row t is the embedding of token t
 *   lstm.L.weight_ih        [4H, in]     for each layer L = 0, 1, ...
 *   lstm.L.weight_hh        [4H, H]
 *   lstm.L.bias_ih          [4H]
 *   lstm.L.bias_hh          [4H]
 *   output.weight           [V, H]
 *   output.bias             [V]
 * </pre>
 * This is PyTorch's {@code nn.LSTM} layout: the 4H rows are four blocks of H in the gate order <b>i, f, g, o</b>
 * (input gate, forget gate, cell candidate, output gate). One step of layer L, with x its input and (h, c) its
 * state:
 * <pre>
 *   z = weight_ih · x + bias_ih + weight_hh · h + bias_hh      (4H)
 *   i = σ(z[0:H])   f = σ(z[H:2H])   g = tanh(z[2H:3H])   o = σ(z[3H:4H])
 *   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
 * </pre>
 * A backend whose LSTM orders its gates or lays out its matrices differently (Deeplearning4j's, for one: it keeps
 * transposed [in, 4H] matrices, one bias and its own gate order) converts when it reads and writes these tensors;
 * its results must stay equal to this definition, which the contract suite checks against a plain-Java LSTM.
 * Logits are {@code output.weight · h + output.bias} over the top layer's {@code h}.
 */
public final class ParameterLayout {

  /** The embedding matrix [V, E]. */
  public static final String EMBEDDING_WEIGHT = "embedding.weight";

  /** The output projection [V, H]. */
  public static final String OUTPUT_WEIGHT = "output.weight";

  /** The output bias [V]. */
  public static final String OUTPUT_BIAS = "output.bias";

  private ParameterLayout() {}

  /** {@code lstm.L.weight_ih}: input-to-hidden weights of layer {@code layer} (0-based), [4H, in]. */
  public static String weightIh(int layer) {
    return "lstm." + layer + ".weight_ih";
  }

  /** {@code lstm.L.weight_hh}: hidden-to-hidden weights of layer {@code layer}, [4H, H]. */
  public static String weightHh(int layer) {
    return "lstm." + layer + ".weight_hh";
  }

  /** {@code lstm.L.bias_ih}: input bias of layer {@code layer}, [4H]. */
  public static String biasIh(int layer) {
    return "lstm." + layer + ".bias_ih";
  }

  /** {@code lstm.L.bias_hh}: hidden bias of layer {@code layer}, [4H]. */
  public static String biasHh(int layer) {
    return "lstm." + layer + ".bias_hh";
  }

  /** Every tensor name with its shape, in file order. */
  public static ImmutableMap<String, List<Integer>> shapes(ModelSpec spec) {
    Preconditions.checkNotNull(spec, "spec");
    int v = spec.vocabularySize();
    int h = spec.hiddenSize();
    ImmutableMap.Builder<String, List<Integer>> shapes = ImmutableMap.builder();
    shapes.put(EMBEDDING_WEIGHT, ImmutableList.of(v, spec.embeddingSize()));
    for (int layer = 0; layer < spec.layers(); layer++) {
      int in = layer == 0 ? spec.embeddingSize() : h;
      shapes.put(weightIh(layer), ImmutableList.of(4 * h, in));
      shapes.put(weightHh(layer), ImmutableList.of(4 * h, h));
      shapes.put(biasIh(layer), ImmutableList.of(4 * h));
      shapes.put(biasHh(layer), ImmutableList.of(4 * h));
    }
    shapes.put(OUTPUT_WEIGHT, ImmutableList.of(v, h));
    shapes.put(OUTPUT_BIAS, ImmutableList.of(v));
    return shapes.buildOrThrow();
  }

  /**
   * Fresh weights for {@code spec}, a function of {@code seed} alone, drawn as PyTorch's defaults: the embedding
   * from N(0, 1), every LSTM and output tensor from U(-1/√H, 1/√H). Each tensor has its own random stream
   * ({@link DeterministicRandom#mix}(seed, tensor index)).
   */
  public static Map<String, FloatTensor> initialize(ModelSpec spec, long seed) {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    double bound = 1 / Math.sqrt(spec.hiddenSize());
    int index = 0;
    for (Map.Entry<String, List<Integer>> entry : shapes(spec).entrySet()) {
      int[] shape = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      DeterministicRandom random = new DeterministicRandom(DeterministicRandom.mix(seed, index++));
      float[] values = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
      boolean gaussian = entry.getKey().equals(EMBEDDING_WEIGHT);
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) (gaussian ? random.nextGaussian() : (2 * random.nextDouble() - 1) * bound);
      }
      tensors.put(entry.getKey(), FloatTensor.wrap(values, shape));
    }
    return tensors;
  }

  /** Zeros of every parameter's shape, in file order (the initial Adam moments). */
  public static Map<String, FloatTensor> zeros(ModelSpec spec) {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    shapes(spec).forEach(
        (name, shape) -> tensors.put(name, FloatTensor.zeros(shape.stream().mapToInt(Integer::intValue).toArray())));
    return tensors;
  }

  /**
   * Checks that {@code tensors} holds exactly the tensors of {@code spec}, with the right shapes and finite values.
   *
   * @param source names the tensors in the error message, e.g. {@code "weights-3fa2.bin in /models/rock"}
   * @throws ModelFileException naming the missing, unexpected or misshapen tensor
   */
  public static void check(ModelSpec spec, Map<String, FloatTensor> tensors, String source) {
    Map<String, List<Integer>> expected = shapes(spec);
    for (Map.Entry<String, List<Integer>> entry : expected.entrySet()) {
      FloatTensor tensor = tensors.get(entry.getKey());
      if (tensor == null) {
        throw new ModelFileException(
            source + " lacks tensor '" + entry.getKey() + "' " + entry.getValue() + " (has " + tensors.keySet() + ")");
      }
      int[] shape = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
      if (!tensor.hasShape(shape)) {
        throw new ModelFileException(
            source + ": tensor '" + entry.getKey() + "' has shape " + Arrays.toString(tensor.shape())
                + " but the model spec " + spec + " needs " + entry.getValue());
      }
      for (int i = 0; i < tensor.size(); i++) {
        if (!Float.isFinite(tensor.get(i))) {
          throw new ModelFileException(
              source + ": tensor '" + entry.getKey() + "' holds " + tensor.get(i) + " at flat index " + i);
        }
      }
    }
    for (String name : tensors.keySet()) {
      if (!expected.containsKey(name)) {
        throw new ModelFileException(
            source + " holds unexpected tensor '" + name + "' (expected exactly " + expected.keySet() + ")");
      }
    }
  }
}
