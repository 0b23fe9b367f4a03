package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterLayoutTest {

  private final ModelSpec spec = new ModelSpec(10, 4, 2, 3, 0.1);

  @Test
  void namesAndShapesFollowPyTorch() {
    Map<String, List<Integer>> shapes = ParameterLayout.shapes(spec);
    assertEquals(
        List.of(
            "embedding.weight",
            "lstm.0.weight_ih", "lstm.0.weight_hh", "lstm.0.bias_ih", "lstm.0.bias_hh",
            "lstm.1.weight_ih", "lstm.1.weight_hh", "lstm.1.bias_ih", "lstm.1.bias_hh",
            "output.weight", "output.bias"),
        List.copyOf(shapes.keySet()));
    assertEquals(List.of(10, 4), shapes.get("embedding.weight"));
    assertEquals(List.of(12, 4), shapes.get("lstm.0.weight_ih"));
    assertEquals(List.of(12, 3), shapes.get("lstm.1.weight_ih"));
    assertEquals(List.of(12, 3), shapes.get("lstm.1.weight_hh"));
    assertEquals(List.of(12), shapes.get("lstm.1.bias_hh"));
    assertEquals(List.of(10, 3), shapes.get("output.weight"));
    assertEquals(List.of(10), shapes.get("output.bias"));
    long total = 0;
    for (List<Integer> shape : shapes.values()) {
      total += shape.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
    }
    assertEquals(spec.parameterCount(), total);
  }

  @Test
  void initialisationIsSeededAndBounded() {
    Map<String, FloatTensor> a = ParameterLayout.initialize(spec, 5);
    assertEquals(a, ParameterLayout.initialize(spec, 5));
    assertNotEquals(a, ParameterLayout.initialize(spec, 6));
    ParameterLayout.check(spec, a, "fresh");
    double bound = 1 / Math.sqrt(3);
    FloatTensor weights = a.get("lstm.1.weight_hh");
    for (int i = 0; i < weights.size(); i++) {
      assertTrue(Math.abs(weights.get(i)) <= bound);
    }
    // The embedding is N(0, 1): some values lie beyond the LSTM bound.
    FloatTensor embedding = a.get("embedding.weight");
    boolean beyond = false;
    for (int i = 0; i < embedding.size(); i++) {
      beyond |= Math.abs(embedding.get(i)) > bound;
    }
    assertTrue(beyond);
  }

  @Test
  void checkNamesMissingMisshapenUnexpectedAndNonFiniteTensors() {
    Map<String, FloatTensor> weights = new LinkedHashMap<>(ParameterLayout.initialize(spec, 1));
    weights.remove("lstm.1.bias_ih");
    assertContains(weights, "lacks tensor 'lstm.1.bias_ih'");
    weights = new LinkedHashMap<>(ParameterLayout.initialize(spec, 1));
    weights.put("output.bias", FloatTensor.zeros(11));
    assertContains(weights, "'output.bias' has shape [11]");
    weights = new LinkedHashMap<>(ParameterLayout.initialize(spec, 1));
    weights.put("extra", FloatTensor.zeros(1));
    assertContains(weights, "unexpected tensor 'extra'");
    weights = new LinkedHashMap<>(ParameterLayout.initialize(spec, 1));
    float[] values = new float[10];
    values[7] = Float.NaN;
    weights.put("output.bias", FloatTensor.of(values, 10));
    assertContains(weights, "NaN at flat index 7");
  }

  private void assertContains(Map<String, FloatTensor> weights, String text) {
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ParameterLayout.check(spec, weights, "test weights"));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
