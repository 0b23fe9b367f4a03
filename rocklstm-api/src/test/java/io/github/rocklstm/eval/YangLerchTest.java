package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Yang-Lerch comparisons on tiny scalar sets. Expected divergences and overlaps come from an independent SciPy
 * computation: the same Silverman bandwidths, densities integrated with {@code scipy.integrate.quad}:
 *
 * <pre>
 *   def kde(v, h): return lambda x: np.mean(np.exp(-0.5 * ((x - v) / h) ** 2)) / (h * sqrt(2 pi))
 *   oa = quad(lambda x: min(p(x), q(x)), lo, hi)      kl = quad(lambda x: p(x) * log(p(x) / q(x)), lo, hi)
 * </pre>
 */
class YangLerchTest {

  private static final YangLerch.Feature<Double> VALUE = YangLerch.Feature.scalar("value", Double::doubleValue);

  private static List<Double> values(double... values) {
    return Arrays.stream(values).boxed().collect(Collectors.toList());
  }

  private static List<double[]> points(double... values) {
    return Arrays.stream(values).mapToObj(v -> new double[] {v}).collect(Collectors.toList());
  }

  @Test
  void pairwiseDistancesByHand() {
    // {0, 1, 3}: pairs (0,1) (0,3) (1,3) -> 1, 3, 2.
    assertArrayEquals(new double[] {1, 3, 2}, YangLerch.intraSetDistances(points(0, 1, 3)));
    // Generated {2, 6} against reference {0, 1, 3}, generated major: 2-0, 2-1, 2-3, 6-0, 6-1, 6-3.
    assertArrayEquals(new double[] {2, 1, 1, 6, 5, 3}, YangLerch.interSetDistances(points(2, 6), points(0, 1, 3)));
    // Vectors: (0,0) (3,4) (6,8): 5, 10, 5 (3-4-5 triangles).
    assertArrayEquals(new double[] {5, 10, 5},
        YangLerch.intraSetDistances(List.of(new double[] {0, 0}, new double[] {3, 4}, new double[] {6, 8})));
  }

  @Test
  void identicalSetsOverlapMostly() {
    // Reference = generated = {0, 1, 2, 3}.
    // Intra {1, 2, 3, 1, 2, 1}: mean 5/3, s^2 = (3 * 4/9 + 2 * 1/9 + 16/9) / 5 = 2/3, h = sqrt(2/3) (4/18)^(1/5)
    //   = 0.604382.
    // Inter (16 pairs) 0 x4, 1 x6, 2 x4, 3 x2: mean 5/4, s^2 = (40/16 - 25/16) * 16/15 = 1,
    //   h = (4/48)^(1/5) = 0.608364.
    // Inter has the zero distances of each sample with itself, so the densities differ a little.
    // SciPy: OA 0.8206430206687051, KL 0.12056841931212176 for both sets.
    assertEquals(Math.sqrt(2.0 / 3) * Math.pow(4.0 / 18, 0.2),
        GaussianKde.silvermanBandwidth(new double[] {1, 2, 3, 1, 2, 1}), 1e-15);
    assertEquals(Math.pow(1.0 / 12, 0.2), GaussianKde.silvermanBandwidth(
        YangLerch.interSetDistances(points(0, 1, 2, 3), points(0, 1, 2, 3))), 1e-15);
    Metrics metrics = YangLerch.against(values(0, 1, 2, 3), List.of(VALUE)).evaluate(values(0, 1, 2, 3));
    assertEquals(List.of("value.kl.reference", "value.oa.reference", "value.kl.generated", "value.oa.generated"),
        metrics.names());
    assertEquals(0.12056841931212176, metrics.value("value.kl.reference"), 1e-7);
    assertEquals(0.8206430206687051, metrics.value("value.oa.reference"), 1e-7);
    assertEquals(0.12056841931212176, metrics.value("value.kl.generated"), 1e-7);
    assertEquals(0.8206430206687051, metrics.value("value.oa.generated"), 1e-7);
    assertEquals(Metric.NATS, metrics.get("value.kl.reference").unit());
    assertEquals(Metric.RATIO, metrics.get("value.oa.reference").unit());
  }

  @Test
  void aWiderGeneratedSet() {
    // Generated {0, 2, 4, 6} against {0, 1, 2, 3}. SciPy: reference OA 0.6488827088373614, KL 0.3883771135512223;
    // generated OA 0.808332058199989, KL 0.12874071750526558: the generated set's own spread resembles the
    // inter-set distances more than the reference's does.
    Metrics metrics = YangLerch.against(values(0, 1, 2, 3), List.of(VALUE)).evaluate(values(0, 2, 4, 6));
    assertEquals(0.3883771135512223, metrics.value("value.kl.reference"), 1e-7);
    assertEquals(0.6488827088373614, metrics.value("value.oa.reference"), 1e-7);
    assertEquals(0.12874071750526558, metrics.value("value.kl.generated"), 1e-7);
    assertEquals(0.808332058199989, metrics.value("value.oa.generated"), 1e-7);
  }

