package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;

/** Argument checks for token ids, contexts and sequences shared by the language models of this package. */
final class TokenSequences {

  private TokenSequences() {}

  static void checkVocabularySize(int vocabularySize) {
    Preconditions.checkArgument(vocabularySize >= 1, "vocabulary size must be at least 1, got %s", vocabularySize);
  }

  static void checkOrder(int order, int minimum, int maximum) {
    Preconditions.checkArgument(order >= minimum && order <= maximum, "n-gram order must be %s..%s, got %s", minimum,
        maximum, order);
  }

  static void checkToken(int token, int vocabularySize) {
    if (token < 0 || token >= vocabularySize) {
      throw new IllegalArgumentException(
          "token id " + token + " is outside the vocabulary (valid ids are 0.." + (vocabularySize - 1) + ")");
    }
  }

  static void checkContext(int[] context, int vocabularySize) {
    Preconditions.checkNotNull(context, "context");
    for (int i = 0; i < context.length; i++) {
      if (context[i] < 0 || context[i] >= vocabularySize) {
        throw new IllegalArgumentException("context position " + i + ": token id " + context[i]
            + " is outside the vocabulary (valid ids are 0.." + (vocabularySize - 1) + ")");
      }
    }
  }

  /**
   * Checks one sequence of a training or scoring set: not null, at least two tokens (START and END), every id in
   * {@code [0, vocabularySize)}. {@code index} is the sequence's position in its iterable, for the message.
   */
  static void checkSequence(int[] sequence, long index, int vocabularySize) {
    if (sequence == null) {
      throw new IllegalArgumentException("sequence " + index + " is null");
    }
    if (sequence.length < 2) {
      throw new IllegalArgumentException("sequence " + index + (sequence.length == 0 ? " is empty" : " has one token")
          + ": a token sequence holds at least START and END (every token after the first is predicted)");
    }
    for (int i = 0; i < sequence.length; i++) {
      if (sequence[i] < 0 || sequence[i] >= vocabularySize) {
        throw new IllegalArgumentException("sequence " + index + ", position " + i + ": token id " + sequence[i]
            + " is outside the vocabulary (valid ids are 0.." + (vocabularySize - 1) + ")");
      }
    }
  }
}
