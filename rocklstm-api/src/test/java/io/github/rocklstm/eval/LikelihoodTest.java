package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LikelihoodTest {

  private static final double EPS = 1e-12;

  @Test
  void conversionsFromTotalNats() {
    // Four tokens, each predicted with probability 1/8: total ln-likelihood 4 ln(1/8) = -12 ln 2.
    Likelihood likelihood = new Likelihood(4 * Math.log(1.0 / 8), 4);
    assertEquals(12 * Math.log(2), likelihood.negativeLogLikelihood(), EPS);
    assertEquals(Math.log(8), likelihood.natsPerToken(), EPS); // 2.0794415416798357
    assertEquals(3.0, likelihood.bitsPerToken(), EPS); // ln 8 / ln 2
    assertEquals(8.0, likelihood.perplexity(), EPS); // exp(ln 8)
  }

  @Test
  void bitsAreNatsOverLnTwoAndPerplexityIsExpOfNats() {
    // Total -10 nats over 4 tokens: 2.5 nats/token, 2.5 / 0.6931471805599453 = 3.6067376022224087 bits/token,
    // exp(2.5) = 12.182493960703473.
    Likelihood likelihood = new Likelihood(-10.0, 4);
    assertEquals(2.5, likelihood.natsPerToken(), EPS);
    assertEquals(3.6067376022224087, likelihood.bitsPerToken(), EPS);
    assertEquals(12.182493960703473, likelihood.perplexity(), 1e-11);
    assertEquals(Math.pow(2, likelihood.bitsPerToken()), likelihood.perplexity(), 1e-11);
  }

  @Test
  void aggregationIsTokenWeighted() {
    // (-3 nats over 1 token) + (-3 nats over 3 tokens) = -6 nats over 4 tokens = 1.5 nats/token;
    // the mean of the per-part rates, (3 + 1) / 2 = 2, would be wrong.
    Likelihood sum = Likelihood.aggregate(List.of(new Likelihood(-3, 1), new Likelihood(-3, 3)));
    assertEquals(new Likelihood(-6, 4), sum);
    assertEquals(1.5, sum.natsPerToken(), EPS);
    assertEquals(Likelihood.ZERO, Likelihood.aggregate(List.of()));
    assertEquals(sum, Likelihood.ZERO.plus(new Likelihood(-3, 1)).plus(new Likelihood(-3, 3)));
  }

  @Test
  void fromNatsPerTokenMultipliesBack() {
    Likelihood likelihood = Likelihood.fromNatsPerToken(1.25, 8);
    assertEquals(-10.0, likelihood.logLikelihood(), EPS);
    assertEquals(1.25, likelihood.natsPerToken(), EPS);
  }

  @Test
  void zeroProbabilityGivesInfinitePerplexity() {
    Likelihood likelihood = new Likelihood(Double.NEGATIVE_INFINITY, 3);
    assertEquals(Double.POSITIVE_INFINITY, likelihood.perplexity());
  }

  @Test
  void metricsCarryUnits() {
    Metrics metrics = new Likelihood(-10.0, 4).toMetrics("valid.");
    assertEquals(Metric.NATS_PER_TOKEN, metrics.get("valid.nats").unit());
    assertEquals(3.6067376022224087, metrics.value("valid.bits"), EPS);
    assertEquals(Metric.PERPLEXITY, metrics.get("valid.perplexity").unit());
    assertEquals(4, metrics.value("valid.tokens"));
  }

  @Test
  void badValuesAreRejected() {
    assertEquals("log-likelihood must be at most 0 (a sum of natural-log probabilities), got 0.5",
        assertThrows(IllegalArgumentException.class, () -> new Likelihood(0.5, 2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Likelihood(Double.NaN, 2));
    assertThrows(IllegalArgumentException.class, () -> new Likelihood(-1, -1));
    assertThrows(IllegalArgumentException.class, () -> new Likelihood(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> Likelihood.fromNatsPerToken(-0.1, 3));
    IllegalStateException empty = assertThrows(IllegalStateException.class, Likelihood.ZERO::perplexity);
    assertEquals("no predicted tokens: per-token figures are undefined", empty.getMessage());
  }
}
