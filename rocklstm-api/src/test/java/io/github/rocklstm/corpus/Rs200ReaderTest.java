package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rs200ReaderTest {

  private static final String SONG = "[C] I | IV . V . | | vi [A] I |\n";

  @TempDir Path temp;

  @Test
  void readsAll400AnalysesStrictlyWithoutProblems() {
    ReadResult<Song> result = TestCorpora.rs200();
    assertTrue(result.clean());
    assertEquals(400, result.items().size());
    Map<String, List<String>> byWork = result.items().stream().collect(
        Collectors.groupingBy(Song::workId, Collectors.mapping(Song::id, Collectors.toList())));
    assertEquals(200, byWork.size());
    byWork.forEach((work, ids) -> assertEquals(List.of(work + ":dt", work + ":tdc"), ids));
    Corpus corpus = Corpus.of("rs200", result.items());
    // Cross-checked with awk: every chord symbol, plus one event per empty bar and per bar starting with '.'.
    assertEquals(53_023, corpus.eventCount());
    // 204 distinct symbols (R included) give 229 distinct chords: one numeral is a different chord in each key.
    assertEquals(229, corpus.distinctChords().size());
    List<Song> songs = result.items();
    assertEquals(391, songs.stream().filter(s -> s.keySource() == KeySource.ANNOTATED).count());
    assertEquals(9, songs.stream().filter(s -> s.keySource() == KeySource.MODE_ESTIMATED).count());
    assertEquals(70, songs.stream().filter(s -> s.key().mode() == Mode.MINOR).count());
    // 66 analyses name more than one tonic (README: 334 one tonic, 66 two to five).
    assertEquals(66, songs.stream().filter(s -> !s.keyChanges().isEmpty()).count());
    assertEquals(102 * 2, songs.stream().filter(s -> s.genre().equals("rock")).count());
    assertTrue(songs.stream().allMatch(s -> s.year().isPresent() && !s.artist().isEmpty()));
  }

  @Test
  void aHardDaysNightByTemperley() {
    Song song = TestCorpora.song(TestCorpora.rs200(), "rs200:a_hard_days_night:dt");
    assertEquals("rs200:a_hard_days_night", song.workId());
    assertEquals("A Hard Day's Night", song.title());
    assertEquals("The Beatles", song.artist());
    assertEquals(OptionalInt.of(1964), song.year());
    assertEquals("rock", song.genre());
    assertEquals(Meter.COMMON_TIME, song.meter());
    // [G]; CoCoPops **kern: *G: (major).
    assertEquals(Key.major(PitchClass.G), song.key());
    assertEquals(KeySource.ANNOTATED, song.keySource());
    // [G] v7 | I IV | I | bVII | I | . IV | ...
    assertEquals(List.of(event("D:min7", 4), event("G:maj", 2), event("C:maj", 2), event("G:maj", 4),
        event("F:maj", 4), event("G:maj", 4), event("G:maj", 2), event("C:maj", 2)),
        song.progression().events().subList(0, 8));
    // 84 bars; ends 'v7 | | | |': D:min7 for four bars, one event per bar.
    assertEquals(103, song.progression().events().size());
    assertEquals(84 * 4, song.progression().totalBeats(), 1e-9);
    assertEquals(List.of(event("D:min7", 4), event("D:min7", 4), event("D:min7", 4), event("D:min7", 4)),
        song.progression().events().subList(99, 103));
    assertEquals(105, TestCorpora.song(TestCorpora.rs200(), "rs200:a_hard_days_night:tdc")
        .progression().events().size());
  }

  @Test
  void aTonicChangeInsideABarStartsAtItsSlot() {
    // crazy_dt: [Bb] ... | I [B] V7 | ...: Bb for two beats, then V7 of B (F#7).
    Song song = TestCorpora.song(TestCorpora.rs200(), "rs200:crazy:dt");
    assertEquals(PitchClass.A_SHARP, song.key().tonic());
    KeyChange change = song.keyChanges().get(0);
    assertEquals(PitchClass.B, change.key().tonic());
    List<ChordEvent> events = song.progression().events();
    assertEquals(event("Bb:maj", 2), events.get(change.startEvent() - 1));
    assertEquals(event("F#:7", 2), events.get(change.startEvent()));
  }

  @Test
  void readsASmallFileExactly() throws Exception {
    Song song = readOne(BadInput.write(temp.resolve("song_dt.txt"), "Warning: 'In' is defined but never used\n"
        + SONG));
    assertEquals("rs200:song:dt", song.id());
    assertEquals("rs200:song", song.workId());
    assertEquals(List.of(event("C:maj", 4), event("F:maj", 2), event("G:maj", 2), event("G:maj", 4),
        event("A:min", 2), event("A:maj", 2)), song.progression().events());
    assertEquals(Key.major(PitchClass.C), song.key());
    assertEquals(List.of(new KeyChange(5, Key.major(PitchClass.A), KeySource.MODE_ESTIMATED)), song.keyChanges());
  }

  @Test
  void bothAnalystsOfASongShareTheWorkId() throws Exception {
    BadInput.write(temp.resolve("song_dt.txt"), SONG);
    BadInput.write(temp.resolve("song_tdc.txt"), SONG);
    ReadResult<Song> result = new Rs200Reader().read(temp, ReadMode.STRICT);
    assertEquals(List.of("rs200:song:dt", "rs200:song:tdc"),
        result.items().stream().map(Song::id).collect(Collectors.toList()));
    assertEquals(Split.of("rs200:song"), Split.of(result.items().get(1).workId()));
  }

  @Test
  void crlfLineEndsReadTheSame() throws Exception {
    Song lf = readOne(BadInput.write(temp.resolve("lf/song_dt.txt"), "Warning: x\n" + SONG));
    Song crlf = readOne(BadInput.writeCrlf(temp.resolve("crlf/song_dt.txt"), "Warning: x\n" + SONG));
    assertEquals(lf.progression(), crlf.progression());
  }

  @Test
  void unknownChordNamesFileLineBarAndWhatIsValid() throws Exception {
    Path file = BadInput.write(temp.resolve("song_dt.txt"), "[C] I | IVq | V |\n");
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new Rs200Reader().readFile(file, ReadMode.STRICT));
    assertEquals(1, e.position().line());
    assertEquals("IVq |", e.position().text());
    assertTrue(e.problem().startsWith("unknown chord 'IVq': cannot read"), e.problem());
    assertTrue(e.problem().contains("expected"), e.problem());
    ReadResult<Song> lenient = new Rs200Reader().readFile(file, ReadMode.LENIENT);
    assertEquals(1, lenient.problems().size());
    assertEquals(List.of(event("C:maj", 4), event("G:maj", 4)), lenient.items().get(0).progression().events());
  }

  @Test
  void truncatedEmptyAndBinaryFiles() throws Exception {
    Path cut = BadInput.write(temp.resolve("a_dt.txt"), BadInput.truncated(SONG, SONG.indexOf("[A]")));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new Rs200Reader().readFile(cut, ReadMode.STRICT));
    assertTrue(e.problem().contains("not closed with '|': truncated?"), e.problem());
    assertEquals("vi", e.position().text());
    Path empty = BadInput.write(temp.resolve("b_dt.txt"), "Warning: 'In' is defined but never used\n");
    e = assertThrows(CorpusFormatException.class, () -> new Rs200Reader().readFile(empty, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("empty file"), e.problem());
    Path garbage = BadInput.writeGarbage(temp.resolve("c_dt.txt"));
    e = assertThrows(CorpusFormatException.class, () -> new Rs200Reader().readFile(garbage, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("not a text file"), e.problem());
    Path noTonic = BadInput.write(temp.resolve("d_dt.txt"), "I | IV |\n");
    e = assertThrows(CorpusFormatException.class, () -> new Rs200Reader().readFile(noTonic, ReadMode.STRICT));
    assertTrue(e.problem().contains("before any tonic marker"), e.problem());
    ReadResult<Song> lenient = new Rs200Reader().read(temp, ReadMode.LENIENT);
    assertEquals(List.of("rs200:a:dt"), lenient.items().stream().map(Song::id).collect(Collectors.toList()));
    assertEquals(List.of(cut, empty, garbage, noTonic, noTonic, noTonic),
        lenient.problems().stream().map(p -> p.position().file()).collect(Collectors.toList()));
  }

  private static Song readOne(Path file) {
    ReadResult<Song> result = new Rs200Reader().readFile(file, ReadMode.STRICT);
    assertEquals(1, result.items().size());
    return result.items().get(0);
  }

  private static ChordEvent event(String harte, double beats) {
    return new ChordEvent(ChordSymbols.parseHarte(harte), beats);
  }
}
