/**
 * Evaluation: named metrics, likelihood figures and the count-based baselines every neural model is compared with.
 *
 * <p>{@link io.github.rocklstm.eval.Evaluator} turns an input into {@link io.github.rocklstm.eval.Metrics}, an
 * ordered list of {@link io.github.rocklstm.eval.Metric} (name, value, unit). {@link
 * io.github.rocklstm.eval.Likelihood} holds a total log-likelihood and the number of predicted tokens and converts it
 * to nats per token, bits per token and perplexity; {@link io.github.rocklstm.eval.FrameLikelihood} sums token
 * log-probabilities into piano-roll frames for nats per frame (the JSB Chorales benchmark). {@link
 * io.github.rocklstm.eval.ModelLikelihood} is the evaluator of a model's likelihood (a neural {@code SequenceModel}
 * or a count-based baseline): per token, per chord change ({@link io.github.rocklstm.eval.ChordChangeLikelihood}) and
 * per frame, in nats, bits and perplexity.
 *
 * <p>The baselines are {@link io.github.rocklstm.eval.LanguageModel}s over {@code int[]} token sequences: {@link
 * io.github.rocklstm.eval.UnigramModel} (add-k smoothing) and {@link io.github.rocklstm.eval.KneserNeyModel}
 * (interpolated modified Kneser-Ney, orders 1 to 5). {@link io.github.rocklstm.eval.NGramBaselines} fits them all and
 * reports held-out perplexities, which is the figure a neural model has to beat.
 *
 * <p>Sets of chord progressions ({@link io.github.rocklstm.eval.KeyedProgression}: id, key, progression) are
 * measured at the level of chord changes (chords reduced to a {@link io.github.rocklstm.music.VocabularyLevel}, N and X
 * removed, equal neighbours merged), so the figures do not depend on a tokenizer's time mode. {@link
 * io.github.rocklstm.eval.ChordStatistics} reports chord-histogram entropy, coverage, {@link
 * io.github.rocklstm.eval.TonalCentroid} distance (Harte et al. 2006), unique-trigram ratio, mean chord length and
 * diatonic share, per progression ({@link io.github.rocklstm.eval.ProgressionStatistics}) and over a set. {@link
 * io.github.rocklstm.eval.Novelty} indexes the training songs in a suffix array and reports the share of generated
 * n-grams (n = 1..16) found in no training song and each generated progression's longest verbatim match, naming the
 * song. {@link io.github.rocklstm.eval.YangLerch} compares the distributions of per-sample features of a generated
 * and a reference set as Yang &amp; Lerch (2020) do: intra- and inter-set distances smoothed by a {@link
 * io.github.rocklstm.eval.GaussianKde} (Silverman's bandwidth), then KL divergence and overlapping area per feature.
 *
 * <p>Listening tests: {@link io.github.rocklstm.eval.ListeningAnswer} reads the answers a listener exports from the
 * test page (CSV, still blind), {@link io.github.rocklstm.eval.ListeningTestKey} (the separate key file) turns them into
 * {@link io.github.rocklstm.eval.ListeningJudgement}s, and {@link io.github.rocklstm.eval.ListeningTestResults} reports
 * discrimination accuracy with {@link io.github.rocklstm.eval.BinomialInterval}s (Wilson and Clopper-Pearson), the
 * exact binomial p-value against chance, and mean ratings of real and generated excerpts.
 *
 * <p>Convention shared by everything here: a token sequence starts with START and ends with END; scoring predicts
 * every token after the first, so END is predicted and START is not, and per-token figures divide by that count.
 *
 * <p>{@link io.github.rocklstm.eval.HarmonisationErrors} compares a chorale harmonisation with Bach's: ATB token
 * error rate and frame error rate, as BachBot reported them.
 */
package io.github.rocklstm.eval;
