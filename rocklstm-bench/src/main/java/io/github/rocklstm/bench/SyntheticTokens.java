package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;
import io.github.rocklstm.token.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token data for benchmarks, drawn uniformly from the non-special ids of a vocabulary with a fixed seed. Only the
 * shape matters for speed (LSTM and softmax cost the same for every id), so no corpus is read.
 */
public final class SyntheticTokens {

  private SyntheticTokens() {}

  /**
   * {@code count} sequences of {@code length} tokens each: START, {@code length - 2} tokens drawn from the
   * non-special ids, END.
   *
   * @param length at least 2
   * @param vocabularySize more than the five special ids
   */
  public static List<int[]> sequences(int count, int length, int vocabularySize, long seed) {
    Preconditions.checkArgument(count >= 1, "count must be >= 1, got %s", count);
    Preconditions.checkArgument(length >= 2, "length must be >= 2, got %s", length);
    checkVocabulary(vocabularySize);
    SplittableRandom random = new SplittableRandom(seed);
    List<int[]> sequences = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int[] sequence = new int[length];
      sequence[0] = Vocabulary.START_ID;
      for (int t = 1; t < length - 1; t++) {
        sequence[t] = draw(random, vocabularySize);
      }
      sequence[length - 1] = Vocabulary.END_ID;
      sequences.add(sequence);
    }
    return List.copyOf(sequences);
  }

  /** {@code steps} columns of {@code rows} non-special tokens: the inputs of successive session steps. */
  public static int[][] columns(int steps, int rows, int vocabularySize, long seed) {
    Preconditions.checkArgument(steps >= 1 && rows >= 1, "need steps >= 1 and rows >= 1, got %s and %s", steps,
        rows);
    checkVocabulary(vocabularySize);
    SplittableRandom random = new SplittableRandom(seed);
    int[][] columns = new int[steps][rows];
    for (int[] column : columns) {
      for (int r = 0; r < rows; r++) {
        column[r] = draw(random, vocabularySize);
      }
    }
    return columns;
  }

  private static void checkVocabulary(int vocabularySize) {
    Preconditions.checkArgument(vocabularySize > Vocabulary.MASK_ID + 1,
        "the vocabulary needs ids beyond the 5 specials, got %s", vocabularySize);
  }

  private static int draw(SplittableRandom random, int vocabularySize) {
    return random.nextInt(Vocabulary.MASK_ID + 1, vocabularySize);
  }
}
