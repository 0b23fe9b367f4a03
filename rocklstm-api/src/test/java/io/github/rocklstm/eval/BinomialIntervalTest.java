package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinomialIntervalTest {

  private static final double Z_975 = 1.959963984540054;

  @Test
  void normalQuantileAndCdfMatchTables() {
    assertEquals(Z_975, BinomialInterval.normalQuantile(0.975), 1e-12);
    assertEquals(-Z_975, BinomialInterval.normalQuantile(0.025), 1e-12);
    assertEquals(0, BinomialInterval.normalQuantile(0.5), 1e-15);
    // Phi(1) = 0.841344746068543 (printed tables).
    assertEquals(0.841344746068543, BinomialInterval.normalCdf(1), 1e-13);
    assertEquals(2.5758293035489, BinomialInterval.normalQuantile(0.995), 1e-11);
  }

  /**
   * 15 of 20, 95%: p = 0.75, z = 1.959964, z² = 3.841459, z²/n = 0.19207294.
   * Denominator 1 + 0.19207294 = 1.19207294. Centre (0.75 + 3.841459/40) / 1.19207294 = 0.84603647 / 1.19207294
   * = 0.70971861. Half width z sqrt(0.75 * 0.25 / 20 + 3.841459 / 1600) / 1.19207294
   * = 1.959964 * sqrt(0.009375 + 0.00240091) / 1.19207294 = 1.959964 * 0.10851686 / 1.19207294 = 0.17841935.
   * So [0.53129926, 0.88813797].
   */
  @Test
  void wilsonFifteenOfTwentyByHand() {
    BinomialInterval interval = BinomialInterval.wilson(15, 20, 0.95);
    assertEquals(0.531299122, interval.lower(), 1e-8);
    assertEquals(0.888138299, interval.upper(), 1e-8);
    assertEquals(BinomialInterval.Method.WILSON, interval.method());
    assertEquals("0.7500 [0.5313, 0.8881] (Wilson 95%)", interval.toString());
  }

  /** 0 of 10: lower 0; upper (z²/n) / (1 + z²/n) = 0.3841459 / 1.3841459 = 0.2775328. */
  @Test
  void wilsonAtZeroAndAtAll() {
    BinomialInterval none = BinomialInterval.wilson(0, 10, 0.95);
    assertEquals(0, none.lower());
    assertEquals(0.2775328, none.upper(), 1e-7);
    BinomialInterval all = BinomialInterval.wilson(10, 10, 0.95);
    assertEquals(1 - 0.2775328, all.lower(), 1e-7);
    assertEquals(1, all.upper());
  }

  /**
   * Clopper-Pearson 15 of 20, 95%: the Beta(15, 6) 2.5% quantile and the Beta(16, 5) 97.5% quantile, 0.5089541 and
   * 0.9134285 (the interval R's binom.test(15, 20) prints). 0 of 10: upper 1 - 0.025^(1/10) = 1 - 0.6915029
   * = 0.3084971.
   */
  @Test
  void clopperPearsonMatchesBetaQuantiles() {
    BinomialInterval interval = BinomialInterval.clopperPearson(15, 20, 0.95);
    assertEquals(0.5089541, interval.lower(), 1e-7);
    assertEquals(0.9134285, interval.upper(), 1e-7);
    BinomialInterval none = BinomialInterval.clopperPearson(0, 10, 0.95);
    assertEquals(0, none.lower());
    assertEquals(0.3084971, none.upper(), 1e-7);
    assertEquals(BinomialInterval.clopperPearson(10, 10, 0.95).lower(), 1 - none.upper(), 1e-9);
  }

  /**
   * Exact binomial test against 0.5, 15 of 20: P(X >= 15) = (C(20,15) + ... + C(20,20)) / 2^20
   * = (15504 + 4845 + 1140 + 190 + 20 + 1) / 1048576 = 21700 / 1048576 = 0.020694733; two-sided twice that,
   * 0.041389465. 10 of 10: 2 / 1024. 10 of 20: 1.
   */
  @Test
  void exactBinomialPValues() {
    assertEquals(43400 / 1048576.0, BinomialInterval.twoSidedPValue(15, 20, 0.5), 1e-12);
    assertEquals(21700 / 1048576.0, BinomialInterval.upperTailPValue(15, 20, 0.5), 1e-12);
    assertEquals(43400 / 1048576.0, BinomialInterval.twoSidedPValue(5, 20, 0.5), 1e-12);
    assertEquals(2 / 1024.0, BinomialInterval.twoSidedPValue(10, 10, 0.5), 1e-15);
    assertEquals(1, BinomialInterval.twoSidedPValue(10, 20, 0.5), 1e-12);
  }

  @Test
  void rejectsImpossibleCounts() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinomialInterval.wilson(21, 20, 0.95));
    assertEquals("successes must be 0..20, got 21", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(0, 0, 0.95));
    assertThrows(IllegalArgumentException.class, () -> BinomialInterval.clopperPearson(1, 2, 95));
  }
}
