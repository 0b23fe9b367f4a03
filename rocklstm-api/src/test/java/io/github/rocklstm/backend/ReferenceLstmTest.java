package io.github.rocklstm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rocklstm.model.FloatTensor;
import io.github.rocklstm.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceLstmTest {

  @Test
  void oneUnitLstmByHand() {
    // V = 2, E = 1, H = 1: rows of the 4H weight blocks are the gates i, f, g, o.
    ModelSpec spec = new ModelSpec(2, 1, 1, 1, 0);
    Map<String, FloatTensor> w = new LinkedHashMap<>();
    w.put("embedding.weight", FloatTensor.of(new float[] {0.5f, -1f}, 2, 1));
    w.put("lstm.0.weight_ih", FloatTensor.of(new float[] {1, 2, 3, 4}, 4, 1));
    w.put("lstm.0.weight_hh", FloatTensor.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 4, 1));
    w.put("lstm.0.bias_ih", FloatTensor.of(new float[] {0, 0, 0, 0}, 4));
    w.put("lstm.0.bias_hh", FloatTensor.of(new float[] {0.5f, 0, 0, 0}, 4));
    w.put("output.weight", FloatTensor.of(new float[] {1, -1}, 2, 1));
    w.put("output.bias", FloatTensor.of(new float[] {0, 0.25f}, 2));
    ReferenceLstm reference = new ReferenceLstm(spec, w);

    // Step 1, token 0 (x = 0.5), zero state: z = (0.5 + 0.5, 1.0, 1.5, 2.0).
    double i1 = sig(1.0);
    double f1 = sig(1.0);
    double g1 = Math.tanh(1.5);
    double o1 = sig(2.0);
    double c1 = f1 * 0 + i1 * g1;
    double h1 = o1 * Math.tanh(c1);
    // logits (h, -h + 0.25); the target is token 1.
    double p1 = (-h1 + 0.25) - Math.log(Math.exp(h1) + Math.exp(-h1 + 0.25));
    // Step 2, token 1 (x = -1): z = (-1 + 0.1 h1 + 0.5, -2 + 0.2 h1, -3 + 0.3 h1, -4 + 0.4 h1); target token 0.
    double i2 = sig(-1 + 0.1 * h1 + 0.5);
    double f2 = sig(-2 + 0.2 * h1);
    double g2 = Math.tanh(-3 + 0.3 * h1);
    double o2 = sig(-4 + 0.4 * h1);
    double c2 = f2 * c1 + i2 * g2;
    double h2 = o2 * Math.tanh(c2);
    double p2 = h2 - Math.log(Math.exp(h2) + Math.exp(-h2 + 0.25));

    double[] logProbabilities = reference.targetLogProbabilities(new int[] {0, 1, 0});
    assertEquals(p1, logProbabilities[0], 1e-6);
    assertEquals(p2, logProbabilities[1], 1e-6);
  }

  private static double sig(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
