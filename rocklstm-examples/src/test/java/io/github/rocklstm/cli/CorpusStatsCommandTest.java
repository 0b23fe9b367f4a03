package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rocklstm corpus stats} on every corpus in ../shared/corpora. The expected counts were cross-checked by
 * hand in the shell on 2026-11-25:
 *
 * <ul>
 *   <li>Billboard: {@code ls McGill-Billboard/* /salami_chords.txt | wc -l} = 890 chart slots; distinct
 *       lower-cased "title|artist" header pairs = 739 songs after duplicates are removed. Chord events, counted
 *       again on 2026-12-06 by a short Python script independent of the reader (one event per chord symbol in a
 *       bar; '.' continues the previous chord; metre changes such as '(2/4)' are not chords; 'x N' repeats the
 *       line's bars N times): 117,459 over all 890 slots, 97,641 over the 739 kept (lowest slot of each pair).
 *   <li>RS200: 400 expanded analyses ({@code rs200_harmony_exp/*.txt}), 200 songs x 2 analysts. Chord events,
 *       counted the same way on 2026-12-06: every chord symbol (not the '[G]' / '[4/4]' markers, not the
 *       'Warning' lines), plus one event for each bar that is empty or starts with '.' (the chord held into the
 *       bar) = 53,023.
 *   <li>RWC + uspop: {@code find -name '*.lab'} = 295 files, {@code cat *.lab | grep -c .} = 38,414 segments = chord
 *       events (one event per segment), matching the README's 13,467 + 24,947.
 *   <li>Jazz: 2,614 chart files and 134,355 chord tokens (README), of which 7 problems (bad headers, bar counts
 *       that disagree with the bars written) are reported; the 2,614 songs include those read despite a problem.
 *   <li>music21 Bach: 408 {@code .mxl} files, 364 of them with four parts, plus bwv67.4.xml (four parts) and
 *       bwv69.6.xml (eight parts) uncompressed: 365 four-voice chorales and 45 others.
 * </ul>
 */
class CorpusStatsCommandTest {

  private static Map<String, Object> stats(String format, String folder) {
    Path path = DataDirectory.resolve(folder);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute("corpus", "stats", "--format", format, "--json", path.toString());
    assertEquals(0, code, err.toString());
    return Json.parseObject(out.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> vocabulary(Map<String, Object> stats) {
    return (Map<String, Object>) stats.get("chordVocabulary");
  }

  @Test
  void billboard() {
    Map<String, Object> s = stats("billboard", "mcgill-billboard");
    assertEquals(739L, s.get("songs"));
    assertEquals(97_641L, s.get("chordEvents"));
    assertEquals(908L, s.get("distinctChords"));
    assertEquals(Map.of("majmin", 25L, "triads", 83L, "sevenths", 171L, "full", 908L), vocabulary(s));
    assertEquals(0L, s.get("problemCount"));
  }

  @Test
  void rs200() {
    Map<String, Object> s = stats("rs200", "rs200-rock-corpus");
    assertEquals(400L, s.get("songs"));
    assertEquals(53_023L, s.get("chordEvents"));
    assertEquals(Map.of("majmin", 25L, "triads", 52L, "sevenths", 98L, "full", 229L), vocabulary(s));
    assertEquals(0L, s.get("problemCount"));
  }

  @Test
  void harteLabels() {
    Map<String, Object> s = stats("harte", "marl-rwc-uspop-chords");
    assertEquals(295L, s.get("songs"));
    assertEquals(38_414L, s.get("chordEvents"));
    assertEquals(Map.of("majmin", 25L, "triads", 85L, "sevenths", 164L, "full", 682L), vocabulary(s));
    assertEquals(0L, s.get("problemCount"));
  }

  @Test
  void jazzReportsItsSevenProblemsAndReadsTheRest() {
    Map<String, Object> s = stats("jazz", "jazz-chord-progressions");
    assertEquals(2_614L, s.get("songs"));
    assertEquals(134_355L, s.get("chordEvents"));
    assertEquals(25L, vocabulary(s).get("majmin"));
    assertEquals(1_272L, vocabulary(s).get("full"));
    assertEquals(7L, s.get("problemCount"));
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) s.get("problems");
    assertTrue(problems.stream().anyMatch(p -> p.contains("IvoryForest.txt:3: 'DBKeySig = U'")), problems.toString());
  }

  @Test
  void bachChorales() {
    Map<String, Object> s = stats("musicxml", "music21-bach-chorales");
    assertEquals(365L, s.get("fourVoiceChorales"));
    assertEquals(45L, s.get("notFourVoice"));
    assertEquals(0L, s.get("problemCount"));
  }

  @Test
  void strictModeStopsAtTheFirstBadLineWithFileAndLine(@TempDir Path temp) throws Exception {
    Path song = Files.createDirectories(temp.resolve("0001")).resolve("salami_chords.txt");
    Files.writeString(song, "# title: T\n# artist: A\n# metre: 4/4\n# tonic: C\n\n0.0\tsilence\n"
        + "1.0\tA, verse, | C:maj | C:foo |\n2.0\tend\n");
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err)).execute("corpus", "stats", "--format", "billboard", "--strict", temp.toString());
    assertEquals(2, code);
    assertTrue(err.toString().contains("salami_chords.txt:7"), err.toString());
    assertTrue(err.toString().contains("C:foo"), err.toString());
  }

  @Test
  void aMissingFolderOrUnknownFormatIsAOneLineError(@TempDir Path temp) {
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setErr(new PrintWriter(err))
        .execute("corpus", "stats", "--format", "midi", temp.toString());
    assertEquals(2, code);
    assertEquals("rocklstm: unknown corpus format 'midi' (expected one of billboard, rs200, harte, jazz, musicxml)",
        err.toString().strip());
  }
}
