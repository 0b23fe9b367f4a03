package io.github.rocklstm.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each constraint's mask on a batch, position by position. */
class ConstraintsTest {

  private static final float M = Float.NEGATIVE_INFINITY;
  private static final int VOCABULARY = 8;

  /** A batch of rows that all hold -1 (so masked entries stand out). */
  private static float[][] rows(int count) {
    float[][] rows = new float[count][VOCABULARY];
    for (float[] row : rows) {
      Arrays.fill(row, -1f);
    }
    return rows;
  }

  private static float[] expect(int... masked) {
    float[] row = new float[VOCABULARY];
    Arrays.fill(row, -1f);
    for (int token : masked) {
      row[token] = M;
    }
    return row;
  }

  private static float[] only(int token) {
    float[] row = new float[VOCABULARY];
    Arrays.fill(row, M);
    row[token] = -1f;
    return row;
  }

  @Test
  void bannedSpecialsAreMaskedInEveryRow() {
    float[][] rows = rows(2);
    BannedTokens.specials().apply(new int[][] {{1}, {1, 5}}, rows);
    assertArrayEquals(expect(0, 1, 3, 4), rows[0]);
    assertArrayEquals(expect(0, 1, 3, 4), rows[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BannedTokens.of(9).apply(new int[][] {{1}}, rows(1)));
    assertTrue(e.getMessage().contains("banned token 9 is outside the vocabulary (valid ids are 0..7)"));
    assertThrows(IllegalArgumentException.class, () -> BannedTokens.of(-1));
  }

  @Test
  void lengthLimitsForbidEndBeforeTheMinimumAndForceItAtTheMaximum() {
    // min 4, max 6: END at position 2 would give length 3 (masked); at 3 length 4 (allowed); at 5 it is forced.
    LengthLimits limits = new LengthLimits(4, 6);
    int[][] prefixes = {{1}, {1, 5}, {1, 5, 6}, {1, 5, 6, 7}, {1, 5, 6, 7, 5}};
    float[][] rows = rows(5);
    limits.apply(prefixes, rows);
    assertArrayEquals(expect(2), rows[0]);
    assertArrayEquals(expect(2), rows[1]);
    assertArrayEquals(expect(), rows[2]);
    assertArrayEquals(expect(), rows[3]);
    assertArrayEquals(only(2), rows[4]);
    IllegalArgumentException min = assertThrows(IllegalArgumentException.class, () -> new LengthLimits(1, 5));
    assertTrue(min.getMessage().contains("at least 2"), min.getMessage());
    IllegalArgumentException max = assertThrows(IllegalArgumentException.class, () -> new LengthLimits(5, 4));
    assertTrue(max.getMessage().contains("at least the minimum length 5, got 4"), max.getMessage());
  }

  @Test
  void fixedPositionsKeepOnlyTheirTokenAndKeepEndAwayBeforeTheLastOne() {
    FixedPositions fixed = FixedPositions.of(Map.of(3, 7, 5, 2));
    int[][] prefixes = {{1}, {1, 5}, {1, 5, 6}, {1, 5, 6, 7}, {1, 5, 6, 7, 5}};
    float[][] rows = rows(5);
    fixed.apply(prefixes, rows);
    assertArrayEquals(expect(2), rows[0]);
    assertArrayEquals(expect(2), rows[1]);
    assertArrayEquals(only(7), rows[2]);
    assertArrayEquals(expect(2), rows[3]);
    assertArrayEquals(only(2), rows[4]);
    float[][] after = rows(1);
    fixed.apply(new int[][] {{1, 5, 6, 7, 5, 2}}, after);
    assertArrayEquals(expect(), after[0]);
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> FixedPositions.of(Map.of(0, 1)));
    assertTrue(zero.getMessage().contains("position 0 is always START"), zero.getMessage());
    IllegalArgumentException end = assertThrows(IllegalArgumentException.class,
        () -> FixedPositions.of(Map.of(2, 2, 4, 6)));
    assertTrue(end.getMessage().contains("END is fixed at position 2, but position 4"), end.getMessage());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> FixedPositions.of(Map.of(1, 8)).apply(new int[][] {{1}}, rows(1)));
    assertTrue(outside.getMessage().contains("fixed token 8 at position 1 is outside"), outside.getMessage());
  }

  @Test
  void noCopyMasksTokensThatWouldCompleteATrainingNGram() {
    // Training START 5 6 7 END with N = 2: the trigrams (1,5,6) (5,6,7) (6,7,2) are forbidden.
    NoCopyConstraint guard = NoCopyConstraint.of(List.of(new int[] {1, 5, 6, 7, 2}), 2);
    int[][] prefixes = {{1}, {1, 5}, {1, 6, 5, 6}, {1, 5, 7}, {1, 5, 6, 7}};
    float[][] rows = rows(5);
    guard.apply(prefixes, rows);
    assertArrayEquals(expect(), rows[0]); // shorter than N: nothing to copy yet
    assertArrayEquals(expect(6), rows[1]);
    assertArrayEquals(expect(7), rows[2]);
    assertArrayEquals(expect(), rows[3]);
    assertArrayEquals(expect(2), rows[4]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NoCopyConstraint.of(List.of(new int[] {1, 2}), 0));
    assertTrue(e.getMessage().contains("at least 1 token, got 0"), e.getMessage());
  }
}
