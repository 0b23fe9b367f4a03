package io.github.rocklstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.token.ChordTokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ChordDataset#withTrainingTokens}: the same-size subsampling of the genre experiment. */
class ChordDatasetTokenBudgetTest {

  /** Training sequences with 2, 3, 4 and 5 target tokens (lengths 3..6): 14 tokens in all. */
  private static ChordDataset dataset() {
    ChordTokenizer tokenizer = ChordTokenizer.fit(ChordTokenizer.Settings.DEFAULT, List.of());
    ImmutableList<int[]> train = ImmutableList.of(new int[] {1, 5, 2}, new int[] {1, 5, 6, 2},
        new int[] {1, 5, 6, 5, 2}, new int[] {1, 6, 6, 6, 6, 2});
    ImmutableList<int[]> validation = ImmutableList.of(new int[] {1, 6, 2});
    return new ChordDataset("tiny", tokenizer, train, validation, ImmutableList.of(),
        ChordDataset.KeyHandling.NORMALIZE);
  }

  @Test
  void keepsWholeSequencesWithinTheBudget() {
    ChordDataset full = dataset();
    assertEquals(14, full.trainTokens());
    for (long seed = 0; seed < 10; seed++) {
      ChordDataset subset = full.withTrainingTokens(7, seed);
      assertTrue(subset.trainTokens() <= 7, "seed " + seed + ": " + subset.trainTokens());
      // Greedy in shuffled order, skipping what overshoots: at least 5 of the 7 tokens always fit (2+3, 2+4, 2+5...).
      assertTrue(subset.trainTokens() >= 5, "seed " + seed + ": " + subset.trainTokens());
      Set<int[]> original = new HashSet<>(full.train());
      subset.train().forEach(s -> assertTrue(original.contains(s)));
      assertSame(full.tokenizer(), subset.tokenizer());
      assertSame(full.validation(), subset.validation());
    }
    assertEquals(14, full.withTrainingTokens(14, 3).trainTokens());
    assertEquals(full.withTrainingTokens(7, 4).train(), full.withTrainingTokens(7, 4).train());
  }

  @Test
  void aBudgetBelowEverySequenceIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> dataset().withTrainingTokens(1, 1));
    assertThrows(IllegalArgumentException.class, () -> dataset().withTrainingTokens(0, 1));
  }
}
