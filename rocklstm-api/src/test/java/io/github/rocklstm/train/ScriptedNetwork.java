package io.github.rocklstm.train;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.OptimizerState;
import io.github.rocklstm.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * A stand-in network for loop tests: its only "weight" counts the training steps applied, training losses come
 * from a script indexed by step, and scoring returns {@code -validationLoss(steps applied)} at every real position,
 * so the validation loss after epoch e is whatever the script says for that many steps.
 */
class ScriptedNetwork implements TrainableNetwork {

  final List<Double> learningRates = new ArrayList<>();
  final List<Long> seeds = new ArrayList<>();
  final List<Integer> firstInputs = new ArrayList<>();
  private final IntToDoubleFunction trainLoss;
  private final IntToDoubleFunction validationLoss;
  int stepsApplied;

  ScriptedNetwork(IntToDoubleFunction trainLoss, IntToDoubleFunction validationLoss) {
    this.trainLoss = trainLoss;
    this.validationLoss = validationLoss;
  }

  @Override
  public ModelSpec spec() {
    return new ModelSpec(100, 1, 1, 1, 0);
  }

  @Override
  public Device device() {
    return Device.cpu();
  }

  @Override
  public void seedRandom(long seed) {
    seeds.add(seed);
  }

  @Override
  public double trainStep(TokenBatch batch, double learningRate, double gradientClip) {
    learningRates.add(learningRate);
    firstInputs.add(batch.input(0, 0) * 1000 + batch.target(0, 0));
    double loss = trainLoss.applyAsDouble(stepsApplied);
    stepsApplied++;
    return loss;
  }

  @Override
  public float[] targetLogProbabilities(TokenBatch batch) {
    float[] result = new float[batch.rows() * batch.length()];
    for (int row = 0; row < batch.rows(); row++) {
      for (int t = 0; t < batch.rowLength(row); t++) {
        result[row * batch.length() + t] = (float) -validationLoss.applyAsDouble(stepsApplied);
      }
    }
    return result;
  }

  @Override
  public Session newSession(int batchSize) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Map<String, FloatTensor> weights() {
    return Map.of("steps", FloatTensor.of(new float[] {stepsApplied}));
  }

  @Override
  public void setWeights(Map<String, FloatTensor> weights) {
    stepsApplied = (int) weights.get("steps").get(0);
  }

  @Override
  public OptimizerState optimizerState() {
    return new OptimizerState(stepsApplied, weights(), weights());
  }

  @Override
  public void setOptimizerState(OptimizerState state) {}

  @Override
  public void close() {}
}
