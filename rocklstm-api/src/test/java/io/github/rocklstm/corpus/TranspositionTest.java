package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.MeterChange;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TranspositionTest {

  @Test
  void normalizeMovesAMajorSongToCMajor() {
    Song song = song("G:maj", "D:maj", "E:min", "C:maj");
    Song normal = Transposition.normalize(song);
    assertEquals("test:song@+5", normal.id());
    assertEquals("test:song", normal.workId());
    assertEquals(5, normal.transposition());
    assertEquals(Key.C_MAJOR, normal.key());
    assertEquals(song("C:maj", "G:maj", "A:min", "F:maj").progression(), normal.progression());
    assertEquals("test:song", normal.sourceId());
    // A key change moves with the chords.
    assertEquals(new KeyChange(2, Key.major(PitchClass.A_SHARP), KeySource.ANNOTATED), normal.keyChanges().get(0));
    // Metres stay.
    assertEquals(List.of(new MeterChange(3, new Meter(2, 4))), normal.progression().meterChanges());
  }

  @Test
  void normalizeMovesAMinorSongToAMinorTheShortWay() {
    Song song = new Song("test:m", "test:m", "T", "", OptionalInt.empty(), "rock", Key.minor(PitchClass.F),
        KeySource.ANNOTATED, ImmutableList.of(), progression("F:min", "C:7"), Path.of("m.txt"), 0);
    Song normal = Transposition.normalize(song);
    // F up 4 semitones is A (down 8 would be longer).
    assertEquals(4, normal.transposition());
    assertEquals(Key.A_MINOR, normal.key());
    assertEquals(progression("A:min", "E:7"), normal.progression());
  }

  @Test
  void allKeysGivesTwelveCopiesWithShiftSuffixesInOneSplit() {
    Song song = song("G:maj", "D:maj", "E:min", "C:maj");
    ImmutableList<Song> all = Transposition.allKeys(song);
    assertEquals(List.of("test:song@-5", "test:song@-4", "test:song@-3", "test:song@-2", "test:song@-1",
        "test:song@+0", "test:song@+1", "test:song@+2", "test:song@+3", "test:song@+4", "test:song@+5",
        "test:song@+6"), all.stream().map(Song::id).collect(Collectors.toList()));
    Set<PitchClass> tonics = all.stream().map(s -> s.key().tonic()).collect(Collectors.toSet());
    assertEquals(12, tonics.size());
    assertEquals(song.progression(), all.get(5).progression());
    assertEquals(1, all.stream().map(s -> Split.of(s.workId())).distinct().count());
    // From a transposed copy, the twelve are the same songs.
    assertEquals(all, Transposition.allKeys(all.get(9)));
  }

  @Test
  void normalizingRs200PutsEveryAnalysisInCMajorOrAMinor() {
    Corpus corpus = Corpus.of("rs200", TestCorpora.rs200().items());
    Corpus normal = Transposition.normalize(corpus);
    assertEquals(corpus.size(), normal.size());
    assertEquals(corpus.eventCount(), normal.eventCount());
    for (Song song : normal.songs()) {
      assertEquals(song.key().mode() == Mode.MAJOR ? PitchClass.C : PitchClass.A, song.key().tonic(), song.id());
      assertTrue(song.transposition() >= -5 && song.transposition() <= 6);
    }
    // The split of the normalised corpus is the split of the corpus.
    assertEquals(ids(corpus.test()), normal.test().songs().stream().map(Song::sourceId).collect(Collectors.toSet()));
    Corpus twelve = Transposition.allKeys(corpus.filter("rs200-few", s -> s.workId().startsWith("rs200:a_")));
    assertEquals(12 * corpus.filter("few", s -> s.workId().startsWith("rs200:a_")).size(), twelve.size());
  }

  private static Set<String> ids(Corpus corpus) {
    return corpus.songs().stream().map(Song::id).collect(Collectors.toCollection(HashSet::new));
  }

  private static Song song(String... harte) {
    return new Song("test:song", "test:song", "Test", "Nobody", OptionalInt.empty(), "rock", Key.major(PitchClass.G),
        KeySource.ANNOTATED, ImmutableList.of(new KeyChange(2, Key.major(PitchClass.F), KeySource.ANNOTATED)),
        progression(harte), Path.of("song.txt"), 0);
  }

  /** Four-beat chords in 4/4, from the fourth on in 2/4. */
  private static ChordProgression progression(String... harte) {
    ImmutableList<MeterChange> meters = harte.length > 3
        ? ImmutableList.of(new MeterChange(3, new Meter(2, 4))) : ImmutableList.of();
    return new ChordProgression(List.of(harte).stream().map(h -> new ChordEvent(ChordSymbols.parseHarte(h), 4))
        .collect(ImmutableList.toImmutableList()), Meter.COMMON_TIME, ImmutableList.of(), meters);
  }
}
