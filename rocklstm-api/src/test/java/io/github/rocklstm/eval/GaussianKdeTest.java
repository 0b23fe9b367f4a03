package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianKdeTest {

  private static final double PHI_0 = 1 / Math.sqrt(2 * Math.PI);

  /** The standard normal distribution function, from the error function's relation to it (erfc by series). */
  private static double normalCdf(double x) {
    // Phi(x) = 1/2 + phi(x) * (x + x^3/3 + x^5/(3*5) + x^7/(3*5*7) + ...), converges for every x.
    double term = x;
    double sum = x;
    for (int k = 1; k < 200; k++) {
      term *= x * x / (2 * k + 1);
      sum += term;
    }
    return 0.5 + PHI_0 * Math.exp(-x * x / 2) * sum;
  }

  @Test
  void silvermanBandwidthByHand() {
    // {1, 2, 3}: mean 2, s^2 = (1 + 0 + 1) / 2 = 1, h = 1 * (4 / 9)^(1/5) = 0.850283 (SciPy's silverman factor).
    assertEquals(Math.pow(4.0 / 9, 0.2), GaussianKde.silvermanBandwidth(new double[] {1, 2, 3}), 1e-15);
    assertEquals(0.8502830004171938, GaussianKde.silverman(new double[] {3, 1, 2}).bandwidth(), 1e-15);
    // {0, 2}: s = sqrt 2, h = sqrt 2 * (4 / 6)^(1/5) = 1.304058.
    assertEquals(Math.sqrt(2) * Math.pow(2.0 / 3, 0.2), GaussianKde.silvermanBandwidth(new double[] {0, 2}), 1e-15);
    assertEquals(0.0, GaussianKde.silvermanBandwidth(new double[] {5, 5, 5}));
  }

  @Test
  void densityByHand() {
    GaussianKde kde = GaussianKde.withBandwidth(new double[] {2, 0}, 1);
    // Midway: (phi(1) + phi(1)) / 2 = exp(-1/2) / sqrt(2 pi) = 0.241971.
    assertEquals(Math.exp(-0.5) * PHI_0, kde.density(1), 1e-15);
    // On a value: (phi(0) + phi(2)) / 2 = (1 + exp(-2)) / (2 sqrt(2 pi)) = 0.226467.
    assertEquals((1 + Math.exp(-2)) * PHI_0 / 2, kde.density(0), 1e-15);
    // Far away the log density stays exact: ln((phi(998) + phi(1000)) / 2) = -998^2/2 + ln(1 + e^-1996) - ln 2 - ...
    assertEquals(-998.0 * 998 / 2 - Math.log(2) + Math.log(PHI_0), kde.logDensity(1000), 1e-9);
    assertEquals(0.0, kde.density(1000));
    assertArrayEquals(new double[] {0, 2}, kde.values());
    // SciPy: gaussian_kde([1, 2, 3], bw_method="silverman")(2.5) = 0.29612273776973974.
    assertEquals(0.29612273776973974, GaussianKde.silverman(new double[] {1, 2, 3}).density(2.5), 1e-14);
  }

  @Test
  void distributionFunction() {
    // Standard normal values (SciPy norm.cdf): Phi(-1) = 0.15865525393145707, Phi(1.96) = 0.9750021048517795,
    // Phi(-8) = 6.22096057427174e-16.
    GaussianKde standard = GaussianKde.withBandwidth(new double[] {0}, 1);
    assertEquals(0.5, standard.cumulativeProbability(0));
    assertEquals(0.15865525393145707, standard.cumulativeProbability(-1), 1e-15);
    assertEquals(0.9750021048517795, standard.cumulativeProbability(1.96), 1e-15);
    assertEquals(6.22096057427174e-16, standard.cumulativeProbability(-8), 1e-15);
    assertEquals(1.0, standard.cumulativeProbability(9));
    // Mixture of {0, 2} with h = 2: (Phi(1/2) + Phi(-1/2)) / 2 = 1/2 at x = 1.
    assertEquals(0.5, GaussianKde.withBandwidth(new double[] {0, 2}, 2).cumulativeProbability(1), 1e-16);
  }

  @Test
  void shiftedUnitGaussians() {
    // One value each, bandwidth 1: N(0, 1) and N(d, 1). OA = 2 Phi(-d/2), KL = d^2 / 2.
    GaussianKde zero = GaussianKde.withBandwidth(new double[] {0}, 1);
    for (double d : new double[] {1, 2}) {
      GaussianKde shifted = GaussianKde.withBandwidth(new double[] {d}, 1);
      GaussianKde.Comparison comparison = GaussianKde.compare(zero, shifted);
      assertEquals(2 * normalCdf(-d / 2), comparison.overlapArea(), 1e-12);
      assertEquals(d * d / 2, comparison.klDivergence(), 1e-9);
    }
    // d = 1: OA 0.617075, d = 2: OA 0.317311 (2 Phi(-1)).
    assertEquals(0.6170750774519738, GaussianKde.overlapArea(zero, GaussianKde.withBandwidth(new double[] {1}, 1)),
        1e-12);
    assertEquals(0.31731050786291415, GaussianKde.overlapArea(zero, GaussianKde.withBandwidth(new double[] {2}, 1)),
        1e-12);
  }

  @Test
  void gaussiansOfDifferentWidth() {
    // p = N(0, 1), q = N(0, 2^2). KL(p || q) = ln(2/1) + (1 + 0) / (2 * 4) - 1/2 = 0.318147;
    // KL(q || p) = ln(1/2) + 4 / 2 - 1/2 = 0.806853.
    // The densities cross where exp(-x^2/2) = exp(-x^2/8) / 2: x* = sqrt(8 ln 2 / 3) = 1.359556; inside q is lower,
    // outside p: OA = (2 Phi(x*/2) - 1) + 2 (1 - Phi(x*)) = 0.677325.
    GaussianKde p = GaussianKde.withBandwidth(new double[] {0}, 1);
    GaussianKde q = GaussianKde.withBandwidth(new double[] {0}, 2);
    assertEquals(Math.log(2) + 1.0 / 8 - 0.5, GaussianKde.klDivergence(p, q), 1e-9);
    assertEquals(Math.log(0.5) + 2 - 0.5, GaussianKde.klDivergence(q, p), 1e-9);
    double crossing = Math.sqrt(8 * Math.log(2) / 3);
    double overlap = 2 * normalCdf(crossing / 2) - 1 + 2 * (1 - normalCdf(crossing));
    assertEquals(0.6773254311652315, overlap, 1e-12);
    assertEquals(overlap, GaussianKde.overlapArea(p, q), 1e-12);
    assertEquals(overlap, GaussianKde.overlapArea(q, p), 1e-12);
  }

  @Test
  void identicalAndFarApartEstimates() {
    GaussianKde kde = GaussianKde.silverman(new double[] {0.3, 1.2, 1.9, 4.4, 4.5});
    GaussianKde.Comparison self = GaussianKde.compare(kde, kde);
    assertEquals(1.0, self.overlapArea(), 1e-12);
    assertEquals(0.0, self.klDivergence(), 1e-12);
    // N(0, 1) against N(100, 1): no overlap, KL = 100^2 / 2 = 5000 nats, finite because densities are summed in
    // log space.
    GaussianKde far = GaussianKde.withBandwidth(new double[] {100}, 1);
    GaussianKde near = GaussianKde.withBandwidth(new double[] {0}, 1);
    assertEquals(0.0, GaussianKde.overlapArea(near, far), 1e-12);
    assertEquals(5000, GaussianKde.klDivergence(near, far), 1e-6);
  }

  @Test
  void badValuesAreRejected() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> GaussianKde.silverman(new double[] {1, Double.NaN}));
    assertEquals("value 1 is NaN; density estimates need finite values", nan.getMessage());
    IllegalArgumentException flat = assertThrows(IllegalArgumentException.class,
        () -> GaussianKde.silverman(new double[] {2, 2}));
    assertEquals("all 2 values equal 2.0: Silverman's bandwidth is 0, a density needs spread", flat.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GaussianKde.silverman(new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> GaussianKde.withBandwidth(new double[] {}, 1));
    assertThrows(IllegalArgumentException.class, () -> GaussianKde.withBandwidth(new double[] {1}, 0));
    assertThrows(IllegalArgumentException.class,
        () -> GaussianKde.withBandwidth(new double[] {1}, Double.POSITIVE_INFINITY));
  }
}
