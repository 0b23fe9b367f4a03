package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ModelSpec;

/**
 * Floating-point operations per token of a {@link ModelSpec} network, counting the matrix products only (one
 * multiply-add = 2 FLOPs), which is what GEMM-bound hardware limits:
 *
 * <pre>
 *   LSTM layer l:  2 * 4H * (in_l + H)   (four gates, input and recurrent weights; in_1 = E, in_l = H after)
 *   output layer:  2 * H * V
 *   forward     =  sum over layers + output
 *   training    =  3 * forward            (backward ~ 2 x forward: one product for the gradient of the inputs and
 *                                          one for the gradient of the weights, each as large as the forward one)
 * </pre>
 *
 * with E the embedding width, H the hidden size and V the vocabulary. Left out as lower order: the embedding lookup
 * (a gather, no FLOPs), biases, gate nonlinearities and the cell update (about 10H per layer against 8H(in + H)),
 * softmax and loss (about 3V against 2HV), dropout, and Adam's update (about 10 FLOPs per parameter per step,
 * spread over a step's thousands of tokens). Scoring, sampling and generation cost {@link #forwardPerToken} per
 * token, training {@link #trainingPerToken}.
 */
public final class ModelFlops {

  private ModelFlops() {}

  /** FLOPs of one LSTM layer per token: {@code 2 * 4H * (in + H)}. */
  public static long lstmLayerPerToken(int inputSize, int hiddenSize) {
    Preconditions.checkArgument(inputSize >= 1 && hiddenSize >= 1, "sizes must be >= 1, got %s and %s", inputSize,
        hiddenSize);
    return 2L * 4 * hiddenSize * ((long) inputSize + hiddenSize);
  }

  /** FLOPs of the forward pass per token: every LSTM layer plus the output layer {@code 2 * H * V}. */
  public static long forwardPerToken(ModelSpec spec) {
    long flops = 0;
    for (int layer = 0; layer < spec.layers(); layer++) {
      int input = layer == 0 ? spec.embeddingSize() : spec.hiddenSize();
      flops += lstmLayerPerToken(input, spec.hiddenSize());
    }
    return flops + 2L * spec.hiddenSize() * spec.vocabularySize();
  }

  /** FLOPs of forward and backward per token: {@code 3 * forwardPerToken}. */
  public static long trainingPerToken(ModelSpec spec) {
    return 3 * forwardPerToken(spec);
  }

  /** FLOPs of the product of two {@code n x n} matrices: {@code 2 n^3}. */
  public static long squareGemm(int n) {
    Preconditions.checkArgument(n >= 1, "n must be >= 1, got %s", n);
    return 2L * n * n * n;
  }
}
