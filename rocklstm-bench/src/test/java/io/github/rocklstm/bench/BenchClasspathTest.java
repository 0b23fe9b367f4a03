package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchClasspathTest {

  @Test
  void bothBackendsAreDiscoverableAndAvailable() {
    List<Backend> backends = Backends.all();
    assertEquals(List.of("djl", "dl4j"), backends.stream().map(Backend::name).toList());
    for (Backend backend : backends) {
      assertTrue(backend.isAvailable(), backend.name() + ": " + backend.unavailableReason());
    }
  }

  @Test
  void chordVocabularyIsTheMajMinPerBarTokenizers() {
    ChordTokenizer tokenizer = ChordTokenizer.withAllChords(
        new ChordTokenizer.Settings(VocabularyLevel.MAJMIN, ChordTokenizer.TimeMode.PER_BAR, false, false),
        List.of(), List.of());
    assertEquals(tokenizer.vocabulary().size(), BenchmarkShapes.CHORD_VOCABULARY);
  }

  @Test
  void progressionShape() {
    assertEquals(128, BenchmarkShapes.CHORDS_PER_PROGRESSION);
    assertEquals(160, BenchmarkShapes.PROGRESSION_TOKENS);
    assertEquals(161, BenchmarkShapes.GENERATED_TOKENS_PER_PROGRESSION);
  }
}
