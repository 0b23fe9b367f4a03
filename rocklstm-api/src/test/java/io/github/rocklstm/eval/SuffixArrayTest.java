package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuffixArrayTest {

  @Test
  void bananaByHand() {
    // b a n a n a -1 as 1 0 2 0 2 0 -1. Suffixes sorted: 6 (-1), 5 (0 -1), 3 (0 2 0 -1), 1 (0 2 0 2 0 -1),
    // 0 (1 ...), 4 (2 0 -1), 2 (2 0 2 0 -1).
    SuffixArray array = new SuffixArray(new int[] {1, 0, 2, 0, 2, 0, -1});
    assertArrayEquals(new int[] {6, 5, 3, 1, 0, 4, 2}, IntStream.range(0, 7).map(array::suffix).toArray());
    // "a n a x": "a n a" is found (ranks 2..3: suffixes 3 and 1), x = 7 is not.
    assertArrayEquals(new int[] {3, 2, 4}, array.longestPrefixMatch(new int[] {0, 2, 0, 7}, 0));
    assertArrayEquals(new int[] {0, 0, 7}, array.longestPrefixMatch(new int[] {0, 2, 0, 7}, 3));
  }

  @Test
  void agreesWithSortingSuffixesDirectly() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int[] text = random.ints(1 + random.nextInt(300), 0, 1 + random.nextInt(4)).toArray();
      text[text.length - 1] = -1;
      Integer[] expected = IntStream.range(0, text.length).boxed().toArray(Integer[]::new);
      Comparator<Integer> bySuffix = (a, b) -> Arrays.compare(text, a, text.length, text, b, text.length);
      Arrays.sort(expected, bySuffix);
      SuffixArray array = new SuffixArray(text);
      for (int i = 0; i < text.length; i++) {
        assertEquals(expected[i], array.suffix(i), "trial " + trial + ", rank " + i);
      }
    }
  }
}
