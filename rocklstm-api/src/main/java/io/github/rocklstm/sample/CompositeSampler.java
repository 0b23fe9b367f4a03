package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import java.util.random.RandomGenerator;

/**
 * A sampler made of the usual steps, applied to a row in this fixed order (the order of Hugging Face's logits
 * processors and warpers):
 *
 * <ol>
 *   <li><b>Repetition penalty</b> (CTRL, Keskar et al. 2019, in the form Hugging Face uses): every distinct token
 *       among the last {@code repetitionWindow} tokens of the history (START, primer and generated tokens alike)
 *       has its score {@code s} replaced by {@code s * penalty} if {@code s < 0} and {@code s / penalty} if
 *       {@code s > 0}. The scores are the model's log-probabilities, all {@code <= 0}, so a repeated token's
 *       probability {@code p} becomes proportional to {@code p^penalty}: with {@code penalty > 1} repeats get less
 *       likely, with {@code penalty < 1} more. A token with probability 1 (score 0) stays certain.
 *   <li><b>Temperature</b> {@code T}: scores are divided by {@code T}, so {@code p'(t) ∝ p(t)^(1/T)}. Lower is more
 *       conservative. {@code T = 0} is exactly greedy: the highest score wins (the lowest id among equal scores),
 *       steps 3 to 5 are skipped and the random generator is not touched. {@code T} must be finite and
 *       {@code >= 0}.
 *   <li><b>Top-k</b>: only the {@code k} highest scores stay; the rest are masked. Ties at the boundary go to the
 *       lower token id, so exactly {@code min(k, unmasked)} tokens stay. {@code Integer.MAX_VALUE} = off.
 *   <li><b>Top-p</b> (nucleus, Holtzman et al. 2019): the remaining tokens are renormalised and ranked by
 *       probability (equal probabilities in increasing id order); the shortest prefix of that ranking whose
 *       probabilities sum to at least {@code p} stays, the rest are masked. A sum within {@value #TOP_P_TOLERANCE}
 *       below {@code p} counts as reaching it, because the rows arrive in float precision. {@code p = 1} = off.
 *   <li><b>Draw</b> from what is left, proportionally to {@code exp(score)} (one {@code nextDouble()}).
 * </ol>
 *
 * <p>Masked tokens ({@code -Infinity}) stay masked through every step. All arithmetic is in double precision in log
 * space: probabilities are formed as {@code exp(score - max)} only. A row whose entries are all masked is an
 * {@link IllegalArgumentException}, as is a NaN or {@code +Infinity} entry.
 *
 * @param temperature finite, {@code >= 0}; 1 = the model's distribution, 0 = greedy
 * @param topK at least 1; {@link Integer#MAX_VALUE} = no top-k cut
 * @param topP in {@code (0, 1]}; 1 = no nucleus cut
 * @param repetitionPenalty positive and finite; 1 = no penalty
 * @param repetitionWindow how many of the most recent history tokens the penalty looks at, at least 1;
 *     {@link Integer#MAX_VALUE} = the whole history
 */
