package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.MeterChange;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Section;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BillboardReaderTest {

  private static final String SONG = String.join("\n",
      "# title: Test Song",
      "# artist: Test Artist",
      "# metre: 4/4",
      "# tonic: G",
      "",
      "0.0\tsilence",
      "0.5\tA, intro, | G:maj | C:maj . D:maj . |, (guitar)",
      "4.2\tB, verse, | E:min | (2/4) A:min7 | x2",
      "9.0\t| N | G:maj/3 |",
      "12.0\tsilence",
      "13.0\tend",
      "");

  @TempDir Path temp;

  // ------------------------------------------------------------------------------------------ the real corpus

  @Test
  void readsAll890ChartSlotsStrictlyWithoutProblems() {
    ReadResult<Song> slots = TestCorpora.billboardAllSlots();
    assertEquals(890, slots.items().size());
    assertTrue(slots.clean());
    // Cross-checked with awk over the files (x N repeats expanded, '.' merged): 117,459 events.
    assertEquals(117_459, slots.items().stream().mapToInt(s -> s.progression().events().size()).sum());
    // 977 distinct raw slot labels (awk), of which '*' and '&pause' read as N and enharmonic spellings of one
    // chord (Ab:maj/5 and G#:maj/5) coincide: 908 distinct chords, the same 908 without the duplicates.
    assertEquals(908, Corpus.of("all", slots.items()).distinctChords().size());
  }

  @Test
  void removes151DuplicateChartSlotsKeepingTheLowestId() {
    BillboardReader.Deduplication dedup = TestCorpora.billboardDeduplicated();
    assertEquals(739, dedup.kept().size());
    assertEquals(151, dedup.removed().size());
    Set<String> keptTitles = new HashSet<>();
    for (Song song : dedup.kept()) {
      assertTrue(keptTitles.add((song.title() + "|" + song.artist()).toLowerCase()), song.toString());
    }
    for (Song removed : dedup.removed()) {
      Song twin = dedup.kept().stream()
          .filter(s -> s.title().equalsIgnoreCase(removed.title()) && s.artist().equalsIgnoreCase(removed.artist()))
          .findFirst().orElseThrow();
      assertTrue(twin.id().compareTo(removed.id()) < 0, twin.id() + " vs " + removed.id());
    }
    // Heart, "Crazy On You": chart slots 33 and 73.
    assertTrue(dedup.kept().stream().anyMatch(s -> s.id().equals("billboard:0033")));
    assertTrue(dedup.removed().stream().anyMatch(s -> s.id().equals("billboard:0073")));
  }

  @Test
  void countsOfTheDeduplicatedCorpus() {
    Corpus corpus = Corpus.of("billboard", TestCorpora.billboardDeduplicated().kept());
    assertEquals(97_641, corpus.eventCount());
    assertEquals(908, corpus.distinctChords().size());
    List<Song> songs = corpus.songs();
    assertEquals(725, songs.stream().filter(s -> s.keySource() == KeySource.ANNOTATED).count());
    assertEquals(14, songs.stream().filter(s -> s.keySource() == KeySource.MODE_ESTIMATED).count());
    assertEquals(127, songs.stream().filter(s -> s.key().mode() == Mode.MINOR).count());
    assertEquals(111, songs.stream().mapToInt(s -> s.keyChanges().size()).sum());
    assertTrue(songs.stream().allMatch(s -> s.year().isPresent() && s.genre().equals(Song.POP_ROCK)));
  }

  @Test
  void song0003AsInTheReadme() {
    Song song = TestCorpora.song(TestCorpora.billboardAllSlots(), "billboard:0003");
    assertEquals("I Don't mind", song.title());
    assertEquals("James Brown", song.artist());
    assertEquals(OptionalInt.of(1961), song.year());
    assertEquals(new Meter(6, 8), song.meter());
    // Tonic C from '# tonic: C'; major from CoCoPops JamesBrown_IDontMind_1961.hum ('*C:').
    assertEquals(Key.major(PitchClass.C), song.key());
    assertEquals(KeySource.ANNOTATED, song.keySource());
    // 6/8 has 2 beats, one chord per bar: | A:min | A:min | C:maj | C:maj | ...
    assertEquals(List.of(event("A:min", 2), event("A:min", 2), event("C:maj", 2), event("C:maj", 2),
        event("A:min", 2), event("A:min", 2), event("C:maj", 2), event("C:maj", 2)),
        song.progression().events().subList(0, 8));
    assertEquals(85, song.progression().events().size());
    assertEquals(170, song.progression().totalBeats(), 1e-9);
    assertEquals(List.of(new Section("intro", 0), new Section("verse", 12), new Section("verse", 28),
        new Section("interlude", 44), new Section("verse", 60), new Section("interlude", 76)),
        song.progression().sections());
  }

  @Test
  void dotsBarLocalMetresRepeatsAndNoHarmony() {
    // 0025, line 8: | A:min D:min/5 A:min D:min/5 | x4 bars; line 11: | G:maj . F:maj . | (2/4) E:min . |
    Song chicago = TestCorpora.song(TestCorpora.billboardAllSlots(), "billboard:0025");
    assertEquals("Chicago", chicago.title());
    ImmutableList<ChordEvent> events = chicago.progression().events();
    assertEquals(List.of(event("A:min", 1), event("D:min/5", 1), event("A:min", 1), event("D:min/5", 1)),
        events.subList(0, 4));
    // intro 16 + verse 16 + 15 (last bar 'A:min D:min/5 A:min .'), then the chorus lines.
    assertEquals(event("A:min", 2), events.get(46));
    assertEquals(List.of(event("G:maj", 2), event("F:maj", 2), event("E:min", 4), event("G:maj", 2),
        event("F:maj", 2), event("E:min", 2)), events.subList(47, 53));
    // The 2/4 bar is a metre change there and back (lines 11, 17 and 25 have one each).
    ChordProgression progression = chicago.progression();
    assertEquals(List.of(new MeterChange(52, new Meter(2, 4)), new MeterChange(53, Meter.COMMON_TIME)),
        progression.meterChanges().subList(0, 2));
    assertEquals(6, progression.meterChanges().size());
    assertEquals(Meter.COMMON_TIME, progression.meterAt(51));
    assertEquals(new Meter(2, 4), progression.meterAt(52));
    assertEquals(Meter.COMMON_TIME, progression.meterAt(53));
    // 0033, Heart: '| * | x15' is 15 bars without harmony, '&pause' a held pause: both no-chord.
    Song heart = TestCorpora.song(TestCorpora.billboardAllSlots(), "billboard:0033");
    for (int i = 0; i < 15; i++) {
      assertEquals(new ChordEvent(Chord.NO_CHORD, 4), heart.progression().events().get(i));
    }
    assertEquals(List.of(event("C:maj/5", 4), event("F#:hdim7", 4), event("E:maj", 4), event("N", 4)),
        heart.progression().events().subList(15, 19));
  }

  @Test
  void barsFollowBarLocalMetres() {
    // 0025 by hand: intro 4 bars, verse 8, chorus 6 (line 11: '| G:maj . F:maj . | (2/4) E:min . |'), trans 2,
    // verse 8, chorus 10, trans 2, verse 8, chorus 12, outro 22: 82 bars, the 2/4 ones at 15, 31 and 51.
    // 79 * 4 + 3 * 2 = 322 beats; with one 4/4 metre throughout they would make 81 bars, shifted by two beats
    // after each 2/4 bar.
    ChordProgression progression = TestCorpora.song(TestCorpora.billboardAllSlots(), "billboard:0025").progression();
    assertEquals(322, progression.totalBeats(), 1e-9);
    ImmutableList<ImmutableList<ChordEvent>> bars = progression.bars();
    assertEquals(82, bars.size());
    for (int b = 0; b < bars.size(); b++) {
      double beats = bars.get(b).stream().mapToDouble(ChordEvent::beats).sum();
      assertEquals(b == 15 || b == 31 || b == 51 ? 2 : 4, beats, 1e-9, "bar " + b);
    }
    // Events 47-54: | G:maj . F:maj . | E:min | G:maj . F:maj . | (2/4) E:min . | D:maj . G:maj/5 . |
    assertEquals(List.of(event("G:maj", 2), event("F:maj", 2)), bars.get(12));
    assertEquals(List.of(event("E:min", 4)), bars.get(13));
    assertEquals(List.of(event("G:maj", 2), event("F:maj", 2)), bars.get(14));
    assertEquals(List.of(event("E:min", 2)), bars.get(15));
    assertEquals(List.of(event("D:maj", 2), event("G:maj/5", 2)), bars.get(16));
  }

  @Test
  void modulationsBecomeKeyChangesWithCocopopsModes() {
    // 0140, La Grange: tonic A, C (line 19), A (line 28); CoCoPops *a: *c: *a:.
    Song song = TestCorpora.song(TestCorpora.billboardAllSlots(), "billboard:0140");
    assertEquals(Key.minor(PitchClass.A), song.key());
    assertEquals(List.of(new KeyChange(48, Key.minor(PitchClass.C), KeySource.ANNOTATED),
        new KeyChange(80, Key.minor(PitchClass.A), KeySource.ANNOTATED)), song.keyChanges());
  }

  // ------------------------------------------------------------------------------------------ small files

  @Test
  void readsASmallFileExactly() throws Exception {
    Song song = readOne(BadInput.write(temp.resolve("0001/salami_chords.txt"), SONG));
    assertEquals("billboard:0001", song.id());
    assertEquals(List.of(event("G:maj", 4), event("C:maj", 2), event("D:maj", 2), event("E:min", 4),
        event("A:min7", 2), event("E:min", 4), event("A:min7", 2), event("N", 4), event("G:maj/3", 4)),
        song.progression().events());
    assertEquals(List.of(new Section("intro", 0), new Section("verse", 3)), song.progression().sections());
    // '(2/4) A:min7' under 'x2': a bar of 2/4 and back to 4/4, twice.
    assertEquals(Meter.COMMON_TIME, song.meter());
    assertEquals(List.of(new MeterChange(4, new Meter(2, 4)), new MeterChange(5, Meter.COMMON_TIME),
        new MeterChange(6, new Meter(2, 4)), new MeterChange(7, Meter.COMMON_TIME)),
        song.progression().meterChanges());
    assertEquals(PitchClass.G, song.key().tonic());
    assertEquals(KeySource.MODE_ESTIMATED, song.keySource());
  }

  @Test
  void crlfLineEndsReadTheSame() throws Exception {
    Song lf = readOne(BadInput.write(temp.resolve("lf/0001/salami_chords.txt"), SONG));
    Song crlf = readOne(BadInput.writeCrlf(temp.resolve("crlf/0001/salami_chords.txt"), SONG));
    assertEquals(lf.progression(), crlf.progression());
    assertEquals(lf.title(), crlf.title());
  }

  @Test
  void unknownChordNamesFileLineTextAndWhatIsValid() throws Exception {
    Path file = BadInput.write(temp.resolve("0001/salami_chords.txt"), SONG.replace("| E:min |", "| E:foo |"));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new BillboardReader().readFile(file, ReadMode.STRICT));
    assertEquals(file, e.position().file());
    assertEquals(8, e.position().line());
    assertTrue(e.position().text().contains("| E:foo |"), e.position().text());
    assertTrue(e.problem().contains("unknown chord 'E:foo'"), e.problem());
    assertTrue(e.problem().contains("expected a quality shorthand"), e.problem());
    ReadResult<Song> lenient = new BillboardReader().readFile(file, ReadMode.LENIENT);
    assertEquals(1, lenient.problems().size());
    assertEquals(8, lenient.problems().get(0).position().line());
    // Line 8 (with its x2 repeat) is skipped; lines 7 and 9 are read.
    assertEquals(5, lenient.items().get(0).progression().events().size());
  }

  @Test
  void truncatedFileIsReportedWithTheCutLine() throws Exception {
    String cut = BadInput.truncated(SONG, SONG.indexOf("A:min7") + 3);
    Path file = BadInput.write(temp.resolve("0001/salami_chords.txt"), cut);
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new BillboardReader().readFile(file, ReadMode.STRICT));
    assertEquals(8, e.position().line());
    assertTrue(e.problem().contains("after the last bar line"), e.problem());
    ReadResult<Song> lenient = new BillboardReader().readFile(file, ReadMode.LENIENT);
    assertEquals(List.of(8, 8), lenient.problems().stream().map(p -> p.position().line()).collect(Collectors.toList()));
    assertTrue(lenient.problems().get(1).problem().contains("without an 'end' line"), lenient.problems().toString());
    assertEquals(3, lenient.items().get(0).progression().events().size());
  }

  @Test
  void emptyAndBinaryFilesAreWholeFileProblems() throws Exception {
    Path empty = BadInput.write(temp.resolve("0001/salami_chords.txt"), "");
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new BillboardReader().readFile(empty, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("empty file"), e.problem());
    Path garbage = BadInput.writeGarbage(temp.resolve("0002/salami_chords.txt"));
    e = assertThrows(CorpusFormatException.class, () -> new BillboardReader().readFile(garbage, ReadMode.STRICT));
    assertEquals(0, e.position().line());
    assertTrue(e.problem().startsWith("not a text file"), e.problem());
    BadInput.write(temp.resolve("0003/salami_chords.txt"), SONG);
    ReadResult<Song> folder = new BillboardReader().read(temp, ReadMode.LENIENT);
    assertEquals(List.of("billboard:0003"), folder.items().stream().map(Song::id).collect(Collectors.toList()));
    assertEquals(List.of(empty, garbage),
        folder.problems().stream().map(p -> p.position().file()).collect(Collectors.toList()));
  }

  @Test
  void unknownHeaderAndBadTimestampAreReported() throws Exception {
    Path file = BadInput.write(temp.resolve("0001/salami_chords.txt"),
        SONG.replace("# metre: 4/4", "# metre: 4/4\n# tempo: 120").replace("9.0\t|", "nine\t|")
            .replace("12.0\tsilence", "12.0\t"));
    ReadResult<Song> lenient = new BillboardReader().readFile(file, ReadMode.LENIENT);
    assertEquals(3, lenient.problems().size());
    assertTrue(lenient.problems().get(2).problem().startsWith("nothing after the timestamp"));
    assertEquals(4, lenient.problems().get(0).position().line());
    assertTrue(lenient.problems().get(0).problem().contains("unknown header 'tempo'"));
    assertEquals(10, lenient.problems().get(1).position().line());
    assertTrue(lenient.problems().get(1).problem().contains("timestamp 'nine'"));
  }

  @Test
  void duplicatesInAFolderKeepTheLowestId() throws Exception {
    BadInput.write(temp.resolve("0009/salami_chords.txt"), SONG);
    BadInput.write(temp.resolve("0004/salami_chords.txt"), SONG.replace("Test Song", "TEST  song"));
    BadInput.write(temp.resolve("0005/salami_chords.txt"), SONG.replace("Test Song", "Other Song"));
    ReadResult<Song> result = new BillboardReader().read(temp, ReadMode.STRICT);
    assertEquals(List.of("billboard:0004", "billboard:0005"),
        result.items().stream().map(Song::id).collect(Collectors.toList()));
  }

  private static Song readOne(Path file) {
    ReadResult<Song> result = new BillboardReader().readFile(file, ReadMode.STRICT);
    assertEquals(1, result.items().size());
    return result.items().get(0);
  }

  private static ChordEvent event(String harte, double beats) {
    return new ChordEvent(ChordSymbols.parseHarte(harte), beats);
  }
}
