package io.github.rocklstm.backend;

import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import java.util.Map;

/**
 * The model of {@link ModelSpec} and {@link ParameterLayout} written out in plain Java with doubles, straight from
 * their javadoc (gate order i, f, g, o; no dropout): the yardstick the contract suite holds every backend's scores
 * to, so that a backend with a transposed matrix or swapped gates cannot pass.
 */
public final class ReferenceLstm {

  private final ModelSpec spec;
  private final Map<String, FloatTensor> weights;

  /** A reference over the given portable weights. */
  public ReferenceLstm(ModelSpec spec, Map<String, FloatTensor> weights) {
    ParameterLayout.check(spec, weights, "reference weights");
    this.spec = spec;
    this.weights = weights;
  }

  /** {@code ln p(s[t] | s[0..t-1])} for t = 1..n-1, from the zero state. */
  public double[] targetLogProbabilities(int[] sequence) {
    int layers = spec.layers();
    int hidden = spec.hiddenSize();
    double[][] h = new double[layers][hidden];
    double[][] c = new double[layers][hidden];
    double[] result = new double[sequence.length - 1];
    for (int t = 0; t + 1 < sequence.length; t++) {
      double[] logProbabilities = step(sequence[t], h, c);
      result[t] = logProbabilities[sequence[t + 1]];
    }
    return result;
  }

  /** Feeds one token, updating {@code h} and {@code c} in place, and returns the log-softmax over the vocabulary. */
  public double[] step(int token, double[][] h, double[][] c) {
    int hidden = spec.hiddenSize();
    FloatTensor embedding = weights.get(ParameterLayout.EMBEDDING_WEIGHT);
    double[] x = new double[spec.embeddingSize()];
    for (int e = 0; e < x.length; e++) {
      x[e] = embedding.get(token * x.length + e);
    }
    for (int layer = 0; layer < spec.layers(); layer++) {
      FloatTensor wIh = weights.get(ParameterLayout.weightIh(layer));
      FloatTensor wHh = weights.get(ParameterLayout.weightHh(layer));
      FloatTensor bIh = weights.get(ParameterLayout.biasIh(layer));
      FloatTensor bHh = weights.get(ParameterLayout.biasHh(layer));
      double[] z = new double[4 * hidden];
      for (int row = 0; row < 4 * hidden; row++) {
        double sum = bIh.get(row) + bHh.get(row);
        for (int k = 0; k < x.length; k++) {
          sum += wIh.get(row * x.length + k) * x[k];
        }
        for (int k = 0; k < hidden; k++) {
          sum += wHh.get(row * hidden + k) * h[layer][k];
        }
        z[row] = sum;
      }
      double[] next = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        double i = sigmoid(z[j]);
        double f = sigmoid(z[hidden + j]);
        double g = Math.tanh(z[2 * hidden + j]);
        double o = sigmoid(z[3 * hidden + j]);
        c[layer][j] = f * c[layer][j] + i * g;
        next[j] = o * Math.tanh(c[layer][j]);
      }
      h[layer] = next;
      x = next;
    }
    FloatTensor outputWeight = weights.get(ParameterLayout.OUTPUT_WEIGHT);
    FloatTensor outputBias = weights.get(ParameterLayout.OUTPUT_BIAS);
    int vocabulary = spec.vocabularySize();
    double[] logits = new double[vocabulary];
    double max = Double.NEGATIVE_INFINITY;
    for (int v = 0; v < vocabulary; v++) {
      double sum = outputBias.get(v);
      for (int k = 0; k < hidden; k++) {
        sum += outputWeight.get(v * hidden + k) * x[k];
      }
      logits[v] = sum;
      max = Math.max(max, sum);
    }
    double normaliser = 0;
    for (double logit : logits) {
      normaliser += Math.exp(logit - max);
    }
    double logNormaliser = max + Math.log(normaliser);
    for (int v = 0; v < vocabulary; v++) {
      logits[v] -= logNormaliser;
    }
    return logits;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
