package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeterministicRandomTest {

  @Test
  void matchesPublishedSplitMix64Output() {
    // SplitMix64 seeded with 0: the first outputs of the reference implementation (Vigna's splitmix64.c).
    DeterministicRandom random = new DeterministicRandom(0);
    assertEquals(0xE220A8397B1DCDAFL, random.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, random.nextLong());
    assertEquals(0x06C45D188009454FL, random.nextLong());
  }

  @Test
  void intsAreInRangeAndRoughlyUniform() {
    DeterministicRandom random = new DeterministicRandom(7);
    int[] counts = new int[6];
    for (int i = 0; i < 60_000; i++) {
      counts[random.nextInt(6)]++;
    }
    for (int count : counts) {
      assertTrue(count > 9_500 && count < 10_500, "count " + count);
    }
  }

  @Test
  void gaussiansHaveUnitVariance() {
    DeterministicRandom random = new DeterministicRandom(11);
    double sum = 0;
    double squares = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      double x = random.nextGaussian();
      sum += x;
      squares += x * x;
    }
    assertEquals(0, sum / n, 0.02);
    assertEquals(1, squares / n, 0.02);
  }

  @Test
  void shuffleIsAPermutationFixedBySeed() {
    int[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] b = a.clone();
    new DeterministicRandom(3).shuffle(a);
    new DeterministicRandom(3).shuffle(b);
    assertArrayEquals(a, b);
    assertEquals(45, java.util.Arrays.stream(a).sum());
    assertEquals(10, java.util.Arrays.stream(a).distinct().count());
    assertNotEquals(DeterministicRandom.mix(42, 1), DeterministicRandom.mix(42, 2));
    assertNotEquals(DeterministicRandom.mix(1, 42), DeterministicRandom.mix(2, 42));
  }
}
