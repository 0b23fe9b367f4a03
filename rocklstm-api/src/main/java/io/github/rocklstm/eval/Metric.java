package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * One named measurement, e.g. {@code kn3.perplexity = 5.21 perplexity}.
 *
 * <p>Names are non-blank and contain no whitespace (dots separate parts: {@code unigram.nats}); values are finite or
 * infinite but never NaN (an infinite perplexity is a real outcome; NaN is a bug); the unit says how to read the value
 * and is one of the constants here or any other short non-blank word.
 *
 * @param name what was measured, unique within one {@link Metrics}
 * @param value the measurement
 * @param unit how to read the value, e.g. {@link #NATS_PER_TOKEN}
 */
public record Metric(String name, double value, String unit) {

  /** Mean negative log-likelihood per predicted token, natural logarithm. */
  public static final String NATS_PER_TOKEN = "nats/token";
  /** Mean negative log-likelihood per predicted token, base-2 logarithm. */
  public static final String BITS_PER_TOKEN = "bits/token";
  /** Negative log-likelihood per chord change, natural logarithm (see {@link ChordChangeLikelihood}). */
  public static final String NATS_PER_CHANGE = "nats/change";
  /** Negative log-likelihood per chord change, base-2 logarithm. */
  public static final String BITS_PER_CHANGE = "bits/change";
  /** Negative log-likelihood per piano-roll frame, natural logarithm (see {@link FrameLikelihood}). */
  public static final String NATS_PER_FRAME = "nats/frame";
  /** Negative log-likelihood per piano-roll frame, base-2 logarithm. */
  public static final String BITS_PER_FRAME = "bits/frame";
  /** {@code exp(nats/token)}: the effective number of equally likely choices per token (or change, or frame). */
  public static final String PERPLEXITY = "perplexity";
  /** A dimensionless fraction or ratio (rates, coverage, relative improvement). */
  public static final String RATIO = "ratio";
  /** A whole number of things (tokens, sequences, an n-gram order), or a mean of such numbers. */
  public static final String COUNT = "count";
  /** An information quantity in bits (base-2 logarithm), e.g. a histogram entropy. */
  public static final String BITS = "bits";
  /** An information quantity in nats (natural logarithm), e.g. a Kullback-Leibler divergence. */
  public static final String NATS = "nats";
  /** A duration in beats (see {@link io.github.rocklstm.music.Meter#beatsPerBar()}). */
  public static final String BEATS = "beats";
  /** A Euclidean distance in the space the metric's name gives, e.g. the 6-D tonal centroid space. */
  public static final String DISTANCE = "distance";

  /** Checks the three parts; see the class comment for what is accepted. */
  public Metric {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkNotNull(unit, "unit");
    Preconditions.checkArgument(!name.isBlank() && name.chars().noneMatch(Character::isWhitespace),
        "metric name must be non-blank without whitespace, got '%s'", name);
    Preconditions.checkArgument(!unit.isBlank(), "metric '%s' needs a unit (e.g. %s, %s, %s)", name, NATS_PER_TOKEN,
        PERPLEXITY, COUNT);
    Preconditions.checkArgument(!Double.isNaN(value), "metric '%s' has value NaN", name);
  }

  /** The value as text: whole numbers without decimals, everything else with four decimals. */
  public String formattedValue() {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    if (value != 0 && Math.abs(value) < 1e-3) {
      return String.format(Locale.ROOT, "%.4e", value);
    }
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** {@code name = value unit}, e.g. {@code kn3.perplexity = 5.2104 perplexity}. */
  @Override
  public String toString() {
    return name + " = " + formattedValue() + " " + unit;
  }
}
