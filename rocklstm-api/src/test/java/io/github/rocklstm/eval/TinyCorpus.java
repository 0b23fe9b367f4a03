package io.github.rocklstm.eval;

import java.util.List;

/**
 * The hand-computed test corpus: three sequences over six ids.
 *
 * <pre>
 *   ids:  PAD=0  START=1  END=2  A=3  B=4  C=5        V = 6
 *   s1 = START B B C B C A END
 *   s2 = START A B B B C END
 *   s3 = START A B B END
 * </pre>
 *
 * 7 + 6 + 4 = 17 predicted tokens: B 8 times, A 3, C 3, END 3, START and PAD never.
 */
final class TinyCorpus {

  static final int PAD = 0;
  static final int START = 1;
  static final int END = 2;
  static final int A = 3;
  static final int B = 4;
  static final int C = 5;
  static final int V = 6;

  static final List<int[]> SEQUENCES = List.of(
      new int[] {START, B, B, C, B, C, A, END},
      new int[] {START, A, B, B, B, C, END},
      new int[] {START, A, B, B, END});

  private TinyCorpus() {}
}
