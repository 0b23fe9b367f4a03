package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.corpus.MusicXmlChoraleWriter;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.Voice;
import io.github.rocklstm.render.ChoraleMidiRenderer;
import io.github.rocklstm.token.FrameValidation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rocklstm train --task chorale} with a tiny model and a few steps, then {@code chorale generate},
 * {@code harmonize} and {@code evaluate} with it.
 */
class ChoraleCommandTest {

  @TempDir static Path temp;
  private static Path run;

  private static int execute(StringWriter out, StringWriter err, String... args) {
    return RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @BeforeAll
  static void trainATinyChoraleModel() {
    run = temp.resolve("chorale");
    StringWriter err = new StringWriter();
    int code = execute(new StringWriter(), err, "train", "--task", "chorale", "--backend", "djl", "--threads", "1",
        "--embedding", "16", "--layers", "1", "--hidden", "64", "--batch", "16", "--bptt", "64", "--lr", "0.02",
        "--lr-decay", "1", "--epochs", "1", "--max-steps-per-epoch", "40", "--no-baselines", "--seed", "3",
        "--out", run.toString());
    assertEquals(0, code, err.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void trainingOnTheChoralesLearnsAndReportsNatsPerToken() throws Exception {
    Map<String, Object> report = Json.parseObject(Files.readString(run.resolve("report.json")));
    assertEquals(326L, report.get("trainChorales"));
    assertEquals(38L, report.get("validationChorales"));
    long vocabulary = ((Number) report.get("vocabularySize")).longValue();
    double nats = ((Number) ((Map<String, Object>) report.get("validation")).get("lstm.nats")).doubleValue();
    // A uniform guess costs ln(vocabulary) ~ 4.7 nats; 40 steps of a tiny model get well below half of that.
    assertTrue(nats < 0.5 * Math.log(vocabulary), "learning happened: " + nats + " nats/token");
    assertTrue(((Number) report.get("tokensPerSecond")).doubleValue() > 0);
  }

  /**
   * What preparation changed in the corpus (the figures ChoraleTokenizerCorpusTest pins) is in report.json and in
   * the report kept in the model's metadata.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theReportsHoldTheQuantisationCounts() throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("chorales", 364L);
    expected.put("notes", 85_553L);
    expected.put("tiesMerged", 816L);
    expected.put("moved", 5L);
    expected.put("vanished", 5L);
    expected.put("fermatasAdded", 1_258L);
    expected.put("fermatasLost", 0L);
    Map<String, Object> report = Json.parseObject(Files.readString(run.resolve("report.json")));
    assertEquals(expected, report.get("quantisation"));
    try (ChoraleModel model = ChoraleModel.load(run, "djl", 1)) {
      Map<String, Object> kept = (Map<String, Object>) model.model().metadata().get("report");
      Map<String, Object> quantisation = (Map<String, Object>) kept.get("quantisation");
      expected.forEach((name, value) -> assertEquals(value, ((Number) quantisation.get(name)).longValue(), name));
      assertEquals(expected.keySet(), quantisation.keySet());
    }
  }

  @Test
  void twentySeedsAllDecodeIntoFourValidVoices() {
    try (ChoraleModel model = ChoraleModel.load(run, "djl", 1)) {
      for (long seed = 1; seed <= 20; seed++) {
        int[] tokens = ChoraleCommand.Generate.generate(model, null, 1.0, 48, seed);
        FrameValidation validation = model.tokenizer().validateFrames(tokens);
        assertTrue(validation.valid(), "seed " + seed + ": " + validation.problems());
        Chorale chorale = model.tokenizer().decode(tokens);
        for (Voice voice : Voice.values()) {
          chorale.voice(voice).forEach(n -> assertTrue(voice.inBachRange(n.pitch()), voice + " " + n));
        }
        assertTrue(chorale.noteCount() > 0);
      }
    }
  }

  @Test
  void generatesFilesAndHarmonisesABachSoprano() throws Exception {
    Path midi = temp.resolve("g.mid");
    Path xml = temp.resolve("g.musicxml");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, execute(out, err, "chorale", "generate", "--model", run.toString(), "--seed", "5",
        "--temperature", "0.8", "--max-frames", "64", "--midi", midi.toString(), "--musicxml", xml.toString()),
        err.toString());
    assertTrue(out.toString().contains("four valid voices"), out.toString());
    assertEquals(4, MusicXmlChoraleReader.strict().read(xml).voices().size());
    assertTrue(Files.size(midi) > 100);

    Path soprano = DataDirectory.resolve("music21-bach-chorales").resolve("bach").resolve("bwv269.mxl");
    Path harmonised = temp.resolve("h.musicxml");
    StringWriter out2 = new StringWriter();
    StringWriter err2 = new StringWriter();
    assertEquals(0, execute(out2, err2, "chorale", "harmonize", "--model", run.toString(), "--soprano",
        soprano.toString(), "--out", harmonised.toString(), "--beam", "2"), err2.toString());
    Chorale bach = MusicXmlChoraleReader.strict().read(soprano);
    Chorale result = MusicXmlChoraleReader.strict().read(harmonised);
    assertEquals(bach.key(), result.key());
    assertEquals(bach.soprano().stream().map(n -> n.pitch()).toList(),
        result.soprano().stream().map(n -> n.pitch()).toList());
  }

  @Test
  void harmonisesAMidiSoprano() throws Exception {
    Chorale bach = MusicXmlChoraleReader.strict().read(
        DataDirectory.resolve("music21-bach-chorales").resolve("bach").resolve("bwv269.mxl"));
    Chorale noPickup = Chorale.of("s", "s", bach.key(), bach.meter(), 0,
        bach.soprano().stream().map(n -> n.withStart(n.start() - bach.pickup() + bach.meter().barTicks())).toList(),
        List.of(), List.of(), List.of());
    Path midi = temp.resolve("soprano.mid");
    ChoraleMidiRenderer.standard().write(noPickup, midi);
    Path harmonised = temp.resolve("hm.musicxml");
    StringWriter err = new StringWriter();
    assertEquals(0, execute(new StringWriter(), err, "chorale", "harmonize", "--model", run.toString(), "--soprano",
        midi.toString(), "--out", harmonised.toString(), "--greedy"), err.toString());
    Chorale result = MusicXmlChoraleReader.strict().read(harmonised);
    assertEquals(bach.key(), result.key());
    assertEquals(bach.soprano().stream().map(n -> n.pitch()).toList(),
        result.soprano().stream().map(n -> n.pitch()).toList());
  }

  @Test
  void aSopranoOutOfRangeIsAClearError() throws Exception {
    Path soprano = DataDirectory.resolve("music21-bach-chorales").resolve("bach").resolve("bwv269.mxl");
    Chorale bach = MusicXmlChoraleReader.strict().read(soprano);
    Path high = temp.resolve("high.musicxml");
    new MusicXmlChoraleWriter().write(bach.transpose(12), high);
    StringWriter err = new StringWriter();
    assertEquals(2, execute(new StringWriter(), err, "chorale", "harmonize", "--model", run.toString(),
        "--soprano", high.toString(), "--out", temp.resolve("x.musicxml").toString(), "--greedy"));
    assertTrue(err.toString().contains(high.toString()) && err.toString().contains("outside the soprano's range"),
        err.toString());
  }

  /**
   * A soprano in 7/32, whose bar (3.5 16ths) is not a whole number of the encoding's 16th-note frames, is refused
   * with exit code 2 and a message naming the file, the metre and the metres that are supported; from MusicXML and
   * from MIDI alike.
   */
  @Test
  void aSopranoInAnUnsupportedMetreIsAClearError() throws Exception {
    int s = Note.TICKS_PER_SIXTEENTH;
    Meter sevenThirtySeconds = new Meter(7, 32);
    // One bar per voice: a dotted 16th and two 16ths.
    IntFunction<List<Note>> bar = pitch -> List.of(Note.of(pitch, 0, 3 * s / 2), Note.of(pitch, 3 * s / 2, s),
        Note.of(pitch, 5 * s / 2, s));
    Chorale odd = Chorale.of("odd", "Seven thirty-seconds", Key.C_MAJOR, sevenThirtySeconds, 0, bar.apply(72),
        bar.apply(67), bar.apply(60), bar.apply(48));
    Path xml = temp.resolve("seven-32.musicxml");
    new MusicXmlChoraleWriter().write(odd, xml);
    assertEquals(sevenThirtySeconds, MusicXmlChoraleReader.strict().read(xml).meter());
    Path midi = temp.resolve("seven-32.mid");
    ChoraleMidiRenderer.standard().write(odd, midi);
    for (Path soprano : List.of(xml, midi)) {
      StringWriter err = new StringWriter();
      assertEquals(2, execute(new StringWriter(), err, "chorale", "harmonize", "--model", run.toString(),
          "--soprano", soprano.toString(), "--out", temp.resolve("never.musicxml").toString(), "--greedy"));
      String message = err.toString();
      assertTrue(message.contains(soprano.toString()) && message.contains("unsupported metre 7/32")
          && message.contains("supported are metres whose bar is, such as 4/4, 3/4, 3/2, 6/8 or 12/8"), message);
      assertTrue(Files.notExists(temp.resolve("never.musicxml")));
    }
  }

  @Test
  void evaluatesGreedyAndBeamOnValidationChorales() throws Exception {
    Path json = temp.resolve("eval.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, execute(out, err, "chorale", "evaluate", "--model", run.toString(), "--limit", "1",
        "--beam", "1,2", "--report", json.toString()), err.toString());
    Map<String, Object> report = Json.parseObject(Files.readString(json));
    assertEquals(1L, report.get("chorales"));
    assertTrue(report.containsKey("greedy") && report.containsKey("beam 2"), report.toString());
    assertTrue(out.toString().contains("ATB token error"), out.toString());
  }
}
