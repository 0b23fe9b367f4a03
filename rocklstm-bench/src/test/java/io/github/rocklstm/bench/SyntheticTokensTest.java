package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.token.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticTokensTest {

  @Test
  void sequencesRunFromStartToEndOverNonSpecialIds() {
    List<int[]> sequences = SyntheticTokens.sequences(10, 65, 31, 7);
    assertEquals(10, sequences.size());
    for (int[] sequence : sequences) {
      assertEquals(65, sequence.length);
      assertEquals(Vocabulary.START_ID, sequence[0]);
      assertEquals(Vocabulary.END_ID, sequence[64]);
      for (int t = 1; t < 64; t++) {
        assertTrue(sequence[t] > Vocabulary.MASK_ID && sequence[t] < 31, "token " + sequence[t]);
      }
    }
    assertArrayEquals(sequences.get(3), SyntheticTokens.sequences(10, 65, 31, 7).get(3), "same seed, same tokens");
  }

  @Test
  void columnsHoldOneTokenPerRow() {
    int[][] columns = SyntheticTokens.columns(4, 256, 31, 7);
    assertEquals(4, columns.length);
    assertEquals(256, columns[0].length);
  }
}
