package io.github.rocklstm.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Test-only probability tables over a small vocabulary: PAD 0, START 1, END 2, UNK 3, MASK 4, then the symbols
 * A 5, B 6, C 7 (and more for larger vocabularies).
 */
final class Tables {

  static final int PAD = 0;
  static final int START = 1;
  static final int END = 2;
  static final int UNK = 3;
  static final int MASK = 4;
  static final int A = 5;
  static final int B = 6;
  static final int C = 7;

  private Tables() {}

  /** A vocabulary-sized row with the given (token, probability) pairs and 0 elsewhere. */
  static double[] row(int vocabularySize, double... tokenProbabilityPairs) {
    double[] row = new double[vocabularySize];
    for (int i = 0; i < tokenProbabilityPairs.length; i += 2) {
      row[(int) tokenProbabilityPairs[i]] = tokenProbabilityPairs[i + 1];
    }
    return row;
  }

  /**
   * The beam-search table: greedy decoding finds START A C END (0.6 * 0.55 = 0.33), but START B C END
   * (0.4 * 0.9 = 0.36) is the most probable sequence. All sequences: A C .33, A B C .243, A B END .027, B C .36,
   * B END .04 (sum 1).
   */
  static FakeModel beamTable() {
    double[][] p = new double[8][];
    for (int i = 0; i < 8; i++) {
      p[i] = new double[8];
    }
    p[START] = row(8, A, .6, B, .4);
    p[A] = row(8, C, .55, B, .45);
    p[B] = row(8, C, .9, END, .1);
    p[C] = row(8, END, 1);
    return FakeModel.bigram(p);
  }

  /**
   * A random bigram table over {@code vocabularySize} tokens: every row gives every token some probability
   * (specials included, so bans matter), with END weighted by {@code endWeight} and one favourite successor per
   * token getting extra weight (so that sampled sequences repeat n-grams).
   */
  static FakeModel randomBigram(long seed, int vocabularySize, double endWeight) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] p = new double[vocabularySize][vocabularySize];
    for (int i = 0; i < vocabularySize; i++) {
      double sum = 0;
      for (int j = 0; j < vocabularySize; j++) {
        p[i][j] = 0.05 + random.nextDouble();
      }
      p[i][END] = endWeight;
      p[i][A + random.nextInt(vocabularySize - A)] += 4;
      for (int j = 0; j < vocabularySize; j++) {
        sum += p[i][j];
      }
      for (int j = 0; j < vocabularySize; j++) {
        p[i][j] /= sum;
      }
    }
    return FakeModel.bigram(p);
  }

  /**
   * A random model over {@code vocabularySize} tokens whose next-token distribution depends on the last two
   * tokens (a trigram table), END getting a fair share.
   */
  static FakeModel historyDependent(long seed, int vocabularySize) {
    double[][][] logs = new double[vocabularySize][vocabularySize][];
    SplittableRandom random = new SplittableRandom(seed);
    for (int a = 0; a < vocabularySize; a++) {
      for (int b = 0; b < vocabularySize; b++) {
        double[] row = new double[vocabularySize];
        double sum = 0;
        for (int t = 0; t < vocabularySize; t++) {
          row[t] = Math.pow(random.nextDouble(), 3);
          sum += row[t];
        }
        for (int t = 0; t < vocabularySize; t++) {
          row[t] = Math.log(row[t] / sum);
        }
        logs[a][b] = row;
      }
    }
    return new FakeModel(vocabularySize, history -> logs[history.length >= 2 ? history[history.length - 2] : 0]
        [history[history.length - 1]]);
  }

  /** Every n-gram of length {@code n} of the sequences, as lists. */
  static Set<List<Integer>> ngrams(List<int[]> sequences, int n) {
    Set<List<Integer>> set = new HashSet<>();
    for (int[] sequence : sequences) {
      for (int start = 0; start + n <= sequence.length; start++) {
        set.add(window(sequence, start, n));
      }
    }
    return set;
  }

  static List<Integer> window(int[] sequence, int start, int n) {
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(sequence[start + i]);
    }
    return list;
  }

  /** How many length-{@code n} windows of {@code sequence} lie in {@code ngrams}. */
  static int copiedWindows(int[] sequence, Set<List<Integer>> ngrams, int n) {
    int copied = 0;
    for (int start = 0; start + n <= sequence.length; start++) {
      if (ngrams.contains(window(sequence, start, n))) {
        copied++;
      }
    }
    return copied;
  }
}
