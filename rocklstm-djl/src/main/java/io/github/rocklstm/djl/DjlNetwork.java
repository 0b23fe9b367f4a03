package io.github.rocklstm.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.train.TokenBatch;
import io.github.rocklstm.train.TrainableNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network on PyTorch: parameters are plain NDArrays in the portable layout, training and scoring call PyTorch's
 * fused LSTM kernel one layer at a time (so dropout can follow every layer), session steps compute the LSTM cell
 * with tensor operations, and Adam is written out here so that its state can be saved and restored exactly.
 *
 * <p>Memory: parameters and Adam moments live in this network's manager; every step, scoring batch and session
 * step runs in a child manager closed with try-with-resources, so no temporary outlives its call.
 *
 * <p>Threads: PyTorch's autograd switch is per thread and DJL's gradient collector is one per process, so every
 * entry point sets the switch itself and training steps of all networks in the JVM are serialised.
 */
final class DjlNetwork implements TrainableNetwork {

  /** DJL allows one gradient collector at a time in the whole process. */
  private static final Object TRAINING_LOCK = new Object();

  private final ModelSpec spec;
  private final ai.djl.Device djlDevice;
  private final Engine engine;
  private final NDManager manager;
  private final Map<String, NDArray> parameters = new LinkedHashMap<>();
  private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
  private long adamStep;
  private boolean closed;

