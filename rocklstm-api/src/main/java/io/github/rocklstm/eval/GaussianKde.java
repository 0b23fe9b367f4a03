package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * A one-dimensional Gaussian kernel density estimate, and the overlapping area and Kullback-Leibler divergence of two
 * of them, as {@link YangLerch} uses them.
 *
 * <pre>
 *   p(x) = (1 / n) * sum over values v of phi((x - v) / h) / h,    phi(z) = exp(-z^2 / 2) / sqrt(2 pi)
 * </pre>
 *
 * <h2>Bandwidth</h2>
 *
 * {@link #silverman(double[])} uses Silverman's rule of thumb for a normal reference (Silverman 1986, "Density
 * estimation for statistics and data analysis", eq. 3.28): {@code h = s * (4 / (3 n))^(1/5) = 1.06 s n^(-1/5)} with
 * {@code s} the sample standard deviation (divisor {@code n - 1}). This is SciPy's {@code
 * gaussian_kde(values, bw_method="silverman")} in one dimension.
 *
 * <h2>Integrals</h2>
 *
 * Both are computed on one grid of equally spaced points from the smallest value of either estimate minus 8
 * bandwidths to the largest plus 8 (beyond that a kernel holds less than 1e-15 of its mass), with a step of a fifth of
 * the smaller bandwidth, or coarser where that would take more than {@value #MAX_GRID_POINTS} points (values spread
 * over more than about 3,000 bandwidths, e.g. a far outlier).
 *
 * <ul>
 *   <li>{@link #overlapArea}: the grid only locates the points where {@code p - q} changes sign (each refined by
 *       regula falsi to 1e-10 of a step); between them the area under the lower density is exact, from the
 *       mixtures' distribution functions ({@link #cumulativeProbability(double)}). So an estimate compared with itself
 *       gives exactly 1, and the only approximation is a pair of crossings closer together than one grid step.
 *   <li>{@link #klDivergence}: the trapezoid rule on the grid, both densities renormalised to integrate to exactly 1
 *       there (so an estimate compared with itself gives 0). The integrand is smooth on the scale of the bandwidths
 *       and decays like a Gaussian, where the trapezoid rule converges faster than any power of the step: the error
 *       on the test cases is below 1e-9. Log-densities are summed in log space, so the divergence of two estimates far
 *       apart is large but finite rather than infinite.
 * </ul>
 *
 * A grid point costs one kernel evaluation per value near it (see {@link #logDensity(double)}): comparing estimates
 * of {@code n} and {@code m} values costs at most {@code (n + m)} times the number of grid points, usually a fraction
 * of that.
 */
public final class GaussianKde {

  /** The most grid points an integral uses. */
  public static final int MAX_GRID_POINTS = 1 << 14;

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double TAIL_BANDWIDTHS = 8;
  private static final double STEPS_PER_BANDWIDTH = 5;
  private static final double WINDOW_BANDWIDTHS = 9;
  private static final double CDF_LIMIT = 8.5;

  private final double[] values;
  private final double bandwidth;

  private GaussianKde(double[] values, double bandwidth) {
    this.values = values;
    this.bandwidth = bandwidth;
  }

  /**
   * An estimate with Silverman's bandwidth.
   *
   * @throws IllegalArgumentException for fewer than two values, a value that is NaN or infinite, or values that are
   *     all equal (the bandwidth would be 0)
   */
  public static GaussianKde silverman(double[] values) {
    double bandwidth = silvermanBandwidth(values);
    if (bandwidth == 0) {
      throw new IllegalArgumentException("all " + values.length + " values equal " + values[0]
          + ": Silverman's bandwidth is 0, a density needs spread");
    }
    return new GaussianKde(sorted(values), bandwidth);
  }

  /**
   * An estimate with a given bandwidth.
   *
   * @throws IllegalArgumentException for no values, a value that is NaN or infinite, or a bandwidth that is not
   *     finite and positive
   */
  public static GaussianKde withBandwidth(double[] values, double bandwidth) {
    checkValues(values, 1);
    Preconditions.checkArgument(bandwidth > 0 && Double.isFinite(bandwidth),
        "a kernel bandwidth must be finite and greater than 0, got %s", bandwidth);
    return new GaussianKde(sorted(values), bandwidth);
  }

  /**
   * Silverman's rule of thumb {@code s * (4 / (3 n))^(1/5)}, 0 when all values are equal.
   *
   * @throws IllegalArgumentException for fewer than two values or a value that is NaN or infinite
   */
  public static double silvermanBandwidth(double[] values) {
    checkValues(values, 2);
    int n = values.length;
    double mean = 0;
    for (double value : values) {
      mean += value;
    }
    mean /= n;
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    double deviation = Math.sqrt(squares / (n - 1));
    return deviation * Math.pow(4.0 / (3.0 * n), 0.2);
  }

  /** The kernel bandwidth (the standard deviation of each Gaussian kernel). */
  public double bandwidth() {
    return bandwidth;
  }

  /** The values the estimate is built on, in ascending order. */
  public double[] values() {
    return values.clone();
  }

  /** The estimated density at {@code x}. */
  public double density(double x) {
    return Math.exp(logDensity(x));
  }

  /**
   * The natural logarithm of the density at {@code x}, computed in log space (finite however far {@code x} is). Only
   * the kernels within {@code d + 9h} of {@code x} are summed, {@code d} being the distance to the nearest value: each
   * kernel left out is below {@code exp(-40.5) < 3e-18} times the largest term.
   */
  public double logDensity(double x) {
    int nearest = Arrays.binarySearch(values, x);
    if (nearest < 0) {
      int insertion = -nearest - 1;
      nearest = insertion == values.length
          || (insertion > 0 && x - values[insertion - 1] <= values[insertion] - x) ? insertion - 1 : insertion;
    }
    double closest = Math.abs(x - values[nearest]) / bandwidth;
    double reach = (closest + WINDOW_BANDWIDTHS) * bandwidth;
    double sum = 0;
    for (int i = nearest; i >= 0 && x - values[i] <= reach; i--) {
      double z = (x - values[i]) / bandwidth;
      sum += Math.exp(-0.5 * (z * z - closest * closest));
    }
    for (int i = nearest + 1; i < values.length && values[i] - x <= reach; i++) {
      double z = (x - values[i]) / bandwidth;
      sum += Math.exp(-0.5 * (z * z - closest * closest));
    }
    return -0.5 * closest * closest + Math.log(sum) - Math.log(values.length) - Math.log(bandwidth) - LOG_SQRT_2PI;
  }

  /**
   * The overlapping area {@code integral of min(p(x), q(x)) dx}: 1 for equal densities, near 0 for densities far
   * apart. Computed as in the class comment.
   */
  public static double overlapArea(GaussianKde p, GaussianKde q) {
    return compare(p, q).overlapArea();
  }

  /**
   * The Kullback-Leibler divergence {@code KL(p || q) = integral of p(x) ln(p(x) / q(x)) dx} in nats: 0 for equal
   * densities, growing as {@code q} misses where {@code p} has mass. Computed as in the class comment.
   */
  public static double klDivergence(GaussianKde p, GaussianKde q) {
    return compare(p, q).klDivergence();
  }

  /**
   * The overlapping area of two densities and the divergence of the second from the first.
   *
   * @param overlapArea {@code integral of min(p, q)}, in [0, 1]
   * @param klDivergence {@code KL(p || q)} in nats, at least 0
   */
  public record Comparison(double overlapArea, double klDivergence) {}

  /** {@link #overlapArea} and {@link #klDivergence} of {@code p} and {@code q}, computed on one grid. */
  public static Comparison compare(GaussianKde p, GaussianKde q) {
    Preconditions.checkNotNull(p, "p");
    Preconditions.checkNotNull(q, "q");
    double[][] grid = logDensitiesOnGrid(p, q);
    double[] xs = grid[0];
    double[] weights = grid[1];
    double[] logP = grid[2];
    double[] logQ = grid[3];
    double normP = logNormaliser(weights, logP);
    double normQ = logNormaliser(weights, logQ);
    double divergence = 0;
    for (int i = 0; i < xs.length; i++) {
      double logPOfX = logP[i] - normP;
      double pOfX = Math.exp(logPOfX);
      if (pOfX > 0) {
        divergence += weights[i] * pOfX * (logPOfX - (logQ[i] - normQ));
      }
    }
    // Overlap: integrate the lower density exactly between the crossings of p and q.
    double area = 0;
    double from = Double.NEGATIVE_INFINITY;
    boolean pLower = logP[0] <= logQ[0];
    for (int i = 1; i < xs.length; i++) {
      boolean lower = logP[i] <= logQ[i];
      if (lower != pLower) {
        double crossing = crossing(p, q, xs[i - 1], xs[i], logP[i - 1] - logQ[i - 1], logP[i] - logQ[i]);
        area += mass(pLower ? p : q, from, crossing);
        from = crossing;
        pLower = lower;
      }
    }
    area += mass(pLower ? p : q, from, Double.POSITIVE_INFINITY);
    return new Comparison(Math.max(0.0, Math.min(1.0, area)), Math.max(0.0, divergence));
  }

  /**
   * The estimate's distribution function {@code P(X <= x)}: the mean of the kernels' normal distribution functions.
   * Each is computed with Marsaglia's series (2004, "Evaluating the normal distribution", Journal of Statistical
   * Software 11(4)), {@code Phi(z) = 1/2 + phi(z) (z + z^3/3 + z^5/(3*5) + ...)}, to an absolute error of about 1e-15,
   * and is 0 or 1 beyond 8.5 bandwidths (where the true value is within 1e-17 of that).
   */
  public double cumulativeProbability(double x) {
    if (x == Double.NEGATIVE_INFINITY) {
      return 0.0;
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    double sum = 0;
    for (double value : values) {
      sum += normalCdf((x - value) / bandwidth);
    }
    return sum / values.length;
  }

  private static double normalCdf(double z) {
    if (z <= -CDF_LIMIT) {
      return 0.0;
    }
    if (z >= CDF_LIMIT) {
      return 1.0;
    }
    double square = z * z;
    double term = z;
    double sum = z;
    for (int k = 1; k < 1000; k++) {
      term *= square / (2 * k + 1);
      double next = sum + term;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return 0.5 + sum * Math.exp(-0.5 * square - LOG_SQRT_2PI);
  }

  private static double mass(GaussianKde kde, double from, double to) {
    return kde.cumulativeProbability(to) - kde.cumulativeProbability(from);
  }

  /**
   * Where {@code f = ln p - ln q} is 0 between {@code a} and {@code b}, given {@code f(a)} and {@code f(b)} of
   * opposite signs: regula falsi with the Illinois modification (Dowell &amp; Jarratt 1971), which keeps the root
   * bracketed and converges superlinearly; stops when the bracket is below 1e-10 of its first width.
   */
  private static double crossing(GaussianKde p, GaussianKde q, double a, double b, double fa, double fb) {
    double tolerance = 1e-10 * (b - a);
    double c = 0.5 * (a + b);
    int side = 0;
    for (int iteration = 0; iteration < 100 && b - a > tolerance; iteration++) {
      c = (fa * b - fb * a) / (fa - fb);
      if (!(c > a && c < b)) {
        c = 0.5 * (a + b);
      }
      double fc = p.logDensity(c) - q.logDensity(c);
      if (fc == 0) {
        return c;
      }
      if ((fc > 0) == (fb > 0)) {
        b = c;
        fb = fc;
        if (side == -1) {
          fa *= 0.5;
        }
        side = -1;
      } else {
        a = c;
        fa = fc;
        if (side == 1) {
          fb *= 0.5;
        }
        side = 1;
      }
    }
    return c;
  }

  /** {@code {grid points, trapezoid weights, ln p at the points, ln q at the points}}. */
  private static double[][] logDensitiesOnGrid(GaussianKde p, GaussianKde q) {
    double wide = Math.max(p.bandwidth, q.bandwidth);
    double narrow = Math.min(p.bandwidth, q.bandwidth);
    double lo = Math.min(p.values[0], q.values[0]) - TAIL_BANDWIDTHS * wide;
    double hi = Math.max(p.values[p.values.length - 1], q.values[q.values.length - 1]) + TAIL_BANDWIDTHS * wide;
    long wanted = (long) Math.ceil((hi - lo) / (narrow / STEPS_PER_BANDWIDTH)) + 1;
    int points = (int) Math.min(MAX_GRID_POINTS, Math.max(2, wanted));
    double step = (hi - lo) / (points - 1);
    double[] xs = new double[points];
    double[] weights = new double[points];
    double[] logP = new double[points];
    double[] logQ = new double[points];
    for (int i = 0; i < points; i++) {
      xs[i] = lo + i * step;
      weights[i] = i == 0 || i == points - 1 ? step / 2 : step;
      logP[i] = p.logDensity(xs[i]);
      logQ[i] = q.logDensity(xs[i]);
    }
    return new double[][] {xs, weights, logP, logQ};
  }

  /** {@code ln(sum of w_i exp(logDensity_i))}: the log of the density's integral on the grid. */
  private static double logNormaliser(double[] weights, double[] logDensity) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : logDensity) {
      max = Math.max(max, value);
    }
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * Math.exp(logDensity[i] - max);
    }
    return max + Math.log(sum);
  }

  private static void checkValues(double[] values, int minimum) {
    Preconditions.checkNotNull(values, "values");
    Preconditions.checkArgument(values.length >= minimum, "a density estimate needs at least %s values, got %s",
        minimum, values.length);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "value " + i + " is " + values[i] + "; density estimates need finite values");
      }
    }
  }

  private static double[] sorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }
}
