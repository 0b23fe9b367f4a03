package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarteLabReaderTest {

  private static final String LAB = "0.000\t0.104\tN\n0.104\t1.858\tAb:min\n1.858 3.646 Gb:maj\n3.646\t5.387\tE:maj\n";

  @TempDir Path temp;

  @Test
  void readsAll295FilesStrictlyWithoutProblems() {
    ReadResult<Song> result = TestCorpora.harte();
    assertTrue(result.clean());
    assertEquals(295, result.items().size());
    assertEquals(100, result.items().stream().filter(s -> s.id().startsWith("rwc:")).count());
    assertEquals(195, result.items().stream().filter(s -> s.id().startsWith("uspop:")).count());
    Corpus corpus = Corpus.of("rwc-uspop", result.items());
    // One event per line: 13,467 (RWC) + 24,947 (uspop), as the corpus README and wc -l count.
    assertEquals(38_414, corpus.eventCount());
    // 834 distinct raw labels; enharmonic and equivalent Harte spellings (C:(1), C:maj(*3,*5)) coincide.
    assertEquals(682, corpus.distinctChords().size());
    assertTrue(result.items().stream().allMatch(s -> s.keySource() == KeySource.ESTIMATED));
    assertEquals(64, result.items().stream().filter(s -> s.key().mode() == Mode.MINOR).count());
  }

  @Test
  void rwcNumberOneAndDancingQueen() {
    Song rwc = TestCorpora.song(TestCorpora.harte(), "rwc:N001-M01-T01");
    assertEquals("RWC-MDB-P-2001 No. 1", rwc.title());
    assertEquals(Song.POP, rwc.genre());
    // 0.000 0.104 N / 0.104 1.858 Ab:min / 1.858 3.646 Gb:maj, at 120 bpm: seconds x 2.
    List<ChordEvent> events = rwc.progression().events();
    assertEquals(new ChordEvent(Chord.NO_CHORD, 0.208), events.get(0));
    assertEquals(ChordSymbols.parseHarte("Ab:min"), events.get(1).chord());
    assertEquals(3.508, events.get(1).beats(), 1e-9);
    assertEquals(ChordSymbols.parseHarte("Gb:maj"), events.get(2).chord());
    assertEquals(3.576, events.get(2).beats(), 1e-9);
    assertEquals(134, events.size());
    // The last segment ends at 209.213 s.
    assertEquals(209.213 * 2, rwc.progression().totalBeats(), 1e-6);

    Song queen = TestCorpora.song(TestCorpora.harte(), "uspop:abba/Arrival/02-Dancing_Queen");
    assertEquals("Dancing Queen", queen.title());
    assertEquals("Abba", queen.artist());
    assertEquals(Song.POP_ROCK, queen.genre());
    assertEquals(123, queen.progression().events().size());
    assertEquals(new ChordEvent(ChordSymbols.parseHarte("A:maj"), (3.529 - 1.084) * 2),
        queen.progression().events().get(1));
  }

  @Test
  void spacesTabsAndCrlfReadTheSame() throws Exception {
    Song lf = readOne(BadInput.write(temp.resolve("lf/a.lab"), LAB));
    Song crlf = readOne(BadInput.writeCrlf(temp.resolve("crlf/a.lab"), LAB));
    assertEquals(4, lf.progression().events().size());
    assertEquals(lf.progression(), crlf.progression());
    assertEquals("lab:a", lf.id());
  }

  @Test
  void unknownChordNamesFileLineTextAndWhatIsValid() throws Exception {
    Path file = BadInput.write(temp.resolve("a.lab"), LAB.replace("Gb:maj", "Gb:mjr"));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new HarteLabReader().readFile(file, ReadMode.STRICT));
    assertEquals(3, e.position().line());
    assertEquals("1.858 3.646 Gb:mjr", e.position().text());
    assertTrue(e.problem().contains("unknown chord 'Gb:mjr'") && e.problem().contains("expected"), e.problem());
    ReadResult<Song> lenient = new HarteLabReader().readFile(file, ReadMode.LENIENT);
    // Line 3 skipped, so line 4 no longer follows on: both are reported.
    assertEquals(List.of(3, 4), lenient.problems().stream().map(p -> p.position().line())
        .collect(Collectors.toList()));
    assertTrue(lenient.problems().get(1).problem().contains("contiguous"), lenient.problems().toString());
    assertEquals(2, lenient.items().get(0).progression().events().size());
  }

  @Test
  void truncatedEmptyAndBinaryFiles() throws Exception {
    Path cut = BadInput.write(temp.resolve("a.lab"), BadInput.truncated(LAB, LAB.indexOf("5.387") + 2));
    CorpusFormatException e = assertThrows(CorpusFormatException.class,
        () -> new HarteLabReader().readFile(cut, ReadMode.STRICT));
    assertEquals(4, e.position().line());
    assertTrue(e.problem().startsWith("2 fields (expected 3"), e.problem());
    Path empty = BadInput.write(temp.resolve("b.lab"), "\n\n");
    e = assertThrows(CorpusFormatException.class, () -> new HarteLabReader().readFile(empty, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("empty file"), e.problem());
    Path garbage = BadInput.writeGarbage(temp.resolve("c.lab"));
    e = assertThrows(CorpusFormatException.class, () -> new HarteLabReader().readFile(garbage, ReadMode.STRICT));
    assertTrue(e.problem().startsWith("not a text file"), e.problem());
    Path backwards = BadInput.write(temp.resolve("d.lab"), "0.0 1.5 C:maj\n1.5 1.0 G:maj\n");
    e = assertThrows(CorpusFormatException.class, () -> new HarteLabReader().readFile(backwards, ReadMode.STRICT));
    assertTrue(e.problem().contains("not after its start"), e.problem());
    ReadResult<Song> lenient = new HarteLabReader().read(temp, ReadMode.LENIENT);
    assertEquals(List.of("lab:a", "lab:d"), lenient.items().stream().map(Song::id).collect(Collectors.toList()));
    assertEquals(List.of(cut, empty, garbage, backwards),
        lenient.problems().stream().map(p -> p.position().file()).collect(Collectors.toList()));
  }

  private static Song readOne(Path file) {
    ReadResult<Song> result = new HarteLabReader().readFile(file, ReadMode.STRICT);
    assertEquals(1, result.items().size());
    return result.items().get(0);
  }
}
