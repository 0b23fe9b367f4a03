package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Metrics metrics = Metrics.builder()
      .add("kn3.perplexity", 6.652208680613262, Metric.PERPLEXITY)
      .add("unigram.nats", 2.0239645833380980, Metric.NATS_PER_TOKEN)
      .add("tokens", 7713, Metric.COUNT)
      .build();

  @Test
  void keepsInsertionOrderAndLooksUpByName() {
    assertEquals(List.of("kn3.perplexity", "unigram.nats", "tokens"), metrics.names());
    assertEquals(3, metrics.size());
    assertEquals(6.652208680613262, metrics.value("kn3.perplexity"));
    assertEquals(new Metric("tokens", 7713, "count"), metrics.get("tokens"));
    assertTrue(metrics.contains("unigram.nats"));
    assertTrue(metrics.find("kn5.perplexity").isEmpty());
    assertEquals(metrics.asList(), List.copyOf(Metrics.of(metrics).asList()));
  }

  @Test
  void missingNameSaysWhatIsPresent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> metrics.get("kn5.perplexity"));
    assertEquals("no metric named 'kn5.perplexity'; present: [kn3.perplexity, unigram.nats, tokens]", e.getMessage());
  }

  @Test
  void duplicateNamesAreRejected() {
    Metric a = new Metric("ppl", 3, Metric.PERPLEXITY);
    Metric b = new Metric("ppl", 4, Metric.PERPLEXITY);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metrics.of(a, b));
    assertTrue(e.getMessage().contains("'ppl' added twice"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> metrics.plus(metrics));
  }

  @Test
  void plusAndPrefixKeepOrder() {
    Metrics valid = metrics.withPrefix("valid.");
    assertEquals(List.of("valid.kn3.perplexity", "valid.unigram.nats", "valid.tokens"), valid.names());
    Metrics both = metrics.plus(valid);
    assertEquals(6, both.size());
    assertEquals("valid.kn3.perplexity", both.names().get(3));
    assertEquals(metrics, Metrics.empty().plus(metrics));
    assertEquals(metrics.hashCode(), Metrics.empty().plus(metrics).hashCode());
    assertTrue(Metrics.empty().isEmpty());
    assertFalse(metrics.isEmpty());
  }

  @Test
  void tableAlignsColumns() {
    String expected = String.join("\n",
        "metric           value  unit",
        "kn3.perplexity  6.6522  perplexity",
        "unigram.nats    2.0240  nats/token",
        "tokens            7713  count",
        "");
    assertEquals(expected, metrics.toTable());
    assertEquals("[kn3.perplexity = 6.6522 perplexity, unigram.nats = 2.0240 nats/token, tokens = 7713 count]",
        metrics.toString());
  }

  @Test
  void formattedValues() {
    assertEquals("inf", new Metric("ppl", Double.POSITIVE_INFINITY, Metric.PERPLEXITY).formattedValue());
    assertEquals("1.2346e-05", new Metric("rate", 1.23456e-5, Metric.RATIO).formattedValue());
    assertEquals("-3", new Metric("delta", -3, Metric.COUNT).formattedValue());
    assertEquals("0.2500", new Metric("rate", 0.25, Metric.RATIO).formattedValue());
  }

  @Test
  void badMetricsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Metric("", 1, Metric.COUNT));
    assertThrows(IllegalArgumentException.class, () -> new Metric("two words", 1, Metric.COUNT));
    assertThrows(IllegalArgumentException.class, () -> new Metric("x", 1, " "));
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> new Metric("x", Double.NaN, Metric.RATIO));
    assertEquals("metric 'x' has value NaN", nan.getMessage());
    assertThrows(NullPointerException.class, () -> new Metric(null, 1, Metric.COUNT));
  }
}
