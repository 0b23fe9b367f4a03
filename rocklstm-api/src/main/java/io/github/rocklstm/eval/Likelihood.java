package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;

/**
 * How well a model predicted some token sequences: the total log-likelihood in nats and the number of predicted
 * tokens, with the per-token figures derived from them.
 *
 * <p><b>Convention.</b> A token sequence starts with START and ends with END. Every token after the first is
 * predicted from the tokens before it, so END is predicted and START is not: a sequence of length {@code L}
 * contributes {@code L - 1} predicted tokens and the sum of their {@code ln p(token | history)}.
 *
 * <ul>
 *   <li>{@link #natsPerToken()} {@code = -logLikelihood / tokens} (the cross-entropy, natural logarithm);
 *   <li>{@link #bitsPerToken()} {@code = natsPerToken / ln 2};
 *   <li>{@link #perplexity()} {@code = exp(natsPerToken) = 2^bitsPerToken}.
 * </ul>
 *
 * <p>Likelihoods of separate batches or sequences combine with {@link #plus(Likelihood)} or {@link
 * #aggregate(Iterable)}, which add totals and counts (a token-weighted mean, never a mean of per-sequence means).
 *
 * @param logLikelihood sum of {@code ln p} over the predicted tokens: at most 0, possibly {@code -Infinity} when
 *     a token had probability zero, never NaN
 * @param tokens number of predicted tokens, at least 0; zero tokens require a log-likelihood of 0
 */
public record Likelihood(double logLikelihood, long tokens) {

  /** Nothing predicted yet: the starting point for sums. */
  public static final Likelihood ZERO = new Likelihood(0.0, 0);

  private static final double LN_2 = Math.log(2.0);

  /** Checks the ranges described in the class comment. */
  public Likelihood {
    Preconditions.checkArgument(!Double.isNaN(logLikelihood), "log-likelihood is NaN");
    Preconditions.checkArgument(logLikelihood <= 0.0,
        "log-likelihood must be at most 0 (a sum of natural-log probabilities), got %s", logLikelihood);
    Preconditions.checkArgument(tokens >= 0, "number of predicted tokens must be at least 0, got %s", tokens);
    Preconditions.checkArgument(tokens > 0 || logLikelihood == 0.0,
        "no predicted tokens but a log-likelihood of %s", logLikelihood);
  }

  /**
   * A likelihood from a mean negative log-likelihood per token in nats (a loss as backends report it) and the
   * number of tokens it was averaged over.
   */
  public static Likelihood fromNatsPerToken(double natsPerToken, long tokens) {
    Preconditions.checkArgument(natsPerToken >= 0.0, "nats per token must be at least 0, got %s", natsPerToken);
    return new Likelihood(tokens == 0 ? 0.0 : -natsPerToken * tokens, tokens);
  }

  /** Sum of all given likelihoods (totals and token counts added); {@link #ZERO} for none. */
  public static Likelihood aggregate(Iterable<Likelihood> parts) {
    Preconditions.checkNotNull(parts, "parts");
    Likelihood sum = ZERO;
    for (Likelihood part : parts) {
      sum = sum.plus(part);
    }
    return sum;
  }

  /** This likelihood and {@code other} together. */
  public Likelihood plus(Likelihood other) {
    Preconditions.checkNotNull(other, "other");
    return new Likelihood(logLikelihood + other.logLikelihood, tokens + other.tokens);
  }

  /** {@code -logLikelihood}: the total negative log-likelihood in nats (0 or more). */
  public double negativeLogLikelihood() {
    return -logLikelihood;
  }

  /**
   * Mean negative log-likelihood per predicted token in nats.
   *
   * @throws IllegalStateException when no token was predicted
   */
  public double natsPerToken() {
    Preconditions.checkState(tokens > 0, "no predicted tokens: per-token figures are undefined");
    return -logLikelihood / tokens;
  }

  /** {@link #natsPerToken()} in bits: divided by {@code ln 2}. */
  public double bitsPerToken() {
    return natsPerToken() / LN_2;
  }

  /** {@code exp(natsPerToken())}. */
  public double perplexity() {
    return Math.exp(natsPerToken());
  }

  /**
   * {@code prefix + "nats"}, {@code prefix + "bits"}, {@code prefix + "perplexity"} and {@code prefix + "tokens"}
   * as metrics, e.g. {@code toMetrics("valid.")}.
   */
  public Metrics toMetrics(String prefix) {
    Preconditions.checkNotNull(prefix, "prefix");
    return Metrics.builder()
        .add(prefix + "nats", natsPerToken(), Metric.NATS_PER_TOKEN)
        .add(prefix + "bits", bitsPerToken(), Metric.BITS_PER_TOKEN)
        .add(prefix + "perplexity", perplexity(), Metric.PERPLEXITY)
        .add(prefix + "tokens", tokens, Metric.COUNT)
        .build();
  }
}
