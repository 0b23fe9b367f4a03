package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * A probability distribution over the next token given the tokens before it, for sequences of int token ids in
 * {@code [0, vocabularySize())}: the interface of the count-based baselines ({@link UnigramModel}, {@link
 * KneserNeyModel}).
 *
 * <p>Every token id of the vocabulary gets a probability, and for every context the probabilities sum to 1 over the
 * vocabulary. A model of order {@code n} looks at the last {@code n - 1} tokens of the context; a shorter context is
 * taken to be the whole history (the start of a sequence). Sequences follow the convention of {@link Likelihood}:
 * START first, END last, every token after the first predicted.
 *
 * <p>Token ids outside the vocabulary, empty or one-token sequences give an {@link IllegalArgumentException} saying
 * which sequence and position hold the offending id.
 */
public interface LanguageModel {

  /** The n-gram order: how many tokens, the predicted one included, the model looks at (1 = unigram). */
  int order();

  /** Number of token ids; valid ids are {@code 0 .. vocabularySize() - 1}. */
  int vocabularySize();

  /**
   * The natural log of the probability of {@code token} following {@code context}.
   *
   * @param context the tokens before the predicted one, oldest first (usually starting with START); only the last
   *     {@code order() - 1} are used, and it may be shorter or empty
   * @param token the predicted token id
   * @return {@code ln p(token | context)}, at most 0
   */
  double logProbability(int[] context, int token);

  /** The whole distribution after {@code context}: entry {@code t} is {@code p(t | context)}; it sums to 1. */
  default double[] probabilities(int[] context) {
    double[] probabilities = new double[vocabularySize()];
    for (int token = 0; token < probabilities.length; token++) {
      probabilities[token] = Math.exp(logProbability(context, token));
    }
    return probabilities;
  }

  /**
   * The log-likelihood of the sequences: every token after the first of each sequence is predicted from the
   * tokens before it in the same sequence (no context crosses sequence boundaries).
   *
   * @throws IllegalArgumentException when there are no sequences, or one is empty, has a single token or holds an id
   *     outside the vocabulary
   */
  default Likelihood score(Iterable<int[]> sequences) {
    Preconditions.checkNotNull(sequences, "sequences");
    int history = order() - 1;
    double logLikelihood = 0;
    long tokens = 0;
    long index = 0;
    for (int[] sequence : sequences) {
      TokenSequences.checkSequence(sequence, index++, vocabularySize());
      for (int i = 1; i < sequence.length; i++) {
        logLikelihood += logProbability(Arrays.copyOfRange(sequence, Math.max(0, i - history), i), sequence[i]);
      }
      tokens += sequence.length - 1;
    }
    Preconditions.checkArgument(index > 0, "no sequences to score");
    return new Likelihood(logLikelihood, tokens);
  }
}
