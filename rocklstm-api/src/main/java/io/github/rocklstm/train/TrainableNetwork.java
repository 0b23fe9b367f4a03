package io.github.rocklstm.train;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.Session;
import java.util.Map;

/**
 * What a backend implements: the tensor work of one {@link ModelSpec} network on one device. Everything else
 * (argument checks, batching, the training loop, scoring, model files) lives in the api and is shared, so both
 * backends behave the same; {@code io.github.rocklstm.backend.NetworkSequenceModel} turns a network into a
 * {@link io.github.rocklstm.model.SequenceModel}.
 *
 * <p>The network computes exactly what {@link ModelSpec} and {@link io.github.rocklstm.model.ParameterLayout}
 * define (PyTorch LSTM semantics, gate order i, f, g, o; dropout after every LSTM layer while training), and
 * {@link #trainStep} applies exactly the update of {@link OptimizerState}. Arguments reaching these methods have
 * been checked by the api (token ids in range, shapes consistent), so implementations need not check them again.
 */
public interface TrainableNetwork extends AutoCloseable {

  /** The architecture. */
  ModelSpec spec();

  /** The concrete device ({@code cpu} or {@code gpuN}). */
  Device device();

  /**
   * Re-seeds the random source of dropout. The training loop calls this at the start of every epoch with a seed
   * derived from the configured seed and the epoch number, which makes a resumed run draw the same masks.
   */
  void seedRandom(long seed);

  /**
   * One optimiser step: forward with dropout, mean cross-entropy over the batch's real positions, backward,
   * global-norm clipping, Adam update (see {@link OptimizerState} for the exact rule), gradients cleared.
   *
   * @param gradientClip largest global gradient norm; 0 for no clipping
   * @return the batch's mean cross-entropy before the update, in nats per target token
   */
  double trainStep(TokenBatch batch, double learningRate, double gradientClip);

  /**
   * Log-probabilities of the targets with dropout off, every row from the zero state.
   *
   * @return {@code ln p(target(r, t) | inputs of row r up to t)} in row-major order, {@code rows * length}
   *     values; padding positions hold any finite value (0 by convention)
   */
  float[] targetLogProbabilities(TokenBatch batch);

  /**
   * A stateful session of {@code batchSize} rows from the zero state; its {@code step} returns log-softmax rows.
   * The api wraps it with argument checks.
   */
  Session newSession(int batchSize);

  /** A copy of the weights in the {@link io.github.rocklstm.model.ParameterLayout} layout. */
  Map<String, FloatTensor> weights();

  /** Replaces the weights (already checked against the spec). */
  void setWeights(Map<String, FloatTensor> weights);

  /** A copy of Adam's state (moments and step count). */
  OptimizerState optimizerState();

  /** Replaces Adam's state (already checked against the spec). */
  void setOptimizerState(OptimizerState state);

  /** Releases native memory; closing twice does nothing. */
  @Override
  void close();
}