  DjlNetwork(ModelSpec spec, ai.djl.Device djlDevice, Map<String, FloatTensor> weights) {
    this.spec = spec;
    this.djlDevice = djlDevice;
    this.engine = DjlRuntime.engine();
    this.manager = NDManager.newBaseManager(djlDevice, DjlRuntime.ENGINE_NAME);
    try {
      ParameterLayout.check(spec, weights, "initial weights");
      JniUtils.setGradMode(false);
      setWeights(weights);
      setOptimizerState(OptimizerState.initial(spec));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public Device device() {
    return DjlRuntime.fromDjl(djlDevice);
  }

  NDManager manager() {
    return manager;
  }

  @Override
  public void seedRandom(long seed) {
    engine.setRandomSeed((int) (seed ^ (seed >>> 32)));
  }

  /**
   * The forward pass over whole windows from the zero state, with PyTorch's fused LSTM kernel (one call per layer).
   * {@code inputs} is [B, T] int64 in a temporary manager; every result is created there too.
   *
   * @return log-probabilities [B*T, V]
   */
  NDArray forward(NDArray inputs, boolean training) {
    long rows = inputs.getShape().get(0);
    long length = inputs.getShape().get(1);
    int hidden = spec.hiddenSize();
    NDManager scope = inputs.getManager();
    NDArray x = embed(inputs);
    for (int layer = 0; layer < spec.layers(); layer++) {
      NDList zeroState =
          new NDList(scope.zeros(new Shape(1, rows, hidden)), scope.zeros(new Shape(1, rows, hidden)));
      NDList layerParameters =
          new NDList(
              parameters.get(ParameterLayout.weightIh(layer)),
              parameters.get(ParameterLayout.weightHh(layer)),
              parameters.get(ParameterLayout.biasIh(layer)),
              parameters.get(ParameterLayout.biasHh(layer)));
      x = x.getNDArrayInternal().lstm(x, zeroState, layerParameters, true, 1, 0.0, training, false, true).get(0);
      if (training && spec.dropout() > 0) {
        x = x.getNDArrayInternal().dropout(x, (float) spec.dropout(), true).singletonOrThrow();
      }
    }
    return logSoftmaxOutput(x.reshape(rows * length, hidden));
  }

  /**
   * One time step for sessions, with the LSTM cell written out as tensor operations: for a single position this
   * is several times faster than the fused kernel, which reorders its weights on every call (measured 4x at
   * H = 256). Same definition, so it agrees with {@link #forward} to float rounding.
   *
   * @param tokens [B] int64 in a temporary manager
   * @param state h and c of every layer, each [B, H]; replaced in place by the new state (created in the
   *     temporary manager)
   * @return log-probabilities [B, V]
   */
  NDArray step(NDArray tokens, NDList state) {
    NDArray x = embed(tokens);
    for (int layer = 0; layer < spec.layers(); layer++) {
      NDArray h = state.get(2 * layer);
      NDArray c = state.get(2 * layer + 1);
      NDArray gates =
          x.getNDArrayInternal()
              .linear(x, parameters.get(ParameterLayout.weightIh(layer)), parameters.get(ParameterLayout.biasIh(layer)))
              .singletonOrThrow()
              .addi(
                  h.getNDArrayInternal()
                      .linear(
                          h,
                          parameters.get(ParameterLayout.weightHh(layer)),
                          parameters.get(ParameterLayout.biasHh(layer)))
                      .singletonOrThrow());
      NDList chunks = gates.split(4, 1);
      NDArray input = Activation.sigmoid(chunks.get(0));
      NDArray forget = Activation.sigmoid(chunks.get(1));
      NDArray candidate = chunks.get(2).tanh();
      NDArray output = Activation.sigmoid(chunks.get(3));
      NDArray nextC = forget.mul(c).addi(input.mul(candidate));
      NDArray nextH = output.mul(nextC.tanh());
      state.set(2 * layer, nextH);
      state.set(2 * layer + 1, nextC);
      x = nextH;
    }
    return logSoftmaxOutput(x);
  }

  private NDArray embed(NDArray tokens) {
    return tokens.getNDArrayInternal()
        .embedding(tokens, parameters.get(ParameterLayout.EMBEDDING_WEIGHT), SparseFormat.DENSE)
        .singletonOrThrow();
  }

  private NDArray logSoftmaxOutput(NDArray hidden) {
    return hidden.getNDArrayInternal()
        .linear(hidden, parameters.get(ParameterLayout.OUTPUT_WEIGHT), parameters.get(ParameterLayout.OUTPUT_BIAS))
        .singletonOrThrow()
        .logSoftmax(1);
  }

  @Override
  public double trainStep(TokenBatch batch, double learningRate, double gradientClip) {
    synchronized (TRAINING_LOCK) {
      checkOpen();
      JniUtils.setGradMode(false);
      int positions = batch.rows() * batch.length();
      try (NDManager scope = manager.newSubManager()) {
        NDArray inputs = scope.create(batch.inputsAsLongs(), new Shape(batch.rows(), batch.length()));
        NDArray targets = scope.create(batch.targetsAsLongs(), new Shape(positions, 1));
        NDArray mask = scope.create(batch.mask(), new Shape(positions));
        float loss;
        try (GradientCollector collector = engine.newGradientCollector()) {
          NDArray logProbabilities = forward(inputs, true);
          NDArray picked = logProbabilities.gather(targets, 1).reshape(positions);
          NDArray meanLoss = picked.mul(mask).sum().neg().div(batch.targetCount());
          collector.backward(meanLoss);
          loss = meanLoss.getFloat();
        }
        JniUtils.setGradMode(false);
        applyAdam(scope, learningRate, gradientClip);
        return loss;
      }
    }
  }

  /** Clipping and the Adam update of {@link OptimizerState}, then zeroed gradients; temporaries go to scope. */
  private void applyAdam(NDManager scope, double learningRate, double gradientClip) {
    List<String> names = new ArrayList<>(parameters.keySet());
    List<NDArray> gradients = new ArrayList<>(names.size());
    for (String name : names) {
      // Moves the parameter and its moments into the scope until it closes, so that every array the update
      // creates from them (the gradient handle included) is released with the scope.
      scope.tempAttachAll(parameters.get(name), firstMoment.get(name), secondMoment.get(name));
      gradients.add(parameters.get(name).getGradient());
    }
    double scale = 1;
    if (gradientClip > 0) {
      NDArray squares = gradients.get(0).square().sum();
      for (int i = 1; i < gradients.size(); i++) {
        squares = squares.add(gradients.get(i).square().sum());
      }
      double norm = Math.sqrt(squares.getFloat());
      double coefficient = gradientClip / (norm + 1e-6);
      if (coefficient < 1) {
        scale = coefficient;
      }
    }
    adamStep++;
    double correction1 = 1 - Math.pow(OptimizerState.BETA1, adamStep);
    double correction2 = 1 - Math.pow(OptimizerState.BETA2, adamStep);
    float stepSize = (float) (learningRate / correction1);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      NDArray gradient = gradients.get(i);
      NDArray scaled = scale == 1 ? gradient : gradient.mul((float) scale);
      NDArray m = firstMoment.get(name);
      NDArray v = secondMoment.get(name);
      m.muli((float) OptimizerState.BETA1).addi(scaled.mul((float) (1 - OptimizerState.BETA1)));
      v.muli((float) OptimizerState.BETA2).addi(scaled.square().muli((float) (1 - OptimizerState.BETA2)));
      NDArray denominator = v.div((float) correction2).sqrt().addi((float) OptimizerState.EPSILON);
      parameters.get(name).subi(m.div(denominator).muli(stepSize));
      gradient.subi(gradient);
    }
  }

  @Override
  public float[] targetLogProbabilities(TokenBatch batch) {
    checkOpen();
    JniUtils.setGradMode(false);
    int positions = batch.rows() * batch.length();
    try (NDManager scope = manager.newSubManager()) {
      NDArray inputs = scope.create(batch.inputsAsLongs(), new Shape(batch.rows(), batch.length()));
      NDArray targets = scope.create(batch.targetsAsLongs(), new Shape(positions, 1));
      NDArray mask = scope.create(batch.mask(), new Shape(positions));
      NDArray logProbabilities = forward(inputs, false);
      return logProbabilities.gather(targets, 1).reshape(positions).mul(mask).toFloatArray();
    }
  }

  @Override
  public Session newSession(int batchSize) {
    checkOpen();
    return new DjlSession(this, batchSize);
  }

  @Override
  public Map<String, FloatTensor> weights() {
    checkOpen();
    return toTensors(parameters);
  }

  @Override
  public void setWeights(Map<String, FloatTensor> weights) {
    checkOpen();
    JniUtils.setGradMode(false);
    replace(parameters, weights, true);
  }

  @Override
  public OptimizerState optimizerState() {
    checkOpen();
    return new OptimizerState(adamStep, toTensors(firstMoment), toTensors(secondMoment));
  }

  @Override
  public void setOptimizerState(OptimizerState state) {
    checkOpen();
    JniUtils.setGradMode(false);
    replace(firstMoment, state.firstMoment(), false);
    replace(secondMoment, state.secondMoment(), false);
    adamStep = state.step();
  }

  private Map<String, FloatTensor> toTensors(Map<String, NDArray> arrays) {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
      int[] shape = new int[entry.getValue().getShape().dimension()];
      for (int axis = 0; axis < shape.length; axis++) {
        shape[axis] = Math.toIntExact(entry.getValue().getShape().get(axis));
      }
      tensors.put(entry.getKey(), FloatTensor.wrap(entry.getValue().toFloatArray(), shape));
    }
    return tensors;
  }

  private void replace(Map<String, NDArray> target, Map<String, FloatTensor> tensors, boolean trainable) {
    for (String name : ParameterLayout.shapes(spec).keySet()) {
      FloatTensor tensor = tensors.get(name);
      long[] shape = new long[tensor.rank()];
      for (int axis = 0; axis < shape.length; axis++) {
        shape[axis] = tensor.dimension(axis);
      }
      NDArray array = manager.create(tensor.toArray(), new Shape(shape));
      if (trainable) {
        array.setRequiresGradient(true);
      }
      NDArray previous = target.put(name, array);
      if (previous != null) {
        previous.close();
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the djl network is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
