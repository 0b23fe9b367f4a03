package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The figures of a listening test: how often listeners told the real excerpt from the generated one, with a
 * binomial confidence interval and the exact binomial test against guessing, and the mean 1-5 rating of real and of
 * generated excerpts.
 *
 * <p>Every answered pair is one trial; pairs without a pick count as unanswered and add only their ratings. With
 * several listeners the trials are pooled as if independent (listeners differ, so read the interval as a rough one).
 * An accuracy near 0.5 means listeners could not tell the model's progressions from real ones.
 *
 * @param judged pairs with a pick (trials)
 * @param correct pairs where the real excerpt was picked (successes)
 * @param unanswered pairs without a pick
 * @param wilson the Wilson score interval of the accuracy
 * @param clopperPearson the Clopper-Pearson interval of the accuracy
 * @param pValue the two-sided exact binomial p-value against chance (0.5); 1 when nothing was judged
 * @param realRatings the ratings of the real excerpts
 * @param generatedRatings the ratings of the generated excerpts
 */
public record ListeningTestResults(int judged, int correct, int unanswered, BinomialInterval wilson,
    BinomialInterval clopperPearson, double pValue, RatingSummary realRatings, RatingSummary generatedRatings) {

  /** The default confidence level of the intervals: 0.95. */
  public static final double DEFAULT_CONFIDENCE = 0.95;
  /** The success probability of a listener who guesses: 0.5. */
  public static final double CHANCE = 0.5;

  /**
   * Count, mean and sample standard deviation of a set of ratings.
   *
   * @param count how many ratings
   * @param mean their mean (NaN when there are none)
   * @param standardDeviation the sample standard deviation, n - 1 in the denominator (NaN for fewer than two)
   */
  public record RatingSummary(int count, double mean, double standardDeviation) {

    /** The summary of {@code ratings}. */
    public static RatingSummary of(List<Integer> ratings) {
      int n = ratings.size();
      if (n == 0) {
        return new RatingSummary(0, Double.NaN, Double.NaN);
      }
      double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
      double squares = ratings.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum();
      return new RatingSummary(n, mean, n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1)));
    }

    /** {@code 3.25 (sd 0.96, n = 20)}, or {@code no ratings}. */
    @Override
    public String toString() {
      if (count == 0) {
        return "no ratings";
      }
      return String.format(Locale.ROOT, "%.2f (sd %s, n = %d)", mean,
          Double.isNaN(standardDeviation) ? "-" : String.format(Locale.ROOT, "%.2f", standardDeviation), count);
    }
  }

  public ListeningTestResults {
    Preconditions.checkArgument(judged >= 0 && correct >= 0 && correct <= judged && unanswered >= 0,
        "need 0 <= correct <= judged and unanswered >= 0, got %s of %s, %s unanswered", correct, judged, unanswered);
    Preconditions.checkNotNull(realRatings, "realRatings");
    Preconditions.checkNotNull(generatedRatings, "generatedRatings");
    Preconditions.checkArgument(judged == 0 ? wilson == null && clopperPearson == null
        : wilson != null && clopperPearson != null, "intervals exist exactly when something was judged");
  }

  /** The figures of {@code judgements} at {@link #DEFAULT_CONFIDENCE}. */
  public static ListeningTestResults of(List<ListeningJudgement> judgements) {
    return of(judgements, DEFAULT_CONFIDENCE);
  }

  /** The figures of {@code judgements}, intervals at {@code confidence}. */
  public static ListeningTestResults of(List<ListeningJudgement> judgements, double confidence) {
    Preconditions.checkNotNull(judgements, "judgements");
    int judged = 0;
    int correct = 0;
    int unanswered = 0;
    ImmutableList.Builder<Integer> real = ImmutableList.builder();
    ImmutableList.Builder<Integer> generated = ImmutableList.builder();
    for (ListeningJudgement judgement : judgements) {
      switch (judgement.pick()) {
        case REAL -> {
          judged++;
          correct++;
        }
        case GENERATED -> judged++;
        case NONE -> unanswered++;
        default -> throw new AssertionError(judgement.pick());
      }
      add(judgement.realRating(), real);
      add(judgement.generatedRating(), generated);
    }
    BinomialInterval wilson = judged == 0 ? null : BinomialInterval.wilson(correct, judged, confidence);
    BinomialInterval exact = judged == 0 ? null : BinomialInterval.clopperPearson(correct, judged, confidence);
    double p = judged == 0 ? 1 : BinomialInterval.twoSidedPValue(correct, judged, CHANCE);
    return new ListeningTestResults(judged, correct, unanswered, wilson, exact, p, RatingSummary.of(real.build()),
        RatingSummary.of(generated.build()));
  }

  private static void add(OptionalInt rating, ImmutableList.Builder<Integer> to) {
    if (rating.isPresent()) {
      to.add(rating.getAsInt());
    }
  }

  /** The share of judged pairs where the real excerpt was picked (NaN when nothing was judged). */
  public double accuracy() {
    return judged == 0 ? Double.NaN : correct / (double) judged;
  }

  /**
   * The figures as metrics: {@code pairs.judged}, {@code pairs.correct}, {@code pairs.unanswered} (count),
   * {@code accuracy}, {@code accuracy.wilson.lower/upper}, {@code accuracy.clopper_pearson.lower/upper},
   * {@code p_value} (ratio), and {@code rating.real.mean}, {@code rating.generated.mean} (unit {@code rating}, 1-5)
   * with {@code rating.real.count}, {@code rating.generated.count}. Figures that do not exist (no judged pair, no
   * rating) are left out rather than reported as NaN.
   */
  public Metrics metrics() {
    Metrics.Builder metrics = Metrics.builder()
        .add(new Metric("pairs.judged", judged, Metric.COUNT))
        .add(new Metric("pairs.correct", correct, Metric.COUNT))
        .add(new Metric("pairs.unanswered", unanswered, Metric.COUNT));
    if (judged > 0) {
      metrics.add(new Metric("accuracy", accuracy(), Metric.RATIO))
          .add(new Metric("accuracy.wilson.lower", wilson.lower(), Metric.RATIO))
          .add(new Metric("accuracy.wilson.upper", wilson.upper(), Metric.RATIO))
          .add(new Metric("accuracy.clopper_pearson.lower", clopperPearson.lower(), Metric.RATIO))
          .add(new Metric("accuracy.clopper_pearson.upper", clopperPearson.upper(), Metric.RATIO))
          .add(new Metric("p_value", pValue, Metric.RATIO));
    }
    addRatings("real", realRatings, metrics);
    addRatings("generated", generatedRatings, metrics);
    return metrics.build();
  }

  private static void addRatings(String name, RatingSummary summary, Metrics.Builder metrics) {
    metrics.add(new Metric("rating." + name + ".count", summary.count(), Metric.COUNT));
    if (summary.count() > 0) {
      metrics.add(new Metric("rating." + name + ".mean", summary.mean(), "rating"));
    }
  }
}
