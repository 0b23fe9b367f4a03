package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rocklstm listening-test} (the page and its files) and {@code listening-test analyse}. */
class ListeningTestCommandTest {

  @TempDir static Path folder;

  private static Path out;
  private static Map<String, Object> key;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
        .execute(args);
    return new Run(code, stdout.toString(), stderr.toString());
  }

  /** Writes a test of 3 pairs of 2 bars (bundled model, Billboard's test split) to {@code out}. */
  static Path writeTest(Path out) {
    Run run = run("listening-test", "--real", "billboard", "--pairs", "3", "--bars", "2", "--seed", "3", "--key", "E",
        "--out", out.toString());
    assertEquals(0, run.code, run.err);
    return out;
  }

  @BeforeAll
  static void writeOnce() throws Exception {
    out = writeTest(folder.resolve("test"));
    key = Json.parseObject(Files.readString(out.resolve("key.json")));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> keyPairs(Map<String, Object> key) {
    return (List<Map<String, Object>>) (List<?>) Json.getList(key, "pairs");
  }

  @Test
  void writesABlindPageWithOnePairOfReadableExcerptsPerPair() throws Exception {
    Path page = out.resolve("page");
    String html = Files.readString(page.resolve("index.html"));
    List<Map<String, Object>> pairs = keyPairs(key);
    assertEquals(3, pairs.size());
    String test = Json.get(key, "test", String.class);
    assertTrue(html.contains("\"test\":\"" + test + "\""), "the page carries the test id");
    // Blind: nothing in the page or its manifest says which excerpt is real, or names a song.
    for (String blind : List.of(html, Files.readString(page.resolve("manifest.json")))) {
      assertFalse(blind.contains("key.json"));
      assertFalse(blind.contains("\"real\""));
      assertFalse(blind.contains("generated"));
      assertFalse(blind.contains("billboard:"));
    }
    assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script src")
        || html.contains("<link"), "self-contained: no external resources");
    assertFalse(Files.exists(page.resolve("key.json")), "the key lives outside the page folder");
    Set<String> sources = new HashSet<>();
    Set<String> songs = new HashSet<>();
    long frames = -1;
    for (Map<String, Object> pair : pairs) {
      String id = Json.get(pair, "pair", String.class);
      String real = Json.get(pair, "real", String.class);
      assertTrue(real.equals("A") || real.equals("B"));
      for (String side : List.of("a", "b")) {
        Map<String, Object> excerpt = Json.getObject(pair, side);
        String source = Json.get(excerpt, "source", String.class);
        assertEquals(side.equals(real.toLowerCase()) ? "real" : "generated", source);
        sources.add(id + source);
        if (source.equals("real")) {
          assertTrue(Json.get(excerpt, "song", String.class).startsWith("billboard:"));
          songs.add(Json.get(excerpt, "song", String.class));
        }
        // Two bars of four chords: the chart has two cells per line.
        assertTrue(Json.get(excerpt, "chart", String.class).contains("Key: E major"));
        Path wav = page.resolve("audio").resolve(id + "-" + side + ".wav");
        assertTrue(html.contains("audio/" + id + "-" + side + ".wav"));
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
          assertEquals(44_100f, audio.getFormat().getSampleRate());
          assertEquals(1, audio.getFormat().getChannels(), "mono: the synthesizer's channels are equal");
          // 2 bars of 4 beats at 100 bpm = 4.8 s, and the 1 s tail: 5.8 s = 255,780 frames, the same for all.
          assertEquals(255_780, audio.getFrameLength());
          frames = audio.getFrameLength();
        }
      }
    }
    assertEquals(255_780, frames);
    assertEquals(6, sources.size(), "one real and one generated excerpt per pair");
    assertEquals(3, songs.size(), "three different real songs");
    try (Stream<Path> audio = Files.list(page.resolve("audio"))) {
      assertEquals(6, audio.count());
    }
  }

  @Test
  void sameSeedSameTestOtherSeedOtherOrder() throws Exception {
    Path again = writeTest(folder.resolve("again"));
    assertEquals(Files.readString(out.resolve("key.json")).replace(out.toString(), ""),
        Files.readString(again.resolve("key.json")).replace(again.toString(), ""));
  }

  /**
   * All three pairs answered correctly, the real one rated 4 and the generated one 2: 3 of 3. Wilson 95% at k = n:
   * lower n / (n + z²) = 3 / (3 + 3.841459) = 0.4385, upper 1. Clopper-Pearson lower 0.025^(1/3) = 0.2924. Exact
   * two-sided p = 2 * (1/2)^3 = 0.25.
   */
  @Test
  void analyseReportsAccuracyIntervalsAndRatings() throws Exception {
    Path csv = folder.resolve("answers.csv");
    StringBuilder text = new StringBuilder("test,pair,choice,rating_a,rating_b,heard_a,heard_b\n");
    for (Map<String, Object> pair : keyPairs(key)) {
      String real = Json.get(pair, "real", String.class);
      text.append(Json.get(key, "test", String.class)).append(',').append(Json.get(pair, "pair", String.class))
          .append(',').append(real).append(',').append(real.equals("A") ? "4,2" : "2,4").append(",1,1\n");
    }
    Files.writeString(csv, text);
    Run run = run("listening-test", "analyse", csv.toString(), "--key", out.toString());
    assertEquals(0, run.code, run.err);
    assertTrue(run.out.contains("Real one picked: 3 of 3, accuracy 1.0000"), run.out);
    assertTrue(run.out.contains("95% CI, Wilson score:      [0.4385, 1.0000]"), run.out);
    assertTrue(run.out.contains("95% CI, Clopper-Pearson:   [0.2924, 1.0000]"), run.out);
    assertTrue(run.out.contains("two-sided: p = 0.2500"), run.out);
    assertTrue(run.out.contains("Mean rating (1-5), real:      4.00 (sd 0.00, n = 3)"), run.out);
    assertTrue(run.out.contains("Mean rating (1-5), generated: 2.00 (sd 0.00, n = 3)"), run.out);

    Run json = run("listening-test", "analyse", csv.toString(), "--key", out.resolve("key.json").toString(),
        "--json");
    assertEquals(0, json.code, json.err);
    Map<String, Object> figures = Json.parseObject(json.out);
    assertEquals(1.0, Json.get(figures, "accuracy", Double.class));
    assertEquals(0.25, Json.get(figures, "p_value", Double.class), 1e-12);
  }

  @Test
  void analyseGivesClearErrors() throws Exception {
    Path csv = folder.resolve("bad.csv");
    String test = Json.get(key, "test", String.class);
    Files.writeString(csv, "test,pair,choice,rating_a,rating_b\n" + test + ",p01,A,7,2\n");
    Run run = run("listening-test", "analyse", csv.toString(), "--key", out.toString());
    assertEquals(2, run.code);
    assertEquals("rocklstm: " + csv + ":2: rating_a '7' is not valid (expected a whole number 1 to 5, or empty for "
        + "no rating)", run.err.strip());
    Run noKey = run("listening-test", "analyse", csv.toString());
    assertEquals(2, noKey.code);
    assertTrue(noKey.err.contains("no answer key at " + folder.resolve("key.json")), noKey.err);
    Run noOut = run("listening-test", "--pairs", "2");
    assertEquals(2, noOut.code);
    assertTrue(noOut.err.contains("--out DIR is required"), noOut.err);
  }
}