public record CompositeSampler(
    double temperature, int topK, double topP, double repetitionPenalty, int repetitionWindow) implements Sampler {

  /** How far below {@code p} a cumulative probability may fall and still count as reaching it. */
  public static final double TOP_P_TOLERANCE = 1e-6;

  /** Checks every parameter against the ranges in the class comment. */
  public CompositeSampler {
    checkTemperature(temperature);
    checkTopK(topK);
    checkTopP(topP);
    Preconditions.checkArgument(repetitionPenalty > 0 && Double.isFinite(repetitionPenalty),
        "repetition penalty must be positive and finite (1 = no penalty), got %s", repetitionPenalty);
    Preconditions.checkArgument(repetitionWindow >= 1,
        "repetition window must be at least 1 token (Integer.MAX_VALUE = the whole history), got %s",
        repetitionWindow);
  }

  /** A builder starting from the model's own distribution: temperature 1, no cuts, no penalty. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether this sampler is greedy (temperature 0). */
  public boolean isGreedy() {
    return temperature == 0;
  }

  @Override
  public double[] probabilities(float[] logProbabilities, int[] history) {
    double[] scores = processedScores(logProbabilities, history);
    if (isGreedy()) {
      double[] oneHot = new double[scores.length];
      oneHot[LogSpace.argmax(scores)] = 1;
      return oneHot;
    }
    return LogSpace.probabilities(scores);
  }

  @Override
  public int sample(float[] logProbabilities, int[] history, RandomGenerator random) {
    Preconditions.checkNotNull(random, "random");
    double[] scores = processedScores(logProbabilities, history);
    return isGreedy() ? LogSpace.argmax(scores) : LogSpace.draw(scores, random);
  }

  /** Steps 1 to 4 of the class comment; for temperature 0 only step 1. */
  private double[] processedScores(float[] logProbabilities, int[] history) {
    Preconditions.checkNotNull(logProbabilities, "logProbabilities");
    Preconditions.checkNotNull(history, "history");
    double[] scores = LogSpace.toDouble(logProbabilities);
    if (LogSpace.max(scores) == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("every token of the row is masked (-Infinity): nothing can be sampled");
    }
    if (repetitionPenalty != 1) {
      applyRepetitionPenalty(scores, history);
    }
    if (isGreedy()) {
      return scores;
    }
    applyTemperature(scores);
    if (topK != Integer.MAX_VALUE) {
      keepTopK(scores);
    }
    if (topP < 1) {
      keepTopP(scores);
    }
    return scores;
  }

  private void applyRepetitionPenalty(double[] scores, int[] history) {
    int from = Math.max(0, history.length - repetitionWindow);
    boolean[] seen = new boolean[scores.length];
    for (int i = from; i < history.length; i++) {
      int token = history[i];
      if (token < 0 || token >= scores.length) {
        throw new IllegalArgumentException("history position " + i + " holds token " + token
            + ", outside the vocabulary (valid ids are 0.." + (scores.length - 1) + ")");
      }
      if (!seen[token]) {
        seen[token] = true;
        double score = scores[token];
        scores[token] = score < 0 ? score * repetitionPenalty : score / repetitionPenalty;
      }
    }
  }

  private void applyTemperature(double[] scores) {
    // Subtract the maximum first (a shift changes nothing after normalisation) so that a tiny temperature cannot
    // push every score to -Infinity: the best token stays at 0.
    double max = LogSpace.max(scores);
    for (int token = 0; token < scores.length; token++) {
      scores[token] = (scores[token] - max) / temperature;
    }
  }

  private void keepTopK(double[] scores) {
    int[] ranked = LogSpace.rankedTokens(scores);
    for (int i = topK; i < ranked.length; i++) {
      scores[ranked[i]] = Double.NEGATIVE_INFINITY;
    }
  }

  private void keepTopP(double[] scores) {
    int[] ranked = LogSpace.rankedTokens(scores);
    double logTotal = LogSpace.logSumExp(scores);
    double cumulative = 0;
    int kept = 0;
    while (kept < ranked.length && cumulative < topP - TOP_P_TOLERANCE) {
      cumulative += Math.exp(scores[ranked[kept]] - logTotal);
      kept++;
    }
    for (int i = kept; i < ranked.length; i++) {
      scores[ranked[i]] = Double.NEGATIVE_INFINITY;
    }
  }

  static void checkTemperature(double temperature) {
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and >= 0 (0 = greedy, 1 = the model's "
          + "distribution), got " + temperature);
    }
  }

  static void checkTopK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("top-k must be at least 1 (Integer.MAX_VALUE = no cut), got " + k);
    }
  }

  static void checkTopP(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("top-p must be in (0, 1] (1 = no cut), got " + p);
    }
  }

  /** Builds a {@link CompositeSampler}; every setter checks its argument at once. */
  public static final class Builder {
    private double temperature = 1;
    private int topK = Integer.MAX_VALUE;
    private double topP = 1;
    private double repetitionPenalty = 1;
    private int repetitionWindow = Integer.MAX_VALUE;

    private Builder() {}

    /** Temperature, finite and {@code >= 0}; default 1; 0 = greedy. */
    public Builder temperature(double temperature) {
      checkTemperature(temperature);
      this.temperature = temperature;
      return this;
    }

    /** Top-k cut, at least 1; default {@link Integer#MAX_VALUE} (off). */
    public Builder topK(int k) {
      checkTopK(k);
      this.topK = k;
      return this;
    }

    /** Nucleus cut in {@code (0, 1]}; default 1 (off). */
    public Builder topP(double p) {
      checkTopP(p);
      this.topP = p;
      return this;
    }

    /** CTRL-style repetition penalty, positive and finite; default 1 (off). */
    public Builder repetitionPenalty(double penalty) {
      this.repetitionPenalty = penalty;
      return this;
    }

    /** Tokens the penalty looks back over, at least 1; default {@link Integer#MAX_VALUE} (the whole history). */
    public Builder repetitionWindow(int window) {
      this.repetitionWindow = window;
      return this;
    }

    /** The sampler. */
    public CompositeSampler build() {
      return new CompositeSampler(temperature, topK, topP, repetitionPenalty, repetitionWindow);
    }
  }
}
