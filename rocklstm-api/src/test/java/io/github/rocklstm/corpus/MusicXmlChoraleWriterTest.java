package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Meter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicXmlChoraleWriterTest {

  private static final int Q = Note.TICKS_PER_QUARTER;

  @TempDir Path temp;

  private final MusicXmlChoraleWriter writer = new MusicXmlChoraleWriter();
  private final MusicXmlChoraleReader reader = MusicXmlChoraleReader.strict();

  /** Two 4/4 bars, no pickup; a 1 3/4-quarter gap and a 5-16ths note in the soprano, triplets in the tenor. */
  private static Chorale chorale(String id, Key key, int offset) {
    List<Note> soprano = List.of(Note.of(72 + offset, 0, Q), Note.of(70 + offset, 2 * Q + 3 * Q / 4, 5 * Q / 4),
        new Note(69 + offset, 4 * Q, 4 * Q, false, false, true));
    List<Note> alto = List.of(new Note(65 + offset, 0, 4 * Q, true, false, false),
        new Note(65 + offset, 4 * Q, 2 * Q, false, true, false), Note.of(64 + offset, 6 * Q, 2 * Q));
    List<Note> tenor = List.of(Note.of(60 + offset, 0, 8 * Q / 3), Note.of(58 + offset, 8 * Q / 3, 4 * Q / 3),
        Note.of(57 + offset, 4 * Q, 4 * Q));
    List<Note> bass = List.of(new Note(41 + offset, 0, 4 * Q, true, false, false),
        new Note(41 + offset, 4 * Q, 4 * Q, false, true, true));
    return Chorale.of(id, "Title of " + id, key, Meter.COMMON_TIME, 0, soprano, alto, tenor, bass);
  }

  @Test
  void roundTripsInEveryKeyAndMode() throws IOException {
    for (Mode mode : Mode.values()) {
      for (PitchClass tonic : PitchClass.values()) {
        Key key = new Key(tonic, mode);
        Chorale c = chorale("k" + tonic.semitone() + mode, key, tonic.semitone() - 5);
        Path file = temp.resolve(c.id() + ".musicxml");
        writer.write(c, file);
        assertEquals(c, reader.read(file), key.toString());
      }
    }
  }

  @Test
  void writesKeySignaturesSpellingTypesDotsAndRests() {
    String xml = writer.toXml(chorale("f", Key.major(PitchClass.F), 0));
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE score-partwise PUBLIC"
        + " \"-//Recordare//DTD MusicXML 3.1 Partwise//EN\""), xml.substring(0, 200));
    assertTrue(xml.contains("<score-partwise version=\"3.1\">"));
    assertTrue(xml.contains("<fifths>-1</fifths>"));
    assertTrue(xml.contains("<mode>major</mode>"));
    // 12 ticks per division would do for the triplets; 10080 / gcd(...) = 12 divisions per quarter
    assertTrue(xml.contains("<divisions>12</divisions>"), xml);
    // B-flat, spelled with a flat in F major
    assertTrue(xml.contains("<step>B</step>\n          <alter>-1</alter>"), xml);
    // the soprano's gap of 1 3/4 quarters: a dotted quarter rest, then a 16th rest
    assertTrue(xml.contains("<rest/>\n        <duration>18</duration>\n        <voice>1</voice>\n"
        + "        <type>quarter</type>\n        <dot/>"), xml);
    assertTrue(xml.contains("<rest/>\n        <duration>3</duration>\n        <voice>1</voice>\n"
        + "        <type>16th</type>"), xml);
    // 5 16ths is no single note value: the exact duration, no type
    assertTrue(xml.contains("<duration>15</duration>\n        <voice>1</voice>\n      </note>"), xml);
    assertTrue(xml.contains("<fermata type=\"upright\"/>"));
    assertTrue(xml.contains("<clef-octave-change>-1</clef-octave-change>"));
    assertTrue(xml.contains("<bar-style>light-heavy</bar-style>"));
    assertEquals(-3, fifthsIn(writer.toXml(chorale("c", Key.minor(PitchClass.C), 0))));
    assertEquals(4, fifthsIn(writer.toXml(chorale("e", Key.major(PitchClass.E), 0))));
    assertEquals(3, fifthsIn(writer.toXml(chorale("fsharp", Key.minor(PitchClass.F_SHARP), 0))));
  }

  private static int fifthsIn(String xml) {
    int at = xml.indexOf("<fifths>") + "<fifths>".length();
    return Integer.parseInt(xml.substring(at, xml.indexOf("</fifths>")));
  }

  @Test
  void aNoteAcrossABarLineIsWrittenAsTiedNotes() throws IOException {
    // 3/4 with a quarter pickup; the soprano's half note from beat 3 of bar 1 crosses into bar 2
    List<Note> soprano = List.of(Note.of(67, 0, Q), Note.of(69, Q, 2 * Q), new Note(71, 3 * Q, 2 * Q, false, false,
        true), Note.of(72, 5 * Q, 2 * Q));
    List<Note> line = List.of(Note.of(60, 0, 7 * Q));
    Chorale c = Chorale.of("cross", "cross", Key.C_MAJOR, Meter.THREE_FOUR, Q, soprano, line, line,
        List.of(Note.of(48, 0, 7 * Q)));
    assertEquals(ImmutableList.of(0, Q, 4 * Q), c.measureStarts());
    Path file = temp.resolve("cross.musicxml");
    writer.write(c, file);
    Chorale back = reader.read(file);
    assertEquals(List.of(Note.of(67, 0, Q), Note.of(69, Q, 2 * Q), new Note(71, 3 * Q, Q, true, false, true),
        new Note(71, 4 * Q, Q, false, true, false), Note.of(72, 5 * Q, 2 * Q)), back.soprano());
    // the whole-piece alto note becomes three tied pieces: pickup, bar 1, bar 2
    assertEquals(List.of(new Note(60, 0, Q, true, false, false), new Note(60, Q, 3 * Q, true, true, false),
        new Note(60, 4 * Q, 3 * Q, false, true, false)), back.alto());
    assertEquals(c.measureStarts(), back.measureStarts());
    assertEquals(Q, back.pickup());
    String xml = Files.readString(file);
    assertTrue(xml.contains("<measure number=\"0\" implicit=\"yes\">"), xml);
    // writing what was read back changes nothing more
    Path again = temp.resolve("cross2.musicxml");
    writer.write(back, again);
    assertEquals(back.soprano(), reader.read(again).soprano());
  }

  @Test
  void writingIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
    Path dir = temp.resolve("out/nested");
    Path file = dir.resolve("x.musicxml");
    writer.write(chorale("x", Key.C_MAJOR, 0), file);
    String first = Files.readString(file);
    writer.write(chorale("x", Key.major(PitchClass.D), 2), file); // replaces the old file
    assertFalse(first.equals(Files.readString(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("x.musicxml"),
          files.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
    }
    assertEquals(Key.major(PitchClass.D), reader.read(file).key());
  }
}
