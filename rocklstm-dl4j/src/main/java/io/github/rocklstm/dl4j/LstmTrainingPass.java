package io.github.rocklstm.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One LSTM layer over a batch of windows, forward then backward, for training: the forward pass keeps the gate
 * activations that the backward pass needs, and the backward pass writes the weight gradients.
 *
 * <p>Layout: rows are time-major, row {@code t * B + b} is window b at step t, so one step is a contiguous block
 * of B rows. Weights are in the portable layout ({@code weight_ih} [4H, in], {@code weight_hh} [4H, H], gate
 * order i, f, g, o), used through BLAS transpose flags, never copied. The state starts at zero. Per step the
 * forward pass does one [B, H] x [H, 4H] matrix product and eight element-wise operations; the input projection
 * for all steps is one large product before the loop. The backward pass does one [B, 4H] x [4H, H] product and
 * eleven element-wise operations per step; the weight gradients are three large products after the loop. This is
 * the point of the class: Deeplearning4j's own {@code LSTM} layer (LSTMHelpers) runs five small products and about
 * fifty ND4J calls per step and was measured 2-3 times slower (see the package documentation).
 *
 * <p>Every array is created in the caller's workspace, if any; the pass must not outlive it.
 */
final class LstmTrainingPass {

  private final int steps;
  private final int rows;
  private final int hidden;
  private INDArray input;
  /** Activated gates [T*B, 4H]: σ(i), σ(f), tanh(g), σ(o). */
  private INDArray gates;
  /** Derivative of each gate's activation at its pre-activation, [T*B, 4H]. */
  private INDArray gateDerivatives;
  /** h for steps -1..T-1 (h_{-1} = 0), [(T+1)*B, H]. */
  private INDArray hiddenStates;
  /** c for steps -1..T-1 (c_{-1} = 0), [(T+1)*B, H]. */
  private INDArray cellStates;
  /** tanh(c_t), [T*B, H]. */
  private INDArray cellTanh;
  /** 1 - tanh(c_t)^2, [T*B, H]. */
  private INDArray cellTanhDerivative;

  LstmTrainingPass(int steps, int rows, int hidden) {
    this.steps = steps;
    this.rows = rows;
    this.hidden = hidden;
  }

