package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import java.util.List;

/** Argument checks for token sequences, with messages that name the sequence, the position and the value. */
public final class Sequences {

  private Sequences() {}

  /**
   * Checks that {@code sequences} is a usable list of token sequences for a model of {@code vocabularySize}
   * tokens: no null entries, each at least 2 tokens long (START ... END), every id in {@code [0, vocabularySize)}.
   *
   * @param role names the list in messages, e.g. "training" or "validation"
   * @param allowEmpty whether an empty list is acceptable
   * @throws IllegalArgumentException naming the role, the sequence index, the position and the offending value
   */
  public static void check(List<int[]> sequences, int vocabularySize, String role, boolean allowEmpty) {
    Preconditions.checkNotNull(sequences, "%s sequences", role);
    if (sequences.isEmpty() && !allowEmpty) {
      throw new IllegalArgumentException("no " + role + " sequences given; at least one is needed");
    }
    for (int i = 0; i < sequences.size(); i++) {
      int[] sequence = sequences.get(i);
      if (sequence == null) {
        throw new IllegalArgumentException(role + " sequence " + i + " is null");
      }
      if (sequence.length < 2) {
        throw new IllegalArgumentException(
            role + " sequence " + i + " has " + sequence.length + " token(s); a sequence needs at least 2 "
                + "(START, then the tokens to predict, ending with END)");
      }
      for (int t = 0; t < sequence.length; t++) {
        if (sequence[t] < 0 || sequence[t] >= vocabularySize) {
          throw new IllegalArgumentException(
              role + " sequence " + i + ", position " + t + ": token id " + sequence[t]
                  + " is outside the vocabulary [0, " + vocabularySize + ")");
        }
      }
    }
  }

  /** Checks one token per row for a session step: the length and every id. */
  public static void checkStep(int[] tokens, int batchSize, int vocabularySize) {
    Preconditions.checkNotNull(tokens, "tokens");
    if (tokens.length != batchSize) {
      throw new IllegalArgumentException(
          "step needs one token per row: " + batchSize + " rows but " + tokens.length + " tokens");
    }
    for (int row = 0; row < tokens.length; row++) {
      if (tokens[row] < 0 || tokens[row] >= vocabularySize) {
        throw new IllegalArgumentException(
            "step row " + row + ": token id " + tokens[row] + " is outside the vocabulary [0, " + vocabularySize
                + ")");
      }
    }
  }
}
