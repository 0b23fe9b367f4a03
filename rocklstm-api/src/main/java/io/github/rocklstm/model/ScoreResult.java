package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * Teacher-forced log-likelihood of a list of sequences, as {@link SequenceModel#score} computes it.
 *
 * <p>For a sequence {@code s} of length {@code n} (which starts with START), the model predicts {@code s[1]} from
 * {@code s[0]}, {@code s[2]} from {@code s[0..1]}, ..., {@code s[n-1]} (END) from {@code s[0..n-2]}: {@code n - 1}
 * predictions. {@link #tokenLogProbabilities(int)} holds {@code ln p(s[t] | s[0..t-1])} for {@code t = 1..n-1};
 * a sequence's log-likelihood is their sum. All values are natural logarithms (nats).
 */
public final class ScoreResult {

  private final float[][] tokenLogProbabilities;
  private final double[] logLikelihoods;
  private final double totalLogLikelihood;
  private final long tokenCount;

  /**
   * A result holding the given per-token log-probabilities; the arrays are taken over, not copied.
   *
   * @param tokenLogProbabilities one array per sequence, of length (sequence length - 1)
   */
  public ScoreResult(float[][] tokenLogProbabilities) {
    Preconditions.checkNotNull(tokenLogProbabilities, "tokenLogProbabilities");
    this.tokenLogProbabilities = tokenLogProbabilities;
    this.logLikelihoods = new double[tokenLogProbabilities.length];
    double total = 0;
    long count = 0;
    for (int i = 0; i < tokenLogProbabilities.length; i++) {
      double sum = 0;
      for (float logProbability : tokenLogProbabilities[i]) {
        sum += logProbability;
      }
      logLikelihoods[i] = sum;
      total += sum;
      count += tokenLogProbabilities[i].length;
    }
    this.totalLogLikelihood = total;
    this.tokenCount = count;
  }

  /** The number of sequences scored. */
  public int sequenceCount() {
    return logLikelihoods.length;
  }

  /** {@code ln p(s[t] | s[0..t-1])} for {@code t = 1..n-1} of sequence {@code index} (a copy). */
  public float[] tokenLogProbabilities(int index) {
    return tokenLogProbabilities[index].clone();
  }

  /** {@code ln p(s[t] | s[0..t-1])} of sequence {@code index} at {@code t = position + 1}, without copying. */
  public float tokenLogProbability(int index, int position) {
    return tokenLogProbabilities[index][position];
  }

  /** The log-likelihood of sequence {@code index} in nats: the sum of its token log-probabilities. */
  public double logLikelihood(int index) {
    return logLikelihoods[index];
  }

  /** The log-likelihood of every sequence in nats (a copy). */
  public double[] logLikelihoods() {
    return logLikelihoods.clone();
  }

  /** The sum of all sequences' log-likelihoods in nats. */
  public double totalLogLikelihood() {
    return totalLogLikelihood;
  }

  /** The number of predicted tokens: the sum of (length - 1) over all sequences. */
  public long tokenCount() {
    return tokenCount;
  }

  /** Mean negative log-likelihood per predicted token, in nats (the cross-entropy). */
  public double natsPerToken() {
    return -totalLogLikelihood / tokenCount;
  }

  /** Mean negative log-likelihood per predicted token, in bits. */
  public double bitsPerToken() {
    return natsPerToken() / Math.log(2);
  }

  /** {@code exp(natsPerToken())}. */
  public double perplexity() {
    return Math.exp(natsPerToken());
  }

  @Override
  public String toString() {
    return "ScoreResult{sequences=" + sequenceCount() + ", tokens=" + tokenCount + ", natsPerToken="
        + natsPerToken() + ", perplexity=" + perplexity() + ", logLikelihoods="
        + (logLikelihoods.length <= 5 ? Arrays.toString(logLikelihoods) : "[...]") + "}";
  }
}
