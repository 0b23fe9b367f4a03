package io.github.rocklstm.dl4j;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.train.TokenBatch;
import io.github.rocklstm.train.TrainableNetwork;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.LogSoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The network on ND4J: parameters, gradients and Adam's moments each in one flat array in the portable
 * {@link ParameterLayout} layout ({@link FlatTensors}); training runs {@link LstmTrainingPass} per layer; scoring and
 * session steps run libnd4j's fused {@code lstmLayer} operation (one native call per layer, gate order i, f, g, o
 * like the portable layout); clipping and Adam are a handful of operations over the flat arrays.
 *
 * <p>Memory: every call computes inside a thread-local ND4J workspace ({@value #WORKSPACE_ID}) that is reset when
 * the call returns, so temporaries never reach the garbage collector and native memory stays flat; only parameters,
 * gradients, moments and session states live outside it.
 *
 * <p>Threads: a read-write lock lets scoring and session steps of several threads run together while a training
 * step, or replacing weights or optimiser state, runs alone. Nothing is stored in ND4J's layers or in any global:
 * each session keeps its own state, and the dropout random source belongs to the network.
 */
// ND4J workspaces are scopes: try-with-resources opens and closes them without naming them in the body.
@SuppressWarnings("try")
final class Dl4jNetwork implements TrainableNetwork {

  /** The name of the thread-local workspace every call computes in. */
  static final String WORKSPACE_ID = "rocklstm-dl4j";

  private static final WorkspaceConfiguration WORKSPACE =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .overallocationLimit(0.2)
          .policyAllocation(AllocationPolicy.OVERALLOCATE)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policyMirroring(MirroringPolicy.FULL)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  private static final DataType FLOAT = DataType.FLOAT;

  private final ModelSpec spec;
  private final Device device;
  private final FlatTensors parameters;
  private final FlatTensors gradients;
  private final FlatTensors firstMoment;
  private final FlatTensors secondMoment;
  /** Per layer: {@code weight_ih^T} [in, 4H], views of the parameters, as the fused operation wants them. */
  private final INDArray[] weightIhTransposed;
  /** Per layer: {@code weight_hh^T} [H, 4H], views of the parameters. */
  private final INDArray[] weightHhTransposed;
  /** Per layer: {@code bias_ih + bias_hh} [4H], refreshed whenever the parameters change. */
  private final INDArray[] biasSums;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private long adamStep;
  private SplittableRandom dropoutRandom = new SplittableRandom(0);
  private boolean closed;

  Dl4jNetwork(ModelSpec spec, Device device, Map<String, FloatTensor> weights) {
    ParameterLayout.check(spec, weights, "initial weights");
    this.spec = spec;
    this.device = device;
    Nd4jRuntime.bindThread(device);
    parameters = new FlatTensors(spec);
    gradients = new FlatTensors(spec);
    firstMoment = new FlatTensors(spec);
    secondMoment = new FlatTensors(spec);
    parameters.set(weights);
    weightIhTransposed = new INDArray[spec.layers()];
    weightHhTransposed = new INDArray[spec.layers()];
    biasSums = new INDArray[spec.layers()];
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (int layer = 0; layer < spec.layers(); layer++) {
        weightIhTransposed[layer] = parameters.get(ParameterLayout.weightIh(layer)).transpose();
        weightHhTransposed[layer] = parameters.get(ParameterLayout.weightHh(layer)).transpose();
        biasSums[layer] = Nd4j.create(FLOAT, 4L * spec.hiddenSize());
      }
    }
    refreshBiasSums();
  }

  private void refreshBiasSums() {
    for (int layer = 0; layer < spec.layers(); layer++) {
      biasSums[layer]
          .assign(parameters.get(ParameterLayout.biasIh(layer)))
          .addi(parameters.get(ParameterLayout.biasHh(layer)));
    }
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public Device device() {
    return device;
  }

  @Override
  public void seedRandom(long seed) {
    lock.writeLock().lock();
    try {
      dropoutRandom = new SplittableRandom(seed);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---- training ------------------------------------------------------------------------------------------------

  @Override
  public double trainStep(TokenBatch batch, double learningRate, double gradientClip) {
    lock.writeLock().lock();
    try {
      checkOpen();
      Nd4jRuntime.bindThread(device);
      try (MemoryWorkspace ignored = workspace()) {
        return trainInWorkspace(batch, learningRate, gradientClip);
      } finally {
        refreshBiasSums();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private double trainInWorkspace(TokenBatch batch, double learningRate, double gradientClip) {
    int rows = batch.rows();
    int length = batch.length();
    int positions = rows * length;
    int hidden = spec.hiddenSize();
    int[] inputs = timeMajor(batch.inputs(), rows, length);
    int[] targets = timeMajor(batch.targets(), rows, length);
    float[] mask = timeMajor(batch.mask(), rows, length);

    INDArray x = embed(inputs);
    LstmTrainingPass[] passes = new LstmTrainingPass[spec.layers()];
    INDArray[] dropoutMasks = new INDArray[spec.layers()];
    for (int layer = 0; layer < spec.layers(); layer++) {
      passes[layer] = new LstmTrainingPass(length, rows, hidden);
      x = passes[layer].forward(
          x, parameters.get(ParameterLayout.weightIh(layer)), parameters.get(ParameterLayout.weightHh(layer)),
          biasSums[layer]);
      if (spec.dropout() > 0) {
        dropoutMasks[layer] = dropoutMask(positions, hidden);
        x = x.mul(dropoutMasks[layer]);
      }
    }
    INDArray logProbabilities = logSoftmaxOutput(x);

    // Masked mean cross-entropy, and its gradient with respect to the logits: (softmax - onehot) * mask / count.
    double count = batch.targetCount();
    double lossSum = 0;
    for (int n = 0; n < positions; n++) {
      if (mask[n] != 0) {
        lossSum -= logProbabilities.getDouble(n, targets[n]);
      }
    }
    INDArray logitGradient = Transforms.exp(logProbabilities, false);
    logitGradient.muliColumnVector(Nd4j.create(mask, new long[] {positions, 1}, 'c'));
    for (int n = 0; n < positions; n++) {
      if (mask[n] != 0) {
        logitGradient.putScalar(n, targets[n], logitGradient.getDouble(n, targets[n]) - 1.0);
      }
    }
    logitGradient.divi(count);

    Nd4j.gemm(logitGradient, x, gradients.get(ParameterLayout.OUTPUT_WEIGHT), true, false, 1.0, 0.0);
    LstmTrainingPass.columnSums(logitGradient, gradients.get(ParameterLayout.OUTPUT_BIAS));
    INDArray dx = Nd4j.create(FLOAT, positions, hidden);
    Nd4j.gemm(logitGradient, parameters.get(ParameterLayout.OUTPUT_WEIGHT), dx, false, false, 1.0, 0.0);
    for (int layer = spec.layers() - 1; layer >= 0; layer--) {
      if (dropoutMasks[layer] != null) {
        dx.muli(dropoutMasks[layer]);
      }
      INDArray biasGradient = gradients.get(ParameterLayout.biasIh(layer));
      dx = passes[layer].backward(
          dx,
          parameters.get(ParameterLayout.weightIh(layer)),
          parameters.get(ParameterLayout.weightHh(layer)),
          gradients.get(ParameterLayout.weightIh(layer)),
          gradients.get(ParameterLayout.weightHh(layer)),
          biasGradient);
      gradients.get(ParameterLayout.biasHh(layer)).assign(biasGradient);
    }
    Nd4j.gemm(oneHot(inputs), dx, gradients.get(ParameterLayout.EMBEDDING_WEIGHT), true, false, 1.0, 0.0);

    clipAndUpdate(learningRate, gradientClip);
    return lossSum / count;
  }

  /** Global-norm clipping and the Adam update of {@link OptimizerState}, over the flat arrays. */
  private void clipAndUpdate(double learningRate, double gradientClip) {
    INDArray g = gradients.flat();
    if (gradientClip > 0) {
      double norm = g.norm2Number().doubleValue();
      double coefficient = gradientClip / (norm + 1e-6);
      if (coefficient < 1) {
        g.muli(coefficient);
      }
    }
    adamStep++;
    double correction1 = 1 - Math.pow(OptimizerState.BETA1, adamStep);
    double correction2 = 1 - Math.pow(OptimizerState.BETA2, adamStep);
    INDArray m = firstMoment.flat();
    INDArray v = secondMoment.flat();
    m.muli(OptimizerState.BETA1).addi(g.mul(1 - OptimizerState.BETA1));
    v.muli(OptimizerState.BETA2).addi(g.mul(g).muli(1 - OptimizerState.BETA2));
    INDArray denominator = Transforms.sqrt(v.div(correction2), false).addi(OptimizerState.EPSILON);
    parameters.flat().subi(m.div(denominator).muli(learningRate / correction1));
  }

  private INDArray dropoutMask(int positions, int hidden) {
    float keep = (float) (1 - spec.dropout());
    float scale = 1 / keep;
    float[] values = new float[positions * hidden];
    for (int i = 0; i < values.length; i++) {
      values[i] = dropoutRandom.nextFloat() < keep ? scale : 0f;
    }
    return Nd4j.create(values, new long[] {positions, hidden}, 'c');
  }

  // ---- scoring and stepping ------------------------------------------------------------------------------------

  @Override
  public float[] targetLogProbabilities(TokenBatch batch) {
    return read(() -> {
      int rows = batch.rows();
      int length = batch.length();
      int[] inputs = timeMajor(batch.inputs(), rows, length);
      INDArray x = embed(inputs).reshape('c', length, rows, spec.embeddingSize());
      for (int layer = 0; layer < spec.layers(); layer++) {
        x = lstmSequence(layer, x, null, null, null);
      }
      INDArray logProbabilities = logSoftmaxOutput(x.reshape('c', (long) length * rows, spec.hiddenSize()));
      float[] result = new float[rows * length];
      for (int row = 0; row < rows; row++) {
        for (int t = 0; t < batch.rowLength(row); t++) {
          result[row * length + t] = logProbabilities.getFloat((long) t * rows + row, batch.target(row, t));
        }
      }
      return result;
    });
  }

  /**
   * One step of a session: {@code state} holds h and c of every layer, each [B, H], outside any workspace; the new
   * state is copied into these arrays, so a session allocates nothing outside the workspace while it steps.
   *
   * @return log-probabilities, [B][V]
   */
  float[][] step(int[] tokens, INDArray[] state) {
    return read(() -> {
      int rows = tokens.length;
      INDArray x = embed(tokens).reshape('c', 1, rows, spec.embeddingSize());
      for (int layer = 0; layer < spec.layers(); layer++) {
        INDArray[] last = new INDArray[2];
        lstmSequence(layer, x, state[2 * layer], state[2 * layer + 1], last);
        state[2 * layer].assign(last[0]);
        state[2 * layer + 1].assign(last[1]);
        x = last[0].reshape('c', 1, rows, spec.hiddenSize());
      }
      float[] flat = logSoftmaxOutput(x.reshape('c', rows, spec.hiddenSize())).data().asFloat();
      int vocabulary = spec.vocabularySize();
      float[][] result = new float[rows][];
      for (int row = 0; row < rows; row++) {
        result[row] = java.util.Arrays.copyOfRange(flat, row * vocabulary, (row + 1) * vocabulary);
      }
      return result;
    });
  }

  /**
   * libnd4j's {@code lstmLayer} over [T, B, in] (time-major): h of every step, or, with {@code last} given, h and c
   * of the last step (into {@code last[0]} and {@code last[1]}).
   */
  private INDArray lstmSequence(int layer, INDArray x, INDArray h0, INDArray c0, INDArray[] last) {
    long steps = x.size(0);
    long rows = x.size(1);
    long hidden = spec.hiddenSize();
    INDArray bias = biasSums[layer];
    DynamicCustomOp.DynamicCustomOpsBuilder op =
        DynamicCustomOp.builder("lstmLayer")
            // dataFormat 0 = [T, B, in]; direction 0 = forward; gate activation sigmoid (2), cell and output tanh (0)
            .addIntegerArguments(0, 0, 2, 0, 0)
            .addFloatingPointArguments(0.0);
    INDArray weightIh = weightIhTransposed[layer];
    INDArray weightHh = weightHhTransposed[layer];
    if (last == null) {
      INDArray h = Nd4j.create(FLOAT, steps, rows, hidden);
      // hasBias, hasSeqLen, hasInitH, hasInitC, hasPeephole, returnFullSequence, returnLastH, returnLastC
      op.addBooleanArguments(true, false, false, false, false, true, false, false)
          .addInputs(x, weightIh, weightHh, bias)
          .addOutputs(h);
      Nd4j.exec(op.build());
      return h;
    }
    last[0] = Nd4j.create(FLOAT, rows, hidden);
    last[1] = Nd4j.create(FLOAT, rows, hidden);
    op.addBooleanArguments(true, false, true, true, false, false, true, true)
        .addInputs(x, weightIh, weightHh, bias, h0, c0)
        .addOutputs(last[0], last[1]);
    Nd4j.exec(op.build());
    return last[0];
  }

  // ---- shared pieces -------------------------------------------------------------------------------------------

  /** Embedding rows of {@code tokens}, [N, E]. */
  private INDArray embed(int[] tokens) {
    return Nd4j.pullRows(parameters.get(ParameterLayout.EMBEDDING_WEIGHT), 1, tokens);
  }

  /** One-hot rows of {@code tokens}, [N, V]. */
  private INDArray oneHot(int[] tokens) {
    int vocabulary = spec.vocabularySize();
    INDArray result = Nd4j.create(FLOAT, tokens.length, vocabulary);
    for (int n = 0; n < tokens.length; n++) {
      result.putScalar(n, tokens[n], 1.0);
    }
    return result;
  }

  /** log-softmax(x · output.weight^T + output.bias), [N, V], for x [N, H]. */
  private INDArray logSoftmaxOutput(INDArray x) {
    INDArray logits = Nd4j.create(FLOAT, x.size(0), spec.vocabularySize());
    Nd4j.gemm(x, parameters.get(ParameterLayout.OUTPUT_WEIGHT), logits, false, true, 1.0, 0.0);
    logits.addiRowVector(parameters.get(ParameterLayout.OUTPUT_BIAS));
    return Nd4j.exec(new LogSoftMax(logits, logits))[0];
  }

  private static int[] timeMajor(int[] rowMajor, int rows, int length) {
    int[] result = new int[rowMajor.length];
    for (int row = 0; row < rows; row++) {
      for (int t = 0; t < length; t++) {
        result[t * rows + row] = rowMajor[row * length + t];
      }
    }
    return result;
  }

  private static float[] timeMajor(float[] rowMajor, int rows, int length) {
    float[] result = new float[rowMajor.length];
    for (int row = 0; row < rows; row++) {
      for (int t = 0; t < length; t++) {
        result[t * rows + row] = rowMajor[row * length + t];
      }
    }
    return result;
  }

  private static MemoryWorkspace workspace() {
    return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID);
  }

  /** Runs {@code work} under the read lock, in the workspace, on this network's device. */
  private <T> T read(Supplier<T> work) {
    lock.readLock().lock();
    try {
      checkOpen();
      Nd4jRuntime.bindThread(device);
      try (MemoryWorkspace ignored = workspace()) {
        return work.get();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  // ---- sessions, weights, optimiser state ----------------------------------------------------------------------

  @Override
  public Session newSession(int batchSize) {
    checkOpen();
    return new Dl4jSession(this, batchSize);
  }

  /** Zero h and c for every layer, [rows, H] each, outside any workspace. */
  INDArray[] zeroState(int rows) {
    INDArray[] state = new INDArray[2 * spec.layers()];
    try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      for (int i = 0; i < state.length; i++) {
        state[i] = Nd4j.create(FLOAT, rows, spec.hiddenSize());
      }
    }
    return state;
  }

  @Override
  public Map<String, FloatTensor> weights() {
    return readOutside(parameters::toTensors);
  }

  @Override
  public void setWeights(Map<String, FloatTensor> weights) {
    lock.writeLock().lock();
    try {
      checkOpen();
      parameters.set(weights);
      refreshBiasSums();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public OptimizerState optimizerState() {
    return readOutside(() -> new OptimizerState(adamStep, firstMoment.toTensors(), secondMoment.toTensors()));
  }

  @Override
  public void setOptimizerState(OptimizerState state) {
    lock.writeLock().lock();
    try {
      checkOpen();
      firstMoment.set(state.firstMoment());
      secondMoment.set(state.secondMoment());
      adamStep = state.step();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private <T> T readOutside(Supplier<T> work) {
    lock.readLock().lock();
    try {
      checkOpen();
      try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
        return work.get();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the dl4j network is closed");
    }
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
