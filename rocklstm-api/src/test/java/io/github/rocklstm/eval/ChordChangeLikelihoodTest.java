package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.token.Vocabulary;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ChordChangeLikelihoodTest {

  // ids: 1 START, 2 END, 5 bar line, 6 C, 7 G, 8 F
  private static final IntPredicate CHORD = t -> t >= 6;

  @Test
  void countsChangesWithDuplicatesRemovedAndBarLinesSkipped() {
    // START C | C | G | G | C | F END: changes C, G, C, F, END = 5
    int[] sequence = {1, 6, 5, 6, 5, 7, 5, 7, 5, 6, 5, 8, 2};
    assertEquals(5, ChordChangeLikelihood.changes(sequence, 2, CHORD));
    assertEquals(1, ChordChangeLikelihood.changes(new int[] {1, 2}, 2, CHORD));
  }

  @Test
  void perChangeDividesTheWholeLogLikelihoodByTheChanges() {
    // Two sequences: 4 changes + 2 changes; 12 + 3 predicted tokens with a total of -9 nats.
    List<int[]> sequences = List.of(new int[] {1, 6, 5, 6, 5, 7, 5, 7, 5, 6, 5, 6, 5, 2}, new int[] {1, 8, 8, 2});
    Likelihood total = new Likelihood(-9.0, 16);
    Likelihood perChange = ChordChangeLikelihood.perChange(total, sequences, 2, CHORD);
    assertEquals(6, perChange.tokens());
    assertEquals(1.5, perChange.natsPerToken(), 1e-12);
    assertEquals(1.5 / Math.log(2), perChange.bitsPerToken(), 1e-12);
    assertEquals(Math.exp(1.5), perChange.perplexity(), 1e-12);
    assertEquals(9.0 / 16, total.natsPerToken(), 1e-12);
  }

  @Test
  void chordTokensOfAChordVocabularyAreTheChordsAndN() {
    Vocabulary vocabulary = Vocabulary.builder().add("|").add("<genre:rock>").add("<section:verse>").add("C:maj")
        .add("N").add("G:7").build();
    IntPredicate chord = ChordChangeLikelihood.chordTokens(vocabulary);
    for (int id = -1; id <= vocabulary.size(); id++) {
      boolean expected = id == vocabulary.idOf("C:maj") || id == vocabulary.idOf("N") || id == vocabulary.idOf("G:7");
      assertEquals(expected, chord.test(id), "id " + id);
    }
  }

  @Test
  void noChangesIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> ChordChangeLikelihood.perChange(Likelihood.ZERO, List.of(), 2, CHORD));
  }
}
