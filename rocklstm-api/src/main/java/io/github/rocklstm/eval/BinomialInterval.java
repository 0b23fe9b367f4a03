package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * A confidence interval for the success probability of a binomial experiment ({@code successes} of {@code trials}),
 * and the exact binomial test against a given probability.
 *
 * <p>Two intervals are offered:
 * <ul>
 *   <li>{@link Method#WILSON}, the Wilson score interval (Wilson 1927): with {@code p = k / n} and {@code z} the
 *       standard normal quantile of {@code 1 - (1 - confidence) / 2},
 *       {@code (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)}. Close to the nominal coverage on average,
 *       sensible at {@code k = 0} and {@code k = n}; the recommended default for small listening tests (Brown, Cai
 *       &amp; DasGupta 2001).
 *   <li>{@link Method#CLOPPER_PEARSON}, the "exact" interval (Clopper &amp; Pearson 1934): the lower end is the
 *       {@code p} with {@code P(X >= k | p) = alpha/2} (0 when {@code k = 0}), the upper end the {@code p} with
 *       {@code P(X <= k | p) = alpha/2} (1 when {@code k = n}). Coverage at least the nominal one, so wider.
 * </ul>
 *
 * @param successes k, 0..trials
 * @param trials n, at least 1
 * @param confidence the confidence level, in (0, 1), e.g. 0.95
 * @param method how the interval was computed
 * @param lower the lower end, in [0, 1]
 * @param upper the upper end, in [lower, 1]
 */
public record BinomialInterval(int successes, int trials, double confidence, Method method, double lower,
    double upper) {

  /** How a {@link BinomialInterval} is computed (see the class comment). */
  public enum Method {
    /** The Wilson score interval. */
    WILSON,
    /** The Clopper-Pearson ("exact") interval. */
    CLOPPER_PEARSON;

    /** {@code Wilson}, {@code Clopper-Pearson}: the name for reports. */
    public String displayName() {
      return this == WILSON ? "Wilson" : "Clopper-Pearson";
    }
  }

  public BinomialInterval {
    checkCounts(successes, trials);
    checkConfidence(confidence);
    Preconditions.checkNotNull(method, "method");
    Preconditions.checkArgument(0 <= lower && lower <= upper && upper <= 1, "need 0 <= lower <= upper <= 1, got "
        + "[%s, %s]", lower, upper);
  }

  /** The interval of {@code method} for {@code successes} of {@code trials} at {@code confidence}. */
  public static BinomialInterval of(Method method, int successes, int trials, double confidence) {
    Preconditions.checkNotNull(method, "method");
    return method == Method.WILSON ? wilson(successes, trials, confidence)
        : clopperPearson(successes, trials, confidence);
  }

  /** The Wilson score interval (see the class comment). */
  public static BinomialInterval wilson(int successes, int trials, double confidence) {
    checkCounts(successes, trials);
    checkConfidence(confidence);
    double z = normalQuantile(1 - (1 - confidence) / 2);
    double n = trials;
    double p = successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
    // At k = 0 and k = n one end is exactly 0 or 1; rounding must not push it outside [0, 1].
    double lower = successes == 0 ? 0 : Math.max(0, centre - half);
    double upper = successes == trials ? 1 : Math.min(1, centre + half);
    return new BinomialInterval(successes, trials, confidence, Method.WILSON, lower, upper);
  }

  /** The Clopper-Pearson interval (see the class comment), found by bisection to 1e-12. */
  public static BinomialInterval clopperPearson(int successes, int trials, double confidence) {
    checkCounts(successes, trials);
    checkConfidence(confidence);
    double tail = (1 - confidence) / 2;
    // P(X >= k | p) grows with p; P(X <= k | p) falls with p.
    double lower = successes == 0 ? 0
        : bisect(p -> 1 - cumulative(successes - 1, trials, p) - tail);
    double upper = successes == trials ? 1
        : bisect(p -> tail - cumulative(successes, trials, p));
    return new BinomialInterval(successes, trials, confidence, Method.CLOPPER_PEARSON, lower, upper);
  }

  /**
   * The two-sided p-value of the exact binomial test of {@code successes} of {@code trials} against success
   * probability {@code probability}: the total probability, under that probability, of every outcome no more likely
   * than the observed one (the rule of R's {@code binom.test}, with a relative tolerance of 1e-7 for ties). For
   * {@code probability = 0.5} it is {@code min(1, 2 P(X <= min(k, n - k)))}.
   */
  public static double twoSidedPValue(int successes, int trials, double probability) {
    checkCounts(successes, trials);
    Preconditions.checkArgument(probability > 0 && probability < 1, "the probability under test must be in (0, 1), "
        + "got %s", probability);
    double observed = probabilityOf(successes, trials, probability);
    double limit = observed * (1 + 1e-7);
    double sum = 0;
    for (int k = 0; k <= trials; k++) {
      double pk = probabilityOf(k, trials, probability);
      if (pk <= limit) {
        sum += pk;
      }
    }
    return Math.min(1, sum);
  }

  /** The one-sided p-value {@code P(X >= successes)} under {@code probability}: evidence of more than chance. */
  public static double upperTailPValue(int successes, int trials, double probability) {
    checkCounts(successes, trials);
    Preconditions.checkArgument(probability > 0 && probability < 1, "the probability under test must be in (0, 1), "
        + "got %s", probability);
    return successes == 0 ? 1 : Math.min(1, 1 - cumulative(successes - 1, trials, probability));
  }

  /** {@code P(X = k)} for X ~ Binomial(n, p), computed through logarithms so that large n does not overflow. */
  static double probabilityOf(int k, int n, double p) {
    if (p == 0) {
      return k == 0 ? 1 : 0;
    }
    if (p == 1) {
      return k == n ? 1 : 0;
    }
    return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }

  /** {@code P(X <= k)} for X ~ Binomial(n, p). */
  static double cumulative(int k, int n, double p) {
    if (k < 0) {
      return 0;
    }
    if (k >= n) {
      return 1;
    }
    double sum = 0;
    for (int i = 0; i <= k; i++) {
      sum += probabilityOf(i, n, p);
    }
    return Math.min(1, sum);
  }

  private static double logChoose(int n, int k) {
    double sum = 0;
    int m = Math.min(k, n - k);
    for (int i = 1; i <= m; i++) {
      sum += Math.log(n - m + i) - Math.log(i);
    }
    return sum;
  }

  /** The root in (0, 1) of an increasing function that is negative at 0 and positive at 1. */
  private static double bisect(java.util.function.DoubleUnaryOperator f) {
    double low = 0;
    double high = 1;
    while (high - low > 1e-12) {
      double middle = (low + high) / 2;
      if (f.applyAsDouble(middle) < 0) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }

  /**
   * The standard normal quantile: the {@code z} with {@code Phi(z) = probability}, by Newton's method on
   * {@link #normalCdf}, accurate to about 1e-12 for probabilities in [1e-10, 1 - 1e-10].
   */
  public static double normalQuantile(double probability) {
    Preconditions.checkArgument(probability > 0 && probability < 1, "a normal quantile needs a probability in "
        + "(0, 1), got %s", probability);
    double z = 0;
    for (int iteration = 0; iteration < 100; iteration++) {
      double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
      double step = (normalCdf(z) - probability) / density;
      // Damped so that a far start (tiny density) cannot throw z out of range.
      step = Math.max(-1, Math.min(1, step));
      z -= step;
      if (Math.abs(step) < 1e-14) {
        break;
      }
    }
    return z;
  }

  /**
   * The standard normal distribution function, by Marsaglia's (2004) Taylor series
   * {@code Phi(x) = 1/2 + phi(x) (x + x³/3 + x⁵/(3·5) + ...)}, which converges for every x; |x| is capped at 9, where
   * Phi is 0 or 1 to double precision.
   */
  public static double normalCdf(double x) {
    if (x < -9) {
      return 0;
    }
    if (x > 9) {
      return 1;
    }
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int i = 3; i < 1000; i += 2) {
      term *= x2 / i;
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + sum * Math.exp(-x2 / 2) / Math.sqrt(2 * Math.PI);
  }

  private static void checkCounts(int successes, int trials) {
    Preconditions.checkArgument(trials >= 1, "a binomial interval needs at least one trial, got %s", trials);
    Preconditions.checkArgument(successes >= 0 && successes <= trials, "successes must be 0..%s, got %s", trials,
        successes);
  }

  private static void checkConfidence(double confidence) {
    Preconditions.checkArgument(confidence > 0 && confidence < 1, "the confidence level must be in (0, 1), e.g. "
        + "0.95, got %s", confidence);
  }

  /** {@code 0.7500 [0.5313, 0.8881] (Wilson 95%)}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4f [%.4f, %.4f] (%s %s%%)", successes / (double) trials, lower, upper,
        method.displayName(), formatPercent(confidence));
  }

  private static String formatPercent(double confidence) {
    double percent = confidence * 100;
    return percent == Math.rint(percent) ? String.valueOf((long) percent)
        : String.format(Locale.ROOT, "%.1f", percent);
  }
}
