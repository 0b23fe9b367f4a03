package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The hand-written training pass against libnd4j's fused {@code lstmLayer} and {@code lstmLayer_bp} operations
 * (whose gradients were checked against finite differences when the backend was written), in double precision:
 * same outputs, same gradients, and a finite-difference check of the pass itself.
 */
class LstmTrainingPassTest {

  private static final int T = 5;
  private static final int B = 3;
  private static final int IN = 4;
  private static final int H = 6;
  private static final DataType D = DataType.DOUBLE;

  private final INDArray x;
  private final INDArray weightIh;
  private final INDArray weightHh;
  private final INDArray biasIh;
  private final INDArray biasHh;
  private final INDArray outputWeights;

  LstmTrainingPassTest() {
    java.util.Random random = new java.util.Random(3);
    x = gaussian(random, 1.0, T * B, IN);
    weightIh = gaussian(random, 0.5, 4 * H, IN);
    weightHh = gaussian(random, 0.5, 4 * H, H);
    biasIh = gaussian(random, 0.5, 4 * H);
    biasHh = gaussian(random, 0.5, 4 * H);
    outputWeights = gaussian(random, 1.0, T * B, H);
  }

  private static INDArray gaussian(java.util.Random random, double scale, long... shape) {
    double[] values = new double[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = scale * random.nextGaussian();
    }
    return Nd4j.create(values, shape, 'c');
  }

  private INDArray bias() {
    return biasIh.add(biasHh);
  }

  /** The loss of the checks: sum(h ⊙ outputWeights). */
  private double loss(INDArray h) {
    return h.mul(outputWeights).sumNumber().doubleValue();
  }

  @Test
  void forwardAndBackwardEqualTheFusedNativeOperations() {
    LstmTrainingPass pass = new LstmTrainingPass(T, B, H);
    INDArray h = pass.forward(x, weightIh, weightHh, bias());
    INDArray dWih = Nd4j.create(D, 4 * H, IN);
    INDArray dWhh = Nd4j.create(D, 4 * H, H);
    INDArray dB = Nd4j.create(D, 4 * H);
    INDArray dx = pass.backward(outputWeights, weightIh, weightHh, dWih, dWhh, dB);

    INDArray x3 = x.reshape('c', T, B, IN);
    INDArray nativeH = Nd4j.create(D, T, B, H);
    Nd4j.exec(DynamicCustomOp.builder("lstmLayer").addInputs(x3, weightIh.transpose(), weightHh.transpose(), bias())
        .addOutputs(nativeH).addIntegerArguments(0, 0, 2, 0, 0)
        .addBooleanArguments(true, false, false, false, false, true, false, false).addFloatingPointArguments(0.0)
        .build());
    assertEquals(0, h.reshape('c', T, B, H).sub(nativeH).amaxNumber().doubleValue(), 1e-12);

    INDArray nativeDx = Nd4j.create(D, T, B, IN);
    INDArray nativeDwx = Nd4j.create(D, IN, 4 * H);
    INDArray nativeDwr = Nd4j.create(D, H, 4 * H);
    INDArray nativeDb = Nd4j.create(D, 4 * H);
    Nd4j.exec(DynamicCustomOp.builder("lstmLayer_bp")
        .addInputs(x3, weightIh.transpose(), weightHh.transpose(), bias(), outputWeights.reshape('c', T, B, H))
        .addOutputs(nativeDx, nativeDwx, nativeDwr, nativeDb).addIntegerArguments(0, 0, 2, 0, 0)
        .addBooleanArguments(true, false, false, false, false, true, false, false).addFloatingPointArguments(0.0)
        .build());
    assertEquals(0, dx.reshape('c', T, B, IN).sub(nativeDx).amaxNumber().doubleValue(), 1e-12);
    assertEquals(0, dWih.sub(nativeDwx.transpose()).amaxNumber().doubleValue(), 1e-12);
    assertEquals(0, dWhh.sub(nativeDwr.transpose()).amaxNumber().doubleValue(), 1e-12);
    assertEquals(0, dB.sub(nativeDb).amaxNumber().doubleValue(), 1e-12);
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    LstmTrainingPass pass = new LstmTrainingPass(T, B, H);
    pass.forward(x, weightIh, weightHh, bias());
    INDArray dWih = Nd4j.create(D, 4 * H, IN);
    INDArray dWhh = Nd4j.create(D, 4 * H, H);
    INDArray dB = Nd4j.create(D, 4 * H);
    INDArray dx = pass.backward(outputWeights, weightIh, weightHh, dWih, dWhh, dB);
    assertFiniteDifferences(x, dx);
    assertFiniteDifferences(weightIh, dWih);
    assertFiniteDifferences(weightHh, dWhh);
    assertFiniteDifferences(biasIh, dB);
    assertFiniteDifferences(biasHh, dB);
  }

  private void assertFiniteDifferences(INDArray parameter, INDArray analytic) {
    INDArray flat = parameter.reshape(parameter.length());
    INDArray gradient = analytic.reshape(analytic.length());
    double epsilon = 1e-6;
    for (int i = 0; i < flat.length(); i += 3) {
      double value = flat.getDouble(i);
      flat.putScalar(i, value + epsilon);
      double plus = loss(new LstmTrainingPass(T, B, H).forward(x, weightIh, weightHh, bias()));
      flat.putScalar(i, value - epsilon);
      double minus = loss(new LstmTrainingPass(T, B, H).forward(x, weightIh, weightHh, bias()));
      flat.putScalar(i, value);
      assertEquals((plus - minus) / (2 * epsilon), gradient.getDouble(i), 1e-6, "element " + i);
    }
  }
}
