/**
 * Evaluation: named metrics, likelihood figures and the count-based baselines every neural model is compared with.
 *
 * <p>{@link io.github.rocklstm.eval.Evaluator} turns an input into {@link io.github.rocklstm.eval.Metrics}, an
 * ordered list of {@link io.github.rocklstm.eval.Metric} (name, value, unit). {@link
 * io.github.rocklstm.eval.Likelihood} holds a total log-likelihood and the number of predicted tokens and converts it
 * to nats per token, bits per token and perplexity.
 *
 * <p>The baselines are {@link io.github.rocklstm.eval.LanguageModel}s over {@code int[]} token sequences: {@link
 * io.github.rocklstm.eval.UnigramModel} (add-k smoothing) and {@link io.github.rocklstm.eval.KneserNeyModel}
 * (interpolated modified Kneser-Ney, orders 1 to 5). {@link io.github.rocklstm.eval.NGramBaselines} fits them all and
 * reports held-out perplexities, which is the figure a neural model has to beat.
 *
 * <p>Convention shared by everything here: a token sequence starts with START and ends with END; scoring predicts
 * every token after the first, so END is predicted and START is not, and per-token figures divide by that count.
 */
package io.github.rocklstm.eval;
