package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.rocklstm.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result file ({@code -rf json -rff FILE}): a benchmark method with its parameters, its
 * primary score and its secondary scores (the {@code @AuxCounters} rates).
 *
 * @param benchmark the benchmark class and method without the package, e.g. {@code TrainingBenchmark.fit}
 * @param mode JMH's mode: {@code thrpt}, {@code avgt}, {@code ss} or {@code sample}
 * @param threads JMH's thread count (1 here)
 * @param params the {@code @Param} values by name
 * @param primary the primary score
 * @param secondary secondary scores by name
 */
public record JmhResult(
    String benchmark,
    String mode,
    int threads,
    ImmutableMap<String, String> params,
    Score primary,
    ImmutableMap<String, Score> secondary) {

  /**
   * A score with its 99.9% confidence half-width ({@code NaN} when JMH had too few iterations for one).
   *
   * @param value the mean
   * @param error the half-width of JMH's confidence interval, or NaN
   * @param unit e.g. {@code ops/s} or {@code ms/op}
   */
  public record Score(double value, double error, String unit) {}

  /** Checks the fields. */
  public JmhResult {
    Preconditions.checkNotNull(benchmark, "benchmark");
    Preconditions.checkNotNull(params, "params");
    Preconditions.checkNotNull(primary, "primary");
    Preconditions.checkNotNull(secondary, "secondary");
  }

  /** The class name of the benchmark, e.g. {@code TrainingBenchmark}. */
  public String benchmarkClass() {
    int dot = benchmark.lastIndexOf('.');
    return dot < 0 ? benchmark : benchmark.substring(0, dot);
  }

  /** The parameter {@code name}, or {@code fallback} when the benchmark has none of that name. */
  public String param(String name, String fallback) {
    return params.getOrDefault(name, fallback);
  }

  /**
   * Parses a JMH JSON result file's text: an array of results.
   *
   * @throws io.github.rocklstm.json.JsonException if the text is not JSON or an entry lacks a field JMH writes
   */
  @SuppressWarnings("unchecked")
  public static List<JmhResult> parse(String json) {
    Object document = Json.parse(json);
    Preconditions.checkArgument(document instanceof List,
        "a JMH JSON result file holds an array of results; this one starts with something else");
    ImmutableList.Builder<JmhResult> results = ImmutableList.builder();
    for (Object entry : (List<Object>) document) {
      Map<String, Object> object = (Map<String, Object>) entry;
      String name = Json.get(object, "benchmark", String.class);
      String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      Map<String, String> params = new LinkedHashMap<>();
      Object rawParams = object.get("params");
      if (rawParams instanceof Map) {
        ((Map<String, Object>) rawParams).forEach((key, value) -> params.put(key, String.valueOf(value)));
      }
      Map<String, Score> secondary = new LinkedHashMap<>();
      Object rawSecondary = object.get("secondaryMetrics");
      if (rawSecondary instanceof Map) {
        ((Map<String, Object>) rawSecondary).forEach(
            (key, value) -> secondary.put(key, score((Map<String, Object>) value)));
      }
      results.add(new JmhResult(shortName, Json.get(object, "mode", String.class),
          Json.get(object, "threads", Integer.class), ImmutableMap.copyOf(params),
          score(Json.getObject(object, "primaryMetric")), ImmutableMap.copyOf(secondary)));
    }
    return results.build();
  }

  private static Score score(Map<String, Object> metric) {
    return new Score(number(metric.get("score")), number(metric.get("scoreError")),
        String.valueOf(metric.get("scoreUnit")));
  }

  /** JMH writes NaN as the string "NaN". */
  private static double number(Object value) {
    if (value instanceof Number) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof String) {
      try {
        return Double.parseDouble((String) value);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }
}
