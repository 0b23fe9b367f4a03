package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Meter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader on small hand-written scores and on bad input: every error names the file and says what is wrong. */
class MusicXmlChoraleReaderTest {

  private static final int Q = Note.TICKS_PER_QUARTER;
  private static final String DOCTYPE = "<!DOCTYPE score-partwise"
      + " PUBLIC \"-//Recordare//DTD MusicXML 3.1 Partwise//EN\" \"http://www.musicxml.org/dtds/partwise.dtd\">";
  private static final String ATTRIBUTES = "<attributes><divisions>2</divisions><key><fifths>-1</fifths>"
      + "<mode>minor</mode></key><time><beats>4</beats><beat-type>4</beat-type></time></attributes>";
  private static final String FERMATA = "<notations><fermata/></notations>";

  @TempDir Path temp;

  private final MusicXmlChoraleReader strict = MusicXmlChoraleReader.strict();
  private final MusicXmlChoraleReader lenient = MusicXmlChoraleReader.lenient();

  // ------------------------------------------------------------------ helpers that build scores

  /** A one-line note: step, alter (0 for none), octave, duration in divisions (2 per quarter), extra children. */
  private static String note(String step, int alter, int octave, int duration, String extra) {
    return "<note><pitch><step>" + step + "</step>" + (alter != 0 ? "<alter>" + alter + "</alter>" : "")
        + "<octave>" + octave + "</octave></pitch><duration>" + duration + "</duration>" + extra + "</note>";
  }

  private static String rest(int duration) {
    return "<note><rest/><duration>" + duration + "</duration></note>";
  }

