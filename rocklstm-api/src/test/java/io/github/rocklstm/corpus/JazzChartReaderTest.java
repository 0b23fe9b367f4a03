package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JazzChartReaderTest {

  private static final String CHART = String.join("\n",
      "Title = Test Tune",
      "ComposedBy = Nobody",
      "DBKeySig = Bb",
      "TimeSig = 3 4",
      "Bars = 4",
      " BbM7 | Cm7 F7 | Bb6 | NC |",
      "");

  @TempDir Path temp;

  @Test
  void readsAll2614ChartsLenientlyWithSevenProblems() {
    ReadResult<Song> result = TestCorpora.jazz();
    assertEquals(2614, result.items().size());
    List<String> problems = result.problems().stream()
        .map(p -> p.position().file().getFileName() + ":" + p.position().line()).collect(Collectors.toList());
    assertEquals(List.of("Bebop.txt:1", "Bebop.txt:0", "HeyThere.txt:0", "IvoryForest.txt:3",
        "OnAMistyNight.txt:3", "StraightLife-ArtPepper.txt:0", "YouOughtaBeInPictures.txt:0"), problems);
    assertTrue(result.problems().get(0).problem().contains("unknown header 'mpTitle'"));
    assertTrue(result.problems().get(2).problem().contains("'Bars = 37' but 36 bars"));
    assertTrue(result.problems().get(3).problem().contains("key signature not a note name: 'U'"));
    Corpus corpus = Corpus.of("jazz", result.items());
    // One event per chord symbol: 134,355, as the corpus README counts them.
    assertEquals(134_355, corpus.eventCount());
    // 1,536 distinct raw symbols (NC included); enharmonic and synonymous spellings (C#o7, Dbo7, C#dim7) coincide.
    assertEquals(1272, corpus.distinctChords().size());
    assertEquals(2612, result.items().stream().filter(s -> s.keySource() == KeySource.MODE_ESTIMATED).count());
    assertEquals(2, result.items().stream().filter(s -> s.keySource() == KeySource.ESTIMATED).count());
    assertEquals(MINOR_CHARTS, result.items().stream().filter(s -> s.key().mode() == Mode.MINOR).count());
    assertEquals("Bebop", TestCorpora.song(result, "jazz:Bebop").title());
  }

  /** Charts read as minor with {@link JazzChartReader#MINOR_MARGIN} 0.05 (0 would give more, 0.1 fewer). */
  private static final long MINOR_CHARTS = 393;

  @Test
  void strictReadingStopsAtTheFirstProblem() {
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> new JazzChartReader()
        .read(DataDirectory.resolve(CorpusFormat.JAZZ.standardFolder()), ReadMode.STRICT));
    assertEquals("Bebop.txt", e.position().file().getFileName().toString());
    assertEquals(1, e.position().line());
    assertEquals("mpTitle = Bebop", e.position().text());
  }

  @Test
  void twelveBarBluesExactly() {
    Song song = TestCorpora.song(TestCorpora.jazz(), "jazz:12-barBlues");
    assertEquals("12-Bar Blues", song.title());
    assertEquals("Traditional", song.artist());
    assertEquals(Song.JAZZ, song.genre());
    assertEquals(Meter.COMMON_TIME, song.meter());
    assertEquals(Key.major(PitchClass.F), song.key());
    // F13 | Bb13 Bo7 | F13 | Cm9 F13b9 | Bb13 | Bo7 | F13 | D7#5#9 | Gm9 | C13b9 | F13 D7#5#9 | Gm9 C13b9 |
    assertEquals(List.of(event("F13", 4), event("Bb13", 2), event("Bo7", 2), event("F13", 4), event("Cm9", 2),
        event("F13b9", 2), event("Bb13", 4), event("Bo7", 4), event("F13", 4), event("D7#5#9", 4), event("Gm9", 4),
        event("C13b9", 4), event("F13", 2), event("D7#5#9", 2), event("Gm9", 2), event("C13b9", 2)),
        song.progression().events());
  }

  @Test
  void keySignaturesAreMajorUnlessTheRelativeMinorFitsClearlyBetter() {
    ReadResult<Song> jazz = TestCorpora.jazz();
    assertEquals(Key.major(PitchClass.G_SHARP), TestCorpora.song(jazz, "jazz:AllTheThingsYouAre").key());
    // Minor standards written with their relative major's signature (Eb, Bb, G).
    for (String id : List.of("jazz:BlueBossa", "jazz:Footprints", "jazz:MrPC", "jazz:SoftlyAsInAMorningSunrise",
        "jazz:Solar")) {
      assertEquals(Key.minor(PitchClass.C), TestCorpora.song(jazz, id).key(), id);
    }
    assertEquals(Key.minor(PitchClass.G), TestCorpora.song(jazz, "jazz:AutumnLeaves").key());
    assertEquals(Key.minor(PitchClass.E), TestCorpora.song(jazz, "jazz:Nardis").key());
  }

  @Test
  void readsASmallChartExactly() throws Exception {
    Song song = readOne(BadInput.write(temp.resolve("TestTune.txt"), CHART));
    assertEquals("jazz:TestTune", song.id());
    assertEquals("Test Tune", song.title());
    assertEquals(new Meter(3, 4), song.meter());
    assertEquals(List.of(event("BbM7", 3), event("Cm7", 1.5), event("F7", 1.5), event("Bb6", 3), event("NC", 3)),
        song.progression().events());
    assertEquals(Key.major(PitchClass.A_SHARP), song.key());
  }

  @Test
  void crlfLineEndsReadTheSame() throws Exception {
    Song lf = readOne(BadInput.write(temp.resolve("lf/T.txt"), CHART));
    Song crlf = readOne(BadInput.writeCrlf(temp.resolve("crlf/T.txt"), CHART));
    assertEquals(lf.progression(), crlf.progression());
  }

  @Test
  void unknownChordNamesFileLineTextAndWhatIsValid() throws Exception {
    Path file = BadInput.write(temp.resolve("T.txt"), CHART.replace("Cm7 F7", "Cm7 Fwhat"));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new JazzChartReader().readFile(file, ReadMode.STRICT));
    assertEquals(6, e.position().line());
    assertEquals("Cm7 Fwhat |", e.position().text());
    assertTrue(e.problem().startsWith("unknown chord 'Fwhat': cannot read"), e.problem());
    ReadResult<Song> lenient = new JazzChartReader().readFile(file, ReadMode.LENIENT);
    // The bar is skipped, so the chart also has fewer bars than 'Bars = 4' says.
    assertEquals(2, lenient.problems().size());
    assertEquals(3, lenient.items().get(0).progression().events().size());
  }

  @Test
  void truncatedEmptyAndBinaryFiles() throws Exception {
    Path cut = BadInput.write(temp.resolve("a.txt"), BadInput.truncated(CHART, CHART.indexOf("Bb6") + 3));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new JazzChartReader().readFile(cut, ReadMode.STRICT));
    assertEquals(6, e.position().line());
    assertEquals("Bb6", e.position().text());
    assertTrue(e.problem().contains("not closed with '|': truncated?"), e.problem());
    Path empty = BadInput.write(temp.resolve("b.txt"), " \n");
    e = assertThrows(CorpusFormatException.class, () -> new JazzChartReader().readFile(empty, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("empty file"), e.problem());
    Path garbage = BadInput.writeGarbage(temp.resolve("c.txt"));
    e = assertThrows(CorpusFormatException.class, () -> new JazzChartReader().readFile(garbage, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("not a text file"), e.problem());
    ReadResult<Song> lenient = new JazzChartReader().read(temp, ReadMode.LENIENT);
    assertEquals(List.of("jazz:a"), lenient.items().stream().map(Song::id).collect(Collectors.toList()));
    // a.txt: the unclosed bar, then 'Bars = 4' with 2 bars written; then b.txt and c.txt.
    assertEquals(List.of(cut, cut, empty, garbage),
        lenient.problems().stream().map(p -> p.position().file()).collect(Collectors.toList()));
  }

  private static Song readOne(Path file) {
    ReadResult<Song> result = new JazzChartReader().readFile(file, ReadMode.STRICT);
    assertEquals(1, result.items().size());
    return result.items().get(0);
  }

  private static ChordEvent event(String leadSheet, double beats) {
    return new ChordEvent(JazzChartReader.chordOf(leadSheet), beats);
  }
}
