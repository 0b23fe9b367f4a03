package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered set of {@link Metric}s with unique names: what an {@link Evaluator} returns.
 *
 * <p>Iteration and {@link #toTable()} keep the order in which metrics were added. Look-ups by name are exact
 * ({@link #get(String)} fails with the list of available names when a name is missing).
 */
public final class Metrics implements Iterable<Metric> {

  private static final Metrics EMPTY = new Metrics(ImmutableMap.of());

  private final ImmutableMap<String, Metric> byName;

  private Metrics(ImmutableMap<String, Metric> byName) {
    this.byName = byName;
  }

  /** No metrics. */
  public static Metrics empty() {
    return EMPTY;
  }

  /** The given metrics in the given order; duplicate names are an {@link IllegalArgumentException}. */
  public static Metrics of(Metric... metrics) {
    return builder().addAll(ImmutableList.copyOf(metrics)).build();
  }

  /** The given metrics in iteration order; duplicate names are an {@link IllegalArgumentException}. */
  public static Metrics of(Iterable<Metric> metrics) {
    return builder().addAll(metrics).build();
  }

  /** A builder that collects metrics in order. */
  public static Builder builder() {
    return new Builder();
  }

  /** Number of metrics. */
  public int size() {
    return byName.size();
  }

  /** Whether there are no metrics. */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** The metrics in order. */
  public ImmutableList<Metric> asList() {
    return byName.values().asList();
  }

  /** The metric names in order. */
  public ImmutableList<String> names() {
    return byName.keySet().asList();
  }

  /** Whether a metric of this name is present. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** The metric of this name, if present. */
  public Optional<Metric> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The metric of this name.
   *
   * @throws IllegalArgumentException naming the missing metric and the names that are present
   */
  public Metric get(String name) {
    Metric metric = byName.get(name);
    if (metric == null) {
      throw new IllegalArgumentException("no metric named '" + name + "'; present: " + names());
    }
    return metric;
  }

  /** The value of the metric of this name; fails like {@link #get(String)} when it is missing. */
  public double value(String name) {
    return get(name).value();
  }

  /** These metrics followed by {@code other}'s; a name present in both is an {@link IllegalArgumentException}. */
  public Metrics plus(Metrics other) {
    Preconditions.checkNotNull(other, "other");
    return builder().addAll(this).addAll(other).build();
  }

  /** The same metrics with {@code prefix} put in front of every name, e.g. {@code withPrefix("valid.")}. */
  public Metrics withPrefix(String prefix) {
    Preconditions.checkNotNull(prefix, "prefix");
    Builder builder = builder();
    for (Metric metric : this) {
      builder.add(prefix + metric.name(), metric.value(), metric.unit());
    }
    return builder.build();
  }

  /**
   * A plain-text table with one metric per line and aligned columns, e.g.
   *
   * <pre>
   * metric                value  unit
   * unigram.perplexity  12.3456  perplexity
   * tokens                 7713  count
   * </pre>
   */
  public String toTable() {
    int nameWidth = "metric".length();
    int valueWidth = "value".length();
    for (Metric metric : this) {
      nameWidth = Math.max(nameWidth, metric.name().length());
      valueWidth = Math.max(valueWidth, metric.formattedValue().length());
    }
    StringBuilder table = new StringBuilder();
    appendRow(table, "metric", nameWidth, "value", valueWidth, "unit");
    for (Metric metric : this) {
      appendRow(table, metric.name(), nameWidth, metric.formattedValue(), valueWidth, metric.unit());
    }
    return table.toString();
  }

  private static void appendRow(StringBuilder table, String name, int nameWidth, String value, int valueWidth,
      String unit) {
    table.append(name).append(" ".repeat(nameWidth - name.length() + 2));
    table.append(" ".repeat(valueWidth - value.length())).append(value);
    table.append("  ").append(unit).append('\n');
  }

  @Override
  public Iterator<Metric> iterator() {
    return byName.values().iterator();
  }

  /** Equal when the same metrics appear in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Metrics && asList().equals(((Metrics) other).asList());
  }

  @Override
  public int hashCode() {
    return asList().hashCode();
  }

  /** The metrics as {@code [name = value unit, ...]}. */
  @Override
  public String toString() {
    return asList().toString();
  }

  /** Collects metrics in order; names must be unique. */
  public static final class Builder {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    private Builder() {}

    /** Adds one metric; a name already added is an {@link IllegalArgumentException}. */
    public Builder add(Metric metric) {
      Preconditions.checkNotNull(metric, "metric");
      Metric previous = metrics.putIfAbsent(metric.name(), metric);
      if (previous != null) {
        throw new IllegalArgumentException(
            "metric '" + metric.name() + "' added twice (" + previous + ", then " + metric + ")");
      }
      return this;
    }

    /** Adds {@code new Metric(name, value, unit)}. */
    public Builder add(String name, double value, String unit) {
      return add(new Metric(name, value, unit));
    }

    /** Adds every metric in order. */
    public Builder addAll(Iterable<Metric> more) {
      Preconditions.checkNotNull(more, "more");
      for (Metric metric : more) {
        add(metric);
      }
      return this;
    }

    /** The metrics added so far. */
    public Metrics build() {
      return metrics.isEmpty() ? EMPTY : new Metrics(ImmutableMap.copyOf(metrics));
    }
  }
}
