package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The relative comparison of Yang &amp; Lerch (2020, "On the evaluation of generative models in music", Neural
 * Computing and Applications 32): how the distribution of a feature over generated samples relates to its
 * distribution over a reference set (the training or test songs), per feature.
 *
 * <h2>Steps, per feature</h2>
 *
 * <ol>
 *   <li>Extract the feature (a number or a vector) from every sample of both sets.
 *   <li>Pairwise Euclidean distances: intra-set, within the reference set and within the generated set (every
 *       unordered pair once, {@link #intraSetDistances}: the paper's exhaustive cross-validation counts every pair
 *       twice, which gives the same density), and inter-set, between every generated and every reference sample
 *       ({@link #interSetDistances}).
 *   <li>Smooth each of the three distance samples into a density with a {@link GaussianKde} (Silverman's
 *       bandwidth).
 *   <li>Compare each intra-set density with the inter-set density: the Kullback-Leibler divergence {@code
 *       KL(intra || inter)} in nats and the overlapping area (both by {@link GaussianKde#compare}, on a grid as
 *       described there). If generated and reference samples are alike, the distances between the sets look like
 *       the distances within a set: a divergence near 0 and an overlap near 1.
 * </ol>
 *
 * <p><b>Degenerate spread.</b> When all distances of one sample are equal (Silverman's bandwidth 0: two samples per
 * set, or every sample with the same feature value), that density takes the bandwidth of both samples of the
 * comparison pooled; when the pooled distances are all equal too, the two densities are the same point mass and the
 * comparison reports an overlap of 1 and a divergence of 0.
 *
 * <h2>Metrics ({@link #evaluate(List)})</h2>
 *
 * For each feature {@code f}, in order: {@code f.kl.reference} ({@link Metric#NATS}: KL(intra-reference ||
 * inter), the figure of the paper's tables), {@code f.oa.reference} ({@link Metric#RATIO}), {@code f.kl.generated}
 * and {@code f.oa.generated} (the same with the generated set's intra-set distances).
 *
 * <p>Typical use, with chord statistics as features:
 *
 * <pre>{@code
 * ChordStatistics statistics = new ChordStatistics(VocabularyLevel.MAJMIN, ChordStatistics.Weighting.BEATS);
 * YangLerch<ProgressionStatistics> comparison =
 *     YangLerch.against(statistics.perProgression(testSongs), ProgressionStatistics.features());
 * Metrics metrics = comparison.evaluate(statistics.perProgression(generated));
 * }</pre>
 *
 * @param <T> a sample, e.g. {@link ProgressionStatistics}
 */
public final class YangLerch<T> implements Evaluator<List<T>> {

  /**
   * A feature of a sample: a number, or a vector compared by Euclidean distance (e.g. a pitch-class histogram).
   *
   * @param name the metric name prefix: non-blank, no whitespace
   * @param extractor the feature of one sample: the same non-zero length for every sample, finite values
   * @param <T> a sample
   */
  public record Feature<T>(String name, Function<? super T, double[]> extractor) {

    /** Checks the name. */
    public Feature {
      Preconditions.checkNotNull(name, "name");
      Preconditions.checkNotNull(extractor, "extractor");
      Preconditions.checkArgument(!name.isBlank() && name.chars().noneMatch(Character::isWhitespace),
          "a feature name must be non-blank without whitespace, got '%s'", name);
    }

    /** A one-number feature. */
    public static <T> Feature<T> scalar(String name, ToDoubleFunction<? super T> extractor) {
      Preconditions.checkNotNull(extractor, "extractor");
      return new Feature<>(name, sample -> new double[] {extractor.applyAsDouble(sample)});
    }
  }

  private final ImmutableList<T> reference;
  private final ImmutableList<Feature<T>> features;

  private YangLerch(ImmutableList<T> reference, ImmutableList<Feature<T>> features) {
    this.reference = reference;
    this.features = features;
  }

  /**
   * A comparison with a reference set.
   *
   * @param reference the real samples (training or test songs), at least two
   * @param features the features compared, at least one, with distinct names
   * @throws IllegalArgumentException for fewer than two reference samples, a null sample, no features or a repeated
   *     feature name
   */
  public static <T> YangLerch<T> against(List<T> reference, List<Feature<T>> features) {
    checkSamples(reference, "reference");
    Preconditions.checkNotNull(features, "features");
    Preconditions.checkArgument(!features.isEmpty(), "no features to compare");
    Set<String> names = new HashSet<>();
    for (Feature<T> feature : features) {
      Preconditions.checkNotNull(feature, "feature");
      Preconditions.checkArgument(names.add(feature.name()), "feature '%s' is listed twice", feature.name());
    }
    return new YangLerch<>(ImmutableList.copyOf(reference), ImmutableList.copyOf(features));
  }

  /** The features, in metric order. */
  public ImmutableList<Feature<T>> features() {
    return features;
  }

  /** {@code yang-lerch}. */
  @Override
  public String name() {
    return "yang-lerch";
  }

  /**
   * Compares generated samples with the reference set; the metric names are listed in the class comment.
   *
   * @throws IllegalArgumentException for fewer than two generated samples, a null sample, or a feature value that is
   *     NaN or infinite or of another length than the others
   */
  @Override
  public Metrics evaluate(List<T> generated) {
    checkSamples(generated, "generated");
    Metrics.Builder metrics = Metrics.builder();
    for (Feature<T> feature : features) {
      List<double[]> real = extract(feature, reference, "reference");
      List<double[]> fake = extract(feature, generated, "generated");
      checkSameLength(feature, real, fake);
      double[] inter = interSetDistances(fake, real);
      GaussianKde.Comparison realVsInter = compareDistances(intraSetDistances(real), inter);
      GaussianKde.Comparison fakeVsInter = compareDistances(intraSetDistances(fake), inter);
      metrics.add(feature.name() + ".kl.reference", realVsInter.klDivergence(), Metric.NATS);
      metrics.add(feature.name() + ".oa.reference", realVsInter.overlapArea(), Metric.RATIO);
      metrics.add(feature.name() + ".kl.generated", fakeVsInter.klDivergence(), Metric.NATS);
      metrics.add(feature.name() + ".oa.generated", fakeVsInter.overlapArea(), Metric.RATIO);
    }
    return metrics.build();
  }

  /**
   * The Euclidean distances between every unordered pair of samples, in the order (0,1), (0,2), ..., (0,n-1), (1,2),
   * ...: {@code n (n - 1) / 2} values.
   *
   * @throws IllegalArgumentException for fewer than two samples or samples of different lengths
   */
  public static double[] intraSetDistances(List<double[]> samples) {
    Preconditions.checkNotNull(samples, "samples");
    Preconditions.checkArgument(samples.size() >= 2, "intra-set distances need at least two samples, got %s",
        samples.size());
    int n = samples.size();
    double[] distances = new double[n * (n - 1) / 2];
    int at = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        distances[at++] = distance(samples.get(i), samples.get(j));
      }
    }
    return distances;
  }

  /**
   * The Euclidean distances between every sample of {@code first} and every sample of {@code second}, {@code first}
   * major: {@code (f0,s0), (f0,s1), ..., (f1,s0), ...}.
   *
   * @throws IllegalArgumentException for an empty set or samples of different lengths
   */
  public static double[] interSetDistances(List<double[]> first, List<double[]> second) {
    Preconditions.checkNotNull(first, "first");
    Preconditions.checkNotNull(second, "second");
    Preconditions.checkArgument(!first.isEmpty() && !second.isEmpty(), "inter-set distances need two non-empty sets");
    double[] distances = new double[first.size() * second.size()];
    int at = 0;
    for (double[] a : first) {
      for (double[] b : second) {
        distances[at++] = distance(a, b);
      }
    }
    return distances;
  }

  /**
   * The overlapping area and {@code KL(intra || inter)} of the Silverman density estimates of two distance samples,
   * with the treatment of degenerate spread described in the class comment.
   *
   * @throws IllegalArgumentException for an empty sample or a value that is NaN or infinite
   */
  public static GaussianKde.Comparison compareDistances(double[] intra, double[] inter) {
    Preconditions.checkNotNull(intra, "intra");
    Preconditions.checkNotNull(inter, "inter");
    Preconditions.checkArgument(intra.length > 0 && inter.length > 0, "no distances to compare (%s intra-set, %s "
        + "inter-set)", intra.length, inter.length);
    double intraBandwidth = intra.length >= 2 ? GaussianKde.silvermanBandwidth(intra) : 0;
    double interBandwidth = inter.length >= 2 ? GaussianKde.silvermanBandwidth(inter) : 0;
    if (intraBandwidth == 0 || interBandwidth == 0) {
      double[] pooled = new double[intra.length + inter.length];
      System.arraycopy(intra, 0, pooled, 0, intra.length);
      System.arraycopy(inter, 0, pooled, intra.length, inter.length);
      double pooledBandwidth = GaussianKde.silvermanBandwidth(pooled);
      if (pooledBandwidth == 0) {
        return new GaussianKde.Comparison(1.0, 0.0);
      }
      intraBandwidth = intraBandwidth == 0 ? pooledBandwidth : intraBandwidth;
      interBandwidth = interBandwidth == 0 ? pooledBandwidth : interBandwidth;
    }
    return GaussianKde.compare(GaussianKde.withBandwidth(intra, intraBandwidth),
        GaussianKde.withBandwidth(inter, interBandwidth));
  }

  private static double distance(double[] a, double[] b) {
    Preconditions.checkNotNull(a, "sample");
    Preconditions.checkNotNull(b, "sample");
    Preconditions.checkArgument(a.length == b.length, "samples of different lengths: %s and %s", a.length, b.length);
    return TonalCentroid.euclidean(a, b);
  }

  private static <T> List<double[]> extract(Feature<T> feature, List<T> samples, String set) {
    List<double[]> values = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      double[] value = feature.extractor().apply(samples.get(i));
      if (value == null || value.length == 0) {
        throw new IllegalArgumentException("feature '" + feature.name() + "' of " + set + " sample " + i + " is "
            + (value == null ? "null" : "empty"));
      }
      for (int d = 0; d < value.length; d++) {
        if (!Double.isFinite(value[d])) {
          throw new IllegalArgumentException("feature '" + feature.name() + "' of " + set + " sample " + i + " is "
              + value[d] + (value.length > 1 ? " in dimension " + d : "") + "; features must be finite");
        }
      }
      values.add(value);
    }
    return values;
  }

  private static <T> void checkSameLength(Feature<T> feature, List<double[]> real, List<double[]> fake) {
    int length = real.get(0).length;
    for (List<double[]> set : List.of(real, fake)) {
      for (int i = 0; i < set.size(); i++) {
        if (set.get(i).length != length) {
          throw new IllegalArgumentException("feature '" + feature.name() + "' has length " + set.get(i).length
              + " for " + (set == real ? "reference" : "generated") + " sample " + i + " but " + length
              + " for reference sample 0");
        }
      }
    }
  }

  private static void checkSamples(List<?> samples, String set) {
    Preconditions.checkNotNull(samples, set);
    Preconditions.checkArgument(samples.size() >= 2, "the %s set needs at least two samples (one pair), got %s", set,
        samples.size());
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i) == null) {
        throw new IllegalArgumentException(set + " sample " + i + " is null");
      }
    }
  }
}