  @Test
  void disjointSetsDoNotOverlap() {
    Metrics metrics = YangLerch.against(values(0, 1, 2, 3), List.of(VALUE)).evaluate(values(100, 101, 102, 103));
    // Intra distances 1..3, inter 97..103, bandwidths about 0.6: OA about 2 Phi(-80), KL about 95^2 / (2 * 0.6^2).
    assertEquals(0.0, metrics.value("value.oa.reference"), 1e-12);
    assertTrue(metrics.value("value.kl.reference") > 1000, metrics.toString());
    assertEquals(0.0, metrics.value("value.oa.generated"), 1e-12);
  }

  @Test
  void scaleAndShiftDoNotMatter() {
    Metrics plain = YangLerch.against(values(0, 1, 2, 3), List.of(VALUE)).evaluate(values(0, 2, 4, 6));
    Metrics moved = YangLerch.against(values(50, 60, 70, 80), List.of(VALUE)).evaluate(values(50, 70, 90, 110));
    for (String name : plain.names()) {
      assertEquals(plain.value(name), moved.value(name), 1e-9, name);
    }
  }

  @Test
  void degenerateSpreadFallsBackToThePooledBandwidth() {
    // Reference {0, 1}, generated {0, 1}: intra {1} (one distance, no spread), inter {0, 1, 1, 0}.
    // Intra takes Silverman's bandwidth of {1, 0, 1, 1, 0}: s^2 = 0.3, h = sqrt(0.3) (4/15)^(1/5) = 0.420489;
    // inter its own: s^2 = 1/3, h = sqrt(1/3) (4/12)^(1/5) = 0.463463. SciPy: OA 0.6168628396848862,
    // KL 0.42205809112384957.
    assertEquals(Math.sqrt(0.3) * Math.pow(4.0 / 15, 0.2), GaussianKde.silvermanBandwidth(new double[] {1, 0, 1, 1, 0}),
        1e-15);
    GaussianKde.Comparison comparison = YangLerch.compareDistances(new double[] {1}, new double[] {0, 1, 1, 0});
    assertEquals(0.6168628396848862, comparison.overlapArea(), 1e-7);
    assertEquals(0.42205809112384957, comparison.klDivergence(), 1e-7);
    // Every sample equal: every distance 0, the same point mass.
    Metrics flat = YangLerch.against(values(4, 4, 4), List.of(VALUE)).evaluate(values(4, 4));
    assertEquals(1.0, flat.value("value.oa.reference"));
    assertEquals(0.0, flat.value("value.kl.reference"));
    assertEquals(1.0, flat.value("value.oa.generated"));
  }

  @Test
  void vectorFeatures() {
    // (x, 0) and (0, x) have the same pairwise distances as x alone when all lie on one axis.
    YangLerch.Feature<Double> onAxis = new YangLerch.Feature<>("axis", v -> new double[] {0, v});
    Metrics scalar = YangLerch.against(values(0, 1, 2, 3), List.of(VALUE)).evaluate(values(0, 2, 4, 6));
    Metrics vector = YangLerch.against(values(0, 1, 2, 3), List.of(onAxis)).evaluate(values(0, 2, 4, 6));
    assertEquals(scalar.value("value.kl.reference"), vector.value("axis.kl.reference"), 1e-15);
    assertEquals(scalar.value("value.oa.generated"), vector.value("axis.oa.generated"), 1e-15);
  }

  @Test
  void badArgumentsAreRejected() {
    YangLerch<Double> comparison = YangLerch.against(values(0, 1, 2), List.of(VALUE));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> comparison.evaluate(values(1, Double.NaN)));
    assertEquals("feature 'value' of generated sample 1 is NaN; features must be finite", nan.getMessage());
    IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> comparison.evaluate(values(1)));
    assertEquals("the generated set needs at least two samples (one pair), got 1", one.getMessage());
    assertThrows(IllegalArgumentException.class, () -> YangLerch.against(values(), List.of(VALUE)));
    assertThrows(IllegalArgumentException.class, () -> YangLerch.against(values(0, 1), List.of()));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> YangLerch.against(values(0, 1), List.of(VALUE, VALUE)));
    assertEquals("feature 'value' is listed twice", twice.getMessage());
    YangLerch.Feature<Double> ragged = new YangLerch.Feature<>("ragged", v -> new double[(int) (double) v]);
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> YangLerch.against(values(1, 1), List.of(ragged)).evaluate(values(1, 2)));
    assertEquals("feature 'ragged' has length 2 for generated sample 1 but 1 for reference sample 0",
        lengths.getMessage());
    assertThrows(IllegalArgumentException.class, () -> YangLerch.Feature.scalar("two words", Double::doubleValue));
    assertThrows(IllegalArgumentException.class, () -> YangLerch.compareDistances(new double[0], new double[] {1}));
  }
}
