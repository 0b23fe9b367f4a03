package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * The n-gram baselines a neural model has to beat: an add-one {@link UnigramModel} and {@link KneserNeyModel}s of
 * orders 2 up to a maximum (5 by default), all fitted on the same training sequences.
 *
 * <p>{@link #evaluate(Iterable)} scores held-out sequences with every model and returns, in this order:
 *
 * <ul>
 *   <li>{@code unigram.nats}, {@code unigram.perplexity}, then {@code kn2.nats}, {@code kn2.perplexity}, ... up to the
 *       maximum order ({@link Metric#NATS_PER_TOKEN}, {@link Metric#PERPLEXITY});
 *   <li>{@value #BEST_NATS}, {@value #BEST_PERPLEXITY}: the lowest of them, and {@value #BEST_ORDER} (a {@link
 *       Metric#COUNT}), the order of the model that reached it (1 for the unigram; the lower order on a tie);
 *   <li>{@value #TOKENS}: the number of predicted held-out tokens.
 * </ul>
 *
 * <p>Typical use: {@code NGramBaselines.fit(train, vocabularySize).evaluate(valid).value(BEST_PERPLEXITY)}.
 */
public final class NGramBaselines implements Evaluator<Iterable<int[]>> {

  /** Metric name: the lowest held-out nats per token of all baselines. */
  public static final String BEST_NATS = "best.nats";
  /** Metric name: the lowest held-out perplexity of all baselines. */
  public static final String BEST_PERPLEXITY = "best.perplexity";
  /** Metric name: the order of the baseline with the lowest perplexity. */
  public static final String BEST_ORDER = "best.order";
  /** Metric name: the number of predicted held-out tokens. */
  public static final String TOKENS = "tokens";

  private final UnigramModel unigram;
  private final ImmutableList<KneserNeyModel> kneserNey;

  private NGramBaselines(UnigramModel unigram, ImmutableList<KneserNeyModel> kneserNey) {
    this.unigram = unigram;
    this.kneserNey = kneserNey;
  }

  /** Fits the unigram and Kneser-Ney models of orders 2 to {@value KneserNeyModel#MAX_ORDER}. */
  public static NGramBaselines fit(Iterable<int[]> training, int vocabularySize) {
    return fit(training, vocabularySize, KneserNeyModel.MAX_ORDER);
  }

  /**
   * Fits the unigram and Kneser-Ney models of orders 2 to {@code maxOrder}.
   *
   * @param training training sequences, as for {@link KneserNeyModel#fit(Iterable, int, int)}
   * @param vocabularySize number of token ids
   * @param maxOrder highest Kneser-Ney order, 1 (unigram only) to {@value KneserNeyModel#MAX_ORDER}
   */
  public static NGramBaselines fit(Iterable<int[]> training, int vocabularySize, int maxOrder) {
    Preconditions.checkNotNull(training, "training");
    TokenSequences.checkOrder(maxOrder, 1, KneserNeyModel.MAX_ORDER);
    ImmutableList<int[]> sequences = ImmutableList.copyOf(training);
    UnigramModel unigram = UnigramModel.fit(sequences, vocabularySize);
    ImmutableList.Builder<KneserNeyModel> kneserNey = ImmutableList.builder();
    for (int order = 2; order <= maxOrder; order++) {
      kneserNey.add(KneserNeyModel.fit(sequences, vocabularySize, order));
    }
    return new NGramBaselines(unigram, kneserNey.build());
  }

  /** The add-one unigram model. */
  public UnigramModel unigram() {
    return unigram;
  }

  /** The Kneser-Ney models, order 2 first. */
  public ImmutableList<KneserNeyModel> kneserNey() {
    return kneserNey;
  }

  /** Every model under its metric label: {@code unigram}, {@code kn2}, {@code kn3}, ... in that order. */
  public ImmutableMap<String, LanguageModel> models() {
    ImmutableMap.Builder<String, LanguageModel> models = ImmutableMap.builder();
    models.put("unigram", unigram);
    for (KneserNeyModel model : kneserNey) {
      models.put("kn" + model.order(), model);
    }
    return models.buildOrThrow();
  }

  /** The likelihood of {@code sequences} under every model, keyed like {@link #models()}. */
  public ImmutableMap<String, Likelihood> score(Iterable<int[]> sequences) {
    Preconditions.checkNotNull(sequences, "sequences");
    ImmutableList<int[]> list = ImmutableList.copyOf(sequences);
    ImmutableMap.Builder<String, Likelihood> scores = ImmutableMap.builder();
    for (Map.Entry<String, LanguageModel> model : models().entrySet()) {
      scores.put(model.getKey(), model.getValue().score(list));
    }
    return scores.buildOrThrow();
  }

  /** {@code ngram}. */
  @Override
  public String name() {
    return "ngram";
  }

  /** Scores held-out sequences with every baseline; the metric names are listed in the class comment. */
  @Override
  public Metrics evaluate(Iterable<int[]> heldOut) {
    ImmutableMap<String, Likelihood> scores = score(heldOut);
    ImmutableMap<String, LanguageModel> models = models();
    Metrics.Builder metrics = Metrics.builder();
    String best = null;
    for (Map.Entry<String, Likelihood> score : scores.entrySet()) {
      Likelihood likelihood = score.getValue();
      metrics.add(score.getKey() + ".nats", likelihood.natsPerToken(), Metric.NATS_PER_TOKEN);
      metrics.add(score.getKey() + ".perplexity", likelihood.perplexity(), Metric.PERPLEXITY);
      if (best == null || likelihood.natsPerToken() < scores.get(best).natsPerToken()) {
        best = score.getKey();
      }
    }
    Likelihood bestScore = scores.get(best);
    return metrics
        .add(BEST_NATS, bestScore.natsPerToken(), Metric.NATS_PER_TOKEN)
        .add(BEST_PERPLEXITY, bestScore.perplexity(), Metric.PERPLEXITY)
        .add(BEST_ORDER, models.get(best).order(), Metric.COUNT)
        .add(TOKENS, bestScore.tokens(), Metric.COUNT)
        .build();
  }
}