  /** A partwise score, one element per line; each part is a list of measures, each a list of lines. */
  private static String score(String doctype, List<List<List<String>>> parts) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    if (!doctype.isEmpty()) {
      s.append(doctype).append('\n');
    }
    s.append("<score-partwise version=\"3.1\">\n<movement-title>Test</movement-title>\n<part-list>\n");
    for (int p = 0; p < parts.size(); p++) {
      s.append("<score-part id=\"P").append(p + 1).append("\"><part-name>V").append(p)
          .append("</part-name></score-part>\n");
    }
    s.append("</part-list>\n");
    for (int p = 0; p < parts.size(); p++) {
      s.append("<part id=\"P").append(p + 1).append("\">\n");
      List<List<String>> measures = parts.get(p);
      for (int m = 0; m < measures.size(); m++) {
        s.append("<measure number=\"").append(m).append("\">\n");
        if (m == 0) {
          s.append(ATTRIBUTES).append('\n');
        }
        for (String line : measures.get(m)) {
          s.append(line).append('\n');
        }
        s.append("</measure>\n");
      }
      s.append("</part>\n");
    }
    return s.append("</score-partwise>\n").toString();
  }

  /**
   * A D-minor chorale in 4/4 with a quarter pickup, one fermata per voice on beat 4 of bar 1 and a three-beat
   * last bar. The soprano has a tie, a grace note and a {@code <forward>} padding its last bar; the alto has a
   * rest and a tie written only with the notated {@code <tied>}.
   */
  private static List<List<List<String>>> fourParts() {
    List<List<List<String>>> parts = new ArrayList<>();
    parts.add(List.of(
        List.of(note("A", 0, 4, 2, "")),
        List.of(note("D", 0, 5, 4, "<tie type=\"start\"/>"), note("D", 0, 5, 2, "<tie type=\"stop\"/>"),
            "<note><grace/><pitch><step>F</step><octave>5</octave></pitch></note>",
            note("E", 0, 5, 2, FERMATA)),
        List.of(note("F", 0, 5, 6, ""), "<forward><duration>2</duration></forward>")));
    parts.add(List.of(
        List.of(note("F", 0, 4, 2, "")),
        List.of(note("F", 0, 4, 2, "<notations><tied type=\"start\"/></notations>"),
            note("F", 0, 4, 2, "<notations><tied type=\"stop\"/></notations>"), rest(2),
            note("C", 1, 4, 2, FERMATA)),
        List.of(note("D", 0, 4, 6, ""))));
    parts.add(List.of(
        List.of(note("C", 0, 4, 2, "")),
        List.of(note("A", 0, 3, 4, ""), note("B", -1, 3, 2, ""), note("A", 0, 3, 2, FERMATA)),
        List.of(note("A", 0, 3, 6, ""))));
    parts.add(List.of(
        List.of(note("F", 0, 3, 2, "")),
        List.of(note("D", 0, 3, 4, ""), note("G", 0, 2, 2, ""), note("A", 0, 2, 2, FERMATA)),
        List.of(note("D", 0, 2, 6, ""))));
    return parts;
  }

  private Path write(String name, String text) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path mxl(String name, String scoreEntry, String score) throws IOException {
    Path file = temp.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><container><rootfiles><rootfile full-path=\""
          + scoreEntry + "\"/></rootfiles></container>").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(scoreEntry));
      zip.write(score.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }

  private static int lineOf(String text, String marker) {
    int at = text.indexOf(marker);
    assertTrue(at >= 0, marker);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------ reading

  @Test
  void readsAHandWrittenChoraleExactly() throws IOException {
    Path file = write("small.musicxml", score(DOCTYPE, fourParts()));
    Chorale c = strict.read(file);
    assertEquals("small", c.id());
    assertEquals("Test", c.title());
    assertEquals(Key.minor(PitchClass.D), c.key());
    assertEquals(Meter.COMMON_TIME, c.meter());
    assertEquals(Q, c.pickup()); // a short first measure, not marked implicit
    assertEquals(ImmutableList.of(0, Q, 5 * Q), c.measureStarts());
    assertEquals(9 * Q, c.totalDuration()); // the forward pads the last bar to four beats
    assertEquals(List.of(Note.of(69, 0, Q), new Note(74, Q, 2 * Q, true, false, false),
        new Note(74, 3 * Q, Q, false, true, false), new Note(76, 4 * Q, Q, false, false, true),
        Note.of(77, 5 * Q, 3 * Q)), c.soprano());
    // the alto's tie is written only as <tied>; its rest is a gap from 3Q to 4Q
    assertEquals(List.of(Note.of(65, 0, Q), new Note(65, Q, Q, true, false, false),
        new Note(65, 2 * Q, Q, false, true, false), new Note(61, 4 * Q, Q, false, false, true),
        Note.of(62, 5 * Q, 3 * Q)), c.alto());
    assertEquals(List.of(Note.of(60, 0, Q), Note.of(57, Q, 2 * Q), Note.of(58, 3 * Q, Q),
        new Note(57, 4 * Q, Q, false, false, true), Note.of(57, 5 * Q, 3 * Q)), c.tenor());
    assertEquals(43, c.bass().get(2).pitch()); // G2
    assertEquals(ImmutableList.of(4 * Q), c.fermataPositions().asList());

    MusicXmlChoraleReader.Result result = strict.readAll(List.of(file));
    assertEquals(new MusicXmlChoraleReader.Counts(1, 22, 20, 1, 1, 0, 0, 0), result.counts());
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
  }

  @Test
  void readsCompressedScoresThroughTheContainer() throws IOException {
    String text = score(DOCTYPE, fourParts());
    Chorale plain = strict.read(write("x.xml", text));
    Chorale zipped = strict.read(mxl("x.mxl", "inner/score.musicxml", text));
    assertEquals(plain, zipped);
  }

  @Test
  void aMissingModeIsMajorAndTheKeyComesFromTheSoprano() throws IOException {
    String text = score(DOCTYPE, fourParts()).replace("<mode>minor</mode>", "");
    assertEquals(Key.major(PitchClass.F), strict.read(write("k.xml", text)).key());
  }

  @Test
  void badTiesAreRepairedAndReported() throws IOException {
    List<List<List<String>>> parts = fourParts();
    // a tie start into a different pitch, in the tenor's first note
    parts.set(2, List.of(
        List.of(note("C", 0, 4, 2, "<tie type=\"start\"/>")),
        parts.get(2).get(1), parts.get(2).get(2)));
    Path file = write("ties.xml", score(DOCTYPE, parts));
    MusicXmlChoraleReader.Result result = strict.readAll(List.of(file));
    assertFalse(result.chorales().get(0).tenor().get(0).tieStart());
    assertEquals(1, result.warnings().size());
    assertTrue(result.warnings().get(0).problem().contains("tenor: the tie from C4 at tick 0 leads to no following"
        + " note of the same pitch; tie dropped"), result.warnings().toString());
  }

  // ------------------------------------------------------------------ not four parts, chords, voices

  @Test
  void scoresWithoutFourPartsAreSkippedOrRejectedAsConfigured() throws IOException {
    Path three = write("three.xml", score(DOCTYPE, fourParts().subList(0, 3)));
    CorpusFormatException single = assertThrows(CorpusFormatException.class, () -> strict.read(three));
    assertMentions(single, "three.xml", "not a four-voice chorale: the score has 3 parts");

    MusicXmlChoraleReader.Result skipped = strict.readAll(List.of(three));
    assertTrue(skipped.chorales().isEmpty());
    assertEquals(1, skipped.notFourPart().size());
    assertTrue(skipped.problems().isEmpty());

    MusicXmlChoraleReader rejecting =
        MusicXmlChoraleReader.builder().otherPartCounts(MusicXmlChoraleReader.OtherPartCounts.REJECT).build();
    assertThrows(CorpusFormatException.class, () -> rejecting.readAll(List.of(three)));
    MusicXmlChoraleReader lenientRejecting = MusicXmlChoraleReader.builder().mode(ReadMode.LENIENT)
        .otherPartCounts(MusicXmlChoraleReader.OtherPartCounts.REJECT).build();
    MusicXmlChoraleReader.Result reported = lenientRejecting.readAll(List.of(three));
    assertEquals(1, reported.problems().size());
    assertTrue(reported.notFourPart().isEmpty());
  }

  @Test
  void aChordInAPartIsAnErrorInStrictModeAndDroppedInLenientMode() throws IOException {
    List<List<List<String>>> parts = fourParts();
    String chordNote = "<note><chord/><pitch><step>A</step><octave>3</octave></pitch><duration>2</duration></note>";
    parts.set(1, List.of(List.of(note("F", 0, 4, 2, ""), chordNote), parts.get(1).get(1), parts.get(1).get(2)));
    String text = score(DOCTYPE, parts);
    Path file = write("chord.xml", text);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "chord.xml:" + lineOf(text, "<chord/>"), "'<chord/>'", "alto part, measure 0", "monophonic");
    assertEquals(lineOf(text, "<chord/>"), e.position().line());

    MusicXmlChoraleReader.Result result = lenient.readAll(List.of(file));
    assertEquals(1, result.chorales().size());
    assertEquals(Note.of(65, 0, Q), result.chorales().get(0).alto().get(0));
    assertEquals(1, result.problems().size());
    assertTrue(result.problems().get(0).problem().contains("dropped"), result.problems().toString());
    assertEquals(1, result.counts().chordNotes());
  }

  @Test
  void aSecondVoiceInAPartIsAnError() throws IOException {
    List<List<List<String>>> parts = fourParts();
    parts.set(3, List.of(List.of(note("F", 0, 3, 2, "<voice>1</voice>"), "<backup><duration>2</duration></backup>",
        note("F", 0, 2, 2, "<voice>2</voice>")), parts.get(3).get(1), parts.get(3).get(2)));
    String text = score(DOCTYPE, parts);
    Path file = write("voices.xml", text);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "voices.xml:" + lineOf(text, "<voice>2</voice>"), "bass part, measure 0", "<voice>2</voice>");
    MusicXmlChoraleReader.Result result = lenient.readAll(List.of(file));
    assertEquals(Note.of(53, 0, Q), result.chorales().get(0).bass().get(0));
    assertEquals(1, result.counts().otherVoiceNotes());
  }

  // ------------------------------------------------------------------ bad measures and lenient mode

  @Test
  void aBadPitchNamesFileLineAndTextAndLenientModeSkipsTheMeasure() throws IOException {
    List<List<List<String>>> parts = fourParts();
    parts.set(1, List.of(parts.get(1).get(0), List.of(note("H", 0, 4, 8, "")), parts.get(1).get(2)));
    String text = score(DOCTYPE, parts);
    Path file = write("pitch.xml", text);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    int line = lineOf(text, "<step>H</step>");
    assertMentions(e, "pitch.xml:" + line, "<step>H</step>", "alto part, measure 1", "A-G");

    MusicXmlChoraleReader.Result result = lenient.readAll(List.of(file));
    Chorale c = result.chorales().get(0);
    assertEquals(List.of(Note.of(65, 0, Q), Note.of(62, 5 * Q, 3 * Q)), c.alto()); // measure 1 rests in the alto
    assertEquals(c.measureStarts(), ImmutableList.of(0, Q, 5 * Q)); // the other parts keep its length
    assertEquals(1, result.problems().size());
    ReadProblem problem = result.problems().get(0);
    assertEquals(line, problem.position().line());
    assertTrue(problem.problem().endsWith("measure skipped in this part"), problem.toString());
  }

  @Test
  void aDurationThatIsNotAWholeNumberOfTicksIsAnErrorNotARounding() throws IOException {
    String text = score(DOCTYPE, fourParts()).replace("<divisions>2</divisions>", "<divisions>11</divisions>");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(write("d.xml", text)));
    assertMentions(e, "d.xml:", "2/11 quarter notes is not a whole number of ticks");
  }

  @Test
  void lenientModeSkipsBadFilesAndSaysWhichAndWhy() throws IOException {
    Path good = write("a-good.xml", score(DOCTYPE, fourParts()));
    Path empty = write("b-empty.xml", "");
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x01;
    Path noise = temp.resolve("c-noise.mxl");
    Files.write(noise, garbage);
    byte[] real = Files.readAllBytes(mxl("whole.mxl", "s.xml", score(DOCTYPE, fourParts())));
    Path truncated = temp.resolve("d-truncated.mxl");
    Files.write(truncated, Arrays.copyOf(real, real.length / 2));

    MusicXmlChoraleReader.Result result = lenient.readAll(List.of(good, empty, noise, truncated));
    assertEquals(1, result.chorales().size());
    assertEquals(3, result.problems().size());
    assertEquals(List.of(empty, noise, truncated),
        result.problems().stream().map(p -> p.position().file()).collect(java.util.stream.Collectors.toList()));
    for (ReadProblem p : result.problems()) {
      assertTrue(p.problem().endsWith("file skipped"), p.toString());
    }
    assertEquals(1, result.asReadResult().items().size());
    assertFalse(result.asReadResult().clean());
  }

  @Test
  void anEmptyFileIsAClearError() throws IOException {
    Path empty = write("empty.mxl", "");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(empty));
    assertMentions(e, "empty.mxl", "the file is empty");
  }

  @Test
  void randomBytesAreMalformedXmlAtLineOne() throws IOException {
    byte[] garbage = new byte[2048];
    new Random(42).nextBytes(garbage);
    garbage[0] = (byte) 0xC3; // not "PK": read as XML
    Path noise = temp.resolve("noise.xml");
    Files.write(noise, garbage);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(noise));
    assertMentions(e, "noise.xml:1", "malformed XML at line 1");
    assertEquals(1, e.position().line());
  }

  @Test
  void aTruncatedMxlIsNotAReadableZip() throws IOException {
    Path bwv269 = DataDirectory.resolve("music21-bach-chorales").resolve("bach").resolve("bwv269.mxl");
    byte[] bytes = Files.readAllBytes(bwv269);
    Path truncated = temp.resolve("bwv269-truncated.mxl");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 2 / 3));
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(truncated));
    assertMentions(e, "bwv269-truncated.mxl", "not a readable ZIP archive", "truncated or damaged");
  }

  @Test
  void malformedXmlNamesFileEntryAndLine() throws IOException {
    String text = score(DOCTYPE, fourParts()).replace("<movement-title>Test</movement-title>",
        "<movement-title>Test</movement-titel>");
    int line = lineOf(text, "</movement-titel>");
    CorpusFormatException plain = assertThrows(CorpusFormatException.class, () -> strict.read(write("bad.xml", text)));
    assertMentions(plain, "bad.xml:" + line, "malformed XML at line " + line, "movement-title");
    assertEquals(line, plain.position().line());
    CorpusFormatException zipped =
        assertThrows(CorpusFormatException.class, () -> strict.read(mxl("bad.mxl", "score.xml", text)));
    assertMentions(zipped, "bad.mxl:" + line, "entry 'score.xml'", "malformed XML at line " + line);
  }

  @Test
  void timewiseScoresAndOtherDocumentsAreRejectedByName() throws IOException {
    CorpusFormatException timewise = assertThrows(CorpusFormatException.class,
        () -> strict.read(write("t.xml", "<?xml version=\"1.0\"?>\n<score-timewise/>\n")));
    assertMentions(timewise, "t.xml:2", "timewise MusicXML is not supported");
    CorpusFormatException html = assertThrows(CorpusFormatException.class,
        () -> strict.read(write("h.xml", "<html><body/></html>")));
    assertMentions(html, "h.xml", "the root element is <html>");
  }

  // ------------------------------------------------------------------ XML safety

  @Test
  void anExternalEntityIsNeverResolved() throws IOException {
    Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
    String text = score("<!DOCTYPE score-partwise [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>", fourParts())
        .replace("<movement-title>Test</movement-title>", "<movement-title>&xxe;</movement-title>");
    Path file = write("xxe.xml", text);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "xxe.xml:" + lineOf(text, "&xxe;"), "\"xxe\" was referenced, but not declared");
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void entityExpansionIsNotDone() throws IOException {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE score-partwise [<!ENTITY a0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String text = score(dtd.append("]>").toString(), fourParts())
        .replace("<movement-title>Test</movement-title>", "<movement-title>&a9;</movement-title>");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(write("lol.xml", text)));
    assertMentions(e, "lol.xml", "\"a9\" was referenced, but not declared");
  }

  @Test
  void theDtdIsNotLoaded() throws IOException {
    // The DOCTYPE points at a DTD that does not exist; the score reads because the DTD is never opened.
    String missing = "<!DOCTYPE score-partwise SYSTEM \"" + temp.resolve("missing/partwise.dtd").toUri() + "\">";
    assertEquals(4, strict.read(write("dtd.xml", score(missing, fourParts()))).voices().size());
    // A DTD that exists and declares an entity is not read either: the entity stays undeclared.
    Path dtd = write("partwise.dtd", "<!ENTITY composer \"J. S. Bach\">");
    String text = score("<!DOCTYPE score-partwise SYSTEM \"" + dtd.toUri() + "\">", fourParts())
        .replace("<movement-title>Test</movement-title>", "<movement-title>&composer;</movement-title>");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(write("ent.xml", text)));
    assertMentions(e, "\"composer\" was referenced, but not declared");
  }

  // ------------------------------------------------------------------ ZIP safety

  /** An .mxl whose score entry is {@code megabytes} MiB of spaces after an opening tag: deflates ~1000:1. */
  private Path bomb(String name, int megabytes) throws IOException {
    Path file = temp.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
      zip.write("<container><rootfiles><rootfile full-path=\"score.xml\"/></rootfiles></container>"
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("score.xml"));
      zip.write("<?xml version=\"1.0\"?><score-partwise>".getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < megabytes; i++) {
        zip.write(spaces);
      }
      zip.closeEntry();
    }
    return file;
  }

  /** Rewrites the uncompressed size that the central directory gives {@code entry}: the header lies. */
  private static void lieAboutSize(Path file, String entry, int claimed) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    byte[] name = entry.getBytes(StandardCharsets.UTF_8);
    boolean patched = false;
    for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
      if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2
          && Arrays.equals(Arrays.copyOfRange(bytes, i + 46, i + 46 + name.length), name)) {
        for (int b = 0; b < 4; b++) {
          bytes[i + 24 + b] = (byte) (claimed >>> (8 * b));
        }
        patched = true;
      }
    }
    assertTrue(patched, "central directory entry for " + entry);
    Files.write(file, bytes);
  }

  @Test
  void anEntryWhoseHeaderClaimsTooMuchIsRefusedBeforeInflating() throws IOException {
    Path file = bomb("honest-bomb.mxl", 17);
    assertTrue(Files.size(file) < 100_000, "the bomb is small on disk: " + Files.size(file));
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "honest-bomb.mxl", "entry 'score.xml'", "would inflate to", "more than the limit of 16777216");
  }

  @Test
  void anEntryThatInflatesBeyondTheLimitIsStoppedWhateverItsHeaderSays() throws IOException {
    Path file = bomb("lying-bomb.mxl", 17);
    lieAboutSize(file, "score.xml", 1000);
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "lying-bomb.mxl", "entry 'score.xml' holds more than 16777216 bytes",
        "its ZIP header claims 1000 bytes", "zip bomb");
    // the limit is configurable, and lenient mode reports the file
    Path small = bomb("small-bomb.mxl", 2);
    lieAboutSize(small, "score.xml", 1000);
    MusicXmlChoraleReader oneMegabyte =
        MusicXmlChoraleReader.builder().mode(ReadMode.LENIENT).maxEntryBytes(1 << 20).build();
    MusicXmlChoraleReader.Result result = oneMegabyte.readAll(List.of(small));
    assertEquals(1, result.problems().size());
    assertTrue(result.problems().get(0).problem().contains("holds more than 1048576 bytes"), result.toString());
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    Path file = temp.resolve("many.mxl");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 65; i++) {
        zip.putNextEntry(new ZipEntry("image" + i + ".png"));
        zip.closeEntry();
      }
    }
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "many.mxl", "65 entries, more than the limit of 64");
  }

  @Test
  void theContainerMustNameAnEntryThatExists() throws IOException {
    Path file = temp.resolve("nocontainer.mxl");
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
      zip.write("<container><rootfiles><rootfile full-path=\"gone.xml\"/></rootfiles></container>"
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> strict.read(file));
    assertMentions(e, "nocontainer.mxl", "names 'gone.xml' as the score, but the archive has no such file");
  }
}