  private static INDArray rowBlock(INDArray matrix, long from, long to) {
    return matrix.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  private static INDArray columns(INDArray matrix, long from, long to) {
    return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
  }

  private static void multiply(INDArray x, INDArray y, INDArray result) {
    Nd4j.exec(new MulOp(x, y, result));
  }

  /**
   * Writes the column sums of {@code matrix} [N, K] into {@code result} [K], as the product ones[1, N] x matrix:
   * ND4J's {@code sum(0)} over a row-major matrix walks it column by column and was measured about as slow as one of
   * the large weight-gradient products.
   */
  static void columnSums(INDArray matrix, INDArray result) {
    INDArray ones = Nd4j.ones(matrix.dataType(), 1, matrix.size(0));
    Nd4j.gemm(ones, matrix, result.reshape(1, matrix.size(1)), false, false, 1.0, 0.0);
  }

  private INDArray step(INDArray matrix, int t) {
    return rowBlock(matrix, (long) t * rows, (long) (t + 1) * rows);
  }

  /**
   * The forward pass.
   *
   * @param input [T*B, in], time-major
   * @param bias {@code bias_ih + bias_hh}, [4H]
   * @return h of every step, [T*B, H], time-major (a view into this pass's state)
   */
  INDArray forward(INDArray input, INDArray weightIh, INDArray weightHh, INDArray bias) {
    DataType type = input.dataType();
    long h = hidden;
    this.input = input;
    gates = Nd4j.create(type, (long) steps * rows, 4 * h);
    Nd4j.gemm(input, weightIh, gates, false, true, 1.0, 0.0);
    gates.addiRowVector(bias);
    hiddenStates = Nd4j.create(type, (long) (steps + 1) * rows, h);
    cellStates = Nd4j.create(type, (long) (steps + 1) * rows, h);
    cellTanh = Nd4j.create(type, (long) steps * rows, h);
    step(hiddenStates, 0).assign(0);
    step(cellStates, 0).assign(0);
    INDArray inputTimesCandidate = Nd4j.create(type, rows, h);
    for (int t = 0; t < steps; t++) {
      INDArray z = step(gates, t);
      INDArray previousH = step(hiddenStates, t);
      INDArray previousC = step(cellStates, t);
      INDArray nextC = step(cellStates, t + 1);
      INDArray nextH = step(hiddenStates, t + 1);
      INDArray tanhC = step(cellTanh, t);
      if (t > 0) {
        Nd4j.gemm(previousH, weightHh, z, false, true, 1.0, 1.0);
      }
      INDArray inputAndForget = columns(z, 0, 2 * h);
      INDArray candidate = columns(z, 2 * h, 3 * h);
      INDArray output = columns(z, 3 * h, 4 * h);
      Nd4j.exec(new Sigmoid(inputAndForget, inputAndForget));
      Nd4j.exec(new Tanh(candidate, candidate));
      Nd4j.exec(new Sigmoid(output, output));
      multiply(columns(z, h, 2 * h), previousC, nextC);
      multiply(columns(z, 0, h), candidate, inputTimesCandidate);
      nextC.addi(inputTimesCandidate);
      Nd4j.exec(new Tanh(nextC, tanhC));
      multiply(output, tanhC, nextH);
    }
    // Activation derivatives for the backward pass, in bulk: σ' = a(1 - a), tanh' = 1 - a².
    gateDerivatives = gates.rsub(1.0).muli(gates);
    INDArray candidates = columns(gates, 2 * h, 3 * h);
    columns(gateDerivatives, 2 * h, 3 * h).assign(candidates.mul(candidates).rsubi(1.0));
    cellTanhDerivative = cellTanh.mul(cellTanh).rsubi(1.0);
    return rowBlock(hiddenStates, rows, (long) (steps + 1) * rows);
  }

  /**
   * The backward pass, after {@link #forward}; the state of the last step gets no gradient (windows are
   * independent).
   *
   * @param outputGradient dLoss/dh for every step, [T*B, H], time-major
   * @param weightGradientIh receives dLoss/d{@code weight_ih} [4H, in] (overwritten)
   * @param weightGradientHh receives dLoss/d{@code weight_hh} [4H, H] (overwritten)
   * @param biasGradient receives dLoss/d(bias) [4H] (overwritten); it is the gradient of both portable biases
   * @return dLoss/dinput [T*B, in], time-major
   */
  INDArray backward(
      INDArray outputGradient,
      INDArray weightIh,
      INDArray weightHh,
      INDArray weightGradientIh,
      INDArray weightGradientHh,
      INDArray biasGradient) {
    DataType type = outputGradient.dataType();
    long h = hidden;
    INDArray gateGradients = Nd4j.create(type, (long) steps * rows, 4 * h);
    INDArray recurrentGradient = Nd4j.create(type, rows, h);
    INDArray cellGradientFromNext = Nd4j.create(type, rows, h);
    INDArray hiddenGradient = Nd4j.create(type, rows, h);
    INDArray cellGradient = Nd4j.create(type, rows, h);
    for (int t = steps - 1; t >= 0; t--) {
      INDArray a = step(gates, t);
      INDArray u = step(gateGradients, t);
      INDArray inputGate = columns(a, 0, h);
      INDArray forgetGate = columns(a, h, 2 * h);
      INDArray candidate = columns(a, 2 * h, 3 * h);
      INDArray outputGate = columns(a, 3 * h, 4 * h);
      INDArray tanhC = step(cellTanh, t);
      INDArray previousC = step(cellStates, t);
      if (t == steps - 1) {
        hiddenGradient.assign(step(outputGradient, t));
      } else {
        Nd4j.exec(new AddOp(step(outputGradient, t), recurrentGradient, hiddenGradient));
      }
      // dL/do, then dL/dc = dL/dh ⊙ o ⊙ tanh'(c) + dL/dc from step t+1.
      multiply(hiddenGradient, tanhC, columns(u, 3 * h, 4 * h));
      multiply(hiddenGradient, outputGate, cellGradient);
      cellGradient.muli(step(cellTanhDerivative, t));
      if (t < steps - 1) {
        cellGradient.addi(cellGradientFromNext);
      }
      multiply(cellGradient, candidate, columns(u, 0, h));
      multiply(cellGradient, previousC, columns(u, h, 2 * h));
      multiply(cellGradient, inputGate, columns(u, 2 * h, 3 * h));
      multiply(cellGradient, forgetGate, cellGradientFromNext);
      // From gradients of the activations to gradients of the pre-activations z.
      u.muli(step(gateDerivatives, t));
      if (t > 0) {
        Nd4j.gemm(u, weightHh, recurrentGradient, false, false, 1.0, 0.0);
      }
    }
    Nd4j.gemm(gateGradients, input, weightGradientIh, true, false, 1.0, 0.0);
    Nd4j.gemm(gateGradients, rowBlock(hiddenStates, 0, (long) steps * rows), weightGradientHh, true, false, 1.0, 0.0);
    columnSums(gateGradients, biasGradient);
    INDArray inputGradient = Nd4j.create(type, (long) steps * rows, input.size(1));
    Nd4j.gemm(gateGradients, weightIh, inputGradient, false, false, 1.0, 0.0);
    return inputGradient;
  }
}
