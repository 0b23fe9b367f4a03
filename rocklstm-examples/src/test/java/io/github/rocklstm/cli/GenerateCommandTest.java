package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.eval.KeyedProgression;
import io.github.rocklstm.eval.Novelty;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.RomanNumeral;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.render.ProgressionJson;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.ChordTokenizerMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rocklstm generate} and {@code rocklstm inpaint} with the bundled default model. */
class GenerateCommandTest {

  @TempDir Path folder;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run ok(String... args) {
    Run run = run(args);
    assertEquals(0, run.code, run.err);
    return run;
  }

  /** The chart's bar cells of the chord lines (every other line starting with {@code |}, numerals between). */
  private static List<String> chordCells(String chart) {
    List<String> cells = new ArrayList<>();
    boolean chordLine = true;
    for (String line : chart.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      if (chordLine) {
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
          cells.add(cell.strip());
        }
      }
      chordLine = !chordLine;
    }
    return cells;
  }

  @Test
  void generatesSixteenBarsByDefaultAndWritesMidiWavAndJson() throws Exception {
    Path midi = folder.resolve("song.mid");
    Path wav = folder.resolve("song.wav");
    Path json = folder.resolve("song.json");
    Run run = ok("generate", "--seed", "5", "--midi", midi.toString(), "--wav", wav.toString(), "--json",
        json.toString());
    assertTrue(run.out.startsWith("Key: C major  Time: 4/4  Tempo: 120 bpm\n"), run.out);
    assertEquals(16, chordCells(run.out).size(), run.out);
    assertTrue(run.out.contains("log-likelihood -"), run.out);

    ChordProgression progression = ProgressionJson.read(json).progression();
    assertEquals(16, progression.bars().size());
    assertEquals(64.0, progression.totalBeats(), 1e-9);
    assertTrue(progression.chords().stream().allMatch(c -> c.isPitched()), progression.toString());

    Sequence sequence = MidiSystem.getSequence(midi.toFile());
    // 16 bars of 4 quarter notes at 480 ticks each; the last note ends at most a release gap before.
    assertTrue(sequence.getTickLength() > 15 * 4 * 480 && sequence.getTickLength() <= 17 * 4 * 480,
        "tick length " + sequence.getTickLength());
    try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
      // 64 beats at 120 bpm = 32 s, plus the tail.
      double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
      assertTrue(seconds >= 32 && seconds < 34, "seconds " + seconds);
    }
  }

  @Test
  void synthJdkRendersTheWavOnTheJdksSoftwareSynthesizer() throws Exception {
    Path additive = folder.resolve("additive.wav");
    Path jdk = folder.resolve("jdk.wav");
    ok("generate", "--seed", "5", "--bars", "4", "--wav", additive.toString());
    ok("generate", "--seed", "5", "--bars", "4", "--wav", jdk.toString(), "--synth", "jdk");
    for (Path wav : List.of(additive, jdk)) {
      try (AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile())) {
        // 16 beats at 120 bpm = 8 s, plus the tail.
        double seconds = audio.getFrameLength() / audio.getFormat().getFrameRate();
        assertTrue(seconds >= 8 && seconds < 10, wav + ": seconds " + seconds);
        byte[] samples = audio.readAllBytes();
        assertTrue(IntStream.range(0, samples.length).anyMatch(i -> samples[i] != 0), wav + " is silent");
      }
    }
    assertFalse(Arrays.equals(Files.readAllBytes(additive), Files.readAllBytes(jdk)),
        "the two engines gave the same bytes");
  }

  @Test
  void anUnknownSynthIsAOneLineError() {
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err)).execute("generate", "--synth", "fm");
    assertEquals(2, code);
    assertEquals("rocklstm: --synth fm is not one of additive, jdk", err.toString().strip());
  }

  @Test
  void theSameSeedGivesTheSameOutputAndAnotherSeedAnother() {
    String first = ok("generate", "--seed", "11", "--bars", "8").out;
    assertEquals(first, ok("generate", "--seed", "11", "--bars", "8").out);
    assertNotEquals(first, ok("generate", "--seed", "12", "--bars", "8").out);
  }

  @Test
  void thePrimerHoldsInTheRequestedKey() throws Exception {
    Path json = folder.resolve("primed.json");
    ok("generate", "--key", "E", "--primer", "I V vi IV", "--seed", "3", "--bars", "8", "--json", json.toString());
    ProgressionJson.Document document = ProgressionJson.read(json);
    assertEquals(Key.parse("E"), document.key());
    List<String> numerals = List.of("I", "V", "vi", "IV");
    for (int bar = 0; bar < numerals.size(); bar++) {
      var expected = RomanNumeral.parse(numerals.get(bar)).toChord(Key.parse("E"));
      for (ChordEvent event : document.progression().bars().get(bar)) {
        assertEquals(expected, event.chord(), "bar " + (bar + 1));
      }
    }
    assertEquals(8, document.progression().bars().size());
    // E major spelled in the chart: the primer's four bars first.
    Run run = ok("generate", "--key", "E", "--primer", "I V vi IV", "--seed", "3", "--bars", "8");
    assertEquals(List.of("E", "B", "C#m", "A"), chordCells(run.out).subList(0, 4));
  }

  @Test
  void thePrimerTakesChordSymbolsInTheKeyAsWellAsRomanNumerals() {
    String numerals = ok("generate", "--key", "E", "--primer", "I V vi IV", "--seed", "3", "--bars", "8").out;
    assertEquals(numerals, ok("generate", "--key", "E", "--primer", "E B C#m A", "--seed", "3", "--bars", "8").out);
    // Mixed, per chord: I and IV are numerals, B and C#m chord symbols.
    assertEquals(numerals, ok("generate", "--key", "E", "--primer", "I B C#m IV", "--seed", "3", "--bars", "8").out);
    // A minor key: F#m D A E are i bVI bIII bVII of F# minor; a seventh chord is reduced to the model's triads.
    String minor = ok("generate", "--key", "F#m", "--primer", "i bVI bIII bVII", "--seed", "4", "--bars", "6").out;
    assertEquals(minor, ok("generate", "--key", "F#m", "--primer", "F#m D A E7", "--seed", "4", "--bars", "6").out);
    assertEquals(List.of("F#m", "D", "A", "E"), chordCells(minor).subList(0, 4), minor);
    assertNotEquals(numerals, ok("generate", "--key", "C", "--primer", "E B C#m A", "--seed", "3", "--bars", "8").out);
  }

  @Test
  void countNoLargerThanTheBeamGivesExactlyCountProgressions() {
    Run run = ok("generate", "--beam", "3", "--count", "3", "--bars", "4");
    assertTrue(run.out.contains("# 3 of 3"), run.out);
    Run tooMany = run("generate", "--beam", "2", "--count", "3", "--bars", "4");
    assertEquals(2, tooMany.code);
    assertTrue(tooMany.err.contains("--count 3 exceeds --beam 2"), tooMany.err);
    assertTrue(tooMany.out.isEmpty(), tooMany.out);
  }

  /** The longest run of chord changes of each generated JSON file {@code base-1.json ...} found in {@code training}. */
  private static List<Novelty.VerbatimMatch> longestCopies(Novelty training, Path base, int count) throws Exception {
    List<Novelty.VerbatimMatch> matches = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ProgressionJson.Document document = ProgressionJson.read(GenerateCommand.suffixed(base, "-" + i));
      matches.add(training.longestMatch(new KeyedProgression("generated-" + i, document.key(),
          document.progression())));
    }
    return matches;
  }

  @Test
  void noCopyKeepsEveryRunCopiedFromTheBillboardTrainingSongsAtMostNChordChangesLong() throws Exception {
    // The independent check: Novelty's suffix array over the chord changes of the bundled model's training split.
    Novelty training = Novelty.fit(
        KeyedProgression.ofSongs(TrainCommand.loadCorpora(List.of("billboard")).train().songs()),
        VocabularyLevel.MAJMIN);
    int count = 12;
    Path free = folder.resolve("free.json");
    Path guarded = folder.resolve("guarded.json");
    String[] common = {"generate", "--key", "E", "--bars", "16", "--count", String.valueOf(count), "--seed", "4"};
    String freeOut = ok(concat(common, "--json", free.toString())).out;
    Run guardedRun = ok(concat(common, "--no-copy", "3", "--json", guarded.toString()));
    assertTrue(guardedRun.err.contains("--no-copy 3: " + training.trainingSongs() + " training progressions of"
        + " billboard indexed"), guardedRun.err);
    assertNotEquals(freeOut, guardedRun.out);

    List<Novelty.VerbatimMatch> freeCopies = longestCopies(training, free, count);
    assertTrue(freeCopies.stream().anyMatch(m -> m.length() > 3), "without --no-copy some sample copies more than"
        + " 3 changes: " + freeCopies);
    for (Novelty.VerbatimMatch match : longestCopies(training, guarded, count)) {
      assertTrue(match.length() <= 3, match.toString());
    }
    assertEquals(16, ProgressionJson.read(GenerateCommand.suffixed(guarded, "-1")).progression().bars().size());

    // Greedy decoding and beam search copy most; the guard holds for them too.
    Path greedy = folder.resolve("greedy.json");
    ok("generate", "--temperature", "0", "--bars", "16", "--no-copy", "2", "--json", greedy.toString());
    Path beam = folder.resolve("beam.json");
    ok("generate", "--beam", "3", "--count", "3", "--bars", "16", "--no-copy", "2", "--json", beam.toString());
    List<Novelty.VerbatimMatch> searched = new ArrayList<>(longestCopies(training, beam, 3));
    ProgressionJson.Document greedyDocument = ProgressionJson.read(greedy);
    searched.add(training.longestMatch(new KeyedProgression("greedy", greedyDocument.key(),
        greedyDocument.progression())));
    for (Novelty.VerbatimMatch match : searched) {
      assertTrue(match.length() <= 2, match.toString());
    }
  }

  @Test
  void noCopyNeedsTheModelsCorpusAndSaysWhereItLooked() {
    saveUntrained(folder.resolve("bare"), ChordTokenizer.TimeMode.PER_BAR);
    Run run = run("generate", "--model", folder.resolve("bare").toString(), "--no-copy", "3");
    assertEquals(2, run.code);
    assertTrue(run.err.contains("--no-copy needs the training songs of the model, but") && run.err.contains(
        "metadata names no corpus"), run.err);

    Path empty = folder.resolve("no-corpora");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingSongs.of(
        Map.of("corpus", "billboard", "keyHandling", "NORMALIZE"), "model X", empty, "--no-copy"));
    assertTrue(e.getMessage().startsWith("--no-copy needs the training songs of model X, which was trained on"
        + " billboard: corpus folder " + empty.resolve("mcgill-billboard") + " does not exist")
        && e.getMessage().contains("ROCKLSTM_DATA"), e.getMessage());
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }

  @Test
  void beamWidthOneIsGreedySamplingAndCountWritesSuffixedFiles() throws Exception {
    String beam = ok("generate", "--beam", "1", "--bars", "6", "--primer", "vi IV").out;
    String greedy = ok("generate", "--temperature", "0", "--bars", "6", "--primer", "vi IV", "--seed", "99").out;
    assertEquals(greedy, beam);

    Path midi = folder.resolve("many.mid");
    Run run = ok("generate", "--count", "3", "--bars", "4", "--midi", midi.toString());
    assertTrue(run.out.contains("# 3 of 3"), run.out);
    for (int i = 1; i <= 3; i++) {
      assertTrue(Files.size(folder.resolve("many-" + i + ".mid")) > 0);
    }
    assertFalse(Files.exists(midi));
  }

  private static final Pattern CANDIDATE = Pattern.compile("^\\s*(\\d+)\\s+(-\\d+\\.\\d+)\\s+(.+)$");

  @Test
  void inpaintKeepsTheFixedBarsAndRanksDistinctCandidates() {
    Run run = ok("inpaint", "--progression", "I IV _ _ V I", "--candidates", "6", "--seed", "3");
    List<Double> scores = new ArrayList<>();
    HashSet<String> fills = new HashSet<>();
    for (String line : run.out.split("\n")) {
      Matcher m = CANDIDATE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      scores.add(Double.parseDouble(m.group(2)));
      String[] bars = m.group(3).split(" {2}");
      assertEquals(6, bars.length, line);
      assertEquals(List.of("I", "IV", "V", "I"), List.of(bars[0], bars[1], bars[4], bars[5]), line);
      fills.add(bars[2] + " " + bars[3]);
    }
    assertEquals(6, scores.size(), run.out);
    assertEquals(6, fills.size(), run.out);
    for (int i = 1; i < scores.size(); i++) {
      assertTrue(scores.get(i) <= scores.get(i - 1), run.out);
    }
    assertEquals(run.out, ok("inpaint", "--progression", "I IV _ _ V I", "--candidates", "6", "--seed", "3").out);
  }

  @Test
  void inpaintReadsChordSymbolsInTheKeyAsItReadsNumerals() {
    String numerals = ok("inpaint", "--key", "E", "--progression", "I IV _ _ V I", "--candidates", "4").out;
    String symbols = ok("inpaint", "--key", "E", "--progression", "E A _ _ B E", "--candidates", "4").out;
    // Only the echoed template differs; the ranked fills and their log-likelihoods are the same.
    assertEquals(numerals.lines().skip(1).toList(), symbols.lines().skip(1).toList(), symbols);
    assertTrue(numerals.lines().count() > 4, numerals);
  }

  /** Saves an untrained model with a chord tokenizer of the given time mode to {@code directory}. */
  private static void saveUntrained(Path directory, ChordTokenizer.TimeMode timeMode) {
    ChordTokenizer tokenizer = ChordTokenizer.withAllChords(
        new ChordTokenizer.Settings(VocabularyLevel.MAJMIN, timeMode, false, false), List.of(), List.of());
    try (SequenceModel model = BackendChoice.resolve(null).create(
        new ModelSpec(tokenizer.vocabulary().size(), 4, 1, 8, 0), Device.cpu(), 3)) {
      model.setMetadata(Map.of("task", "chords", "tokenizer", ChordTokenizerMetadata.toJson(tokenizer)));
      model.save(directory);
    }
  }

  @Test
  void modelOptionTakesATrainOutputFolderOrAModelDirectoryAndExportKeepsWhatItGenerates() throws Exception {
    saveUntrained(folder.resolve("run/model"), ChordTokenizer.TimeMode.PER_BAR);
    String fromRun = ok("generate", "--model", folder.resolve("run").toString(), "--bars", "3", "--seed", "2").out;
    assertEquals(3, chordCells(fromRun).size(), fromRun);
    Path exported = folder.resolve("exported");
    ok("export", "--model", folder.resolve("run").toString(), "--out", exported.toString(), "--weights-only");
    try (var files = Files.list(exported)) {
      assertEquals(2, files.count()); // model.json and the weights, no optimizer file
    }
    assertEquals(fromRun, ok("generate", "--model", exported.toString(), "--bars", "3", "--seed", "2").out);

    saveUntrained(folder.resolve("changes"), ChordTokenizer.TimeMode.CHANGES);
    Run run = run("generate", "--model", folder.resolve("changes").toString());
    assertEquals(2, run.code);
    assertTrue(run.err.contains("--bars needs a model trained with --time-mode per_bar"), run.err);
  }

  @Test
  void badArgumentsGiveOneLineErrors() {
    String[][] cases = {
        {"generate", "--key", "H"},
        {"generate", "--primer", "I Q"},
        {"generate", "--primer", "I H7"},
        {"generate", "--primer", "C NC"},
        {"generate", "--beam", "2", "--count", "5"},
        {"generate", "--no-copy", "0"},
        {"generate", "--temperature", "-1"},
        {"generate", "--bars", "0"},
        {"generate", "--bars", "2", "--primer", "I IV V"},
        {"generate", "--bars", "many"},
        {"generate", "--model", "/nonexistent/rocklstm-model"},
        {"inpaint", "--progression", "I IV V"},
        {"inpaint", "--progression", "I _ Z"},
    };
    String[] expected = {
        "--key", "--primer: 'Q'", "'H7' is neither a roman numeral", "'NC' is no chord", "--count 5 exceeds --beam 2",
        "--no-copy must be at least 1", "--temperature", "--bars", "more than --bars", "many", "holds no model.json",
        "has no _", "'Z' is neither a roman numeral"};
    for (int i = 0; i < cases.length; i++) {
      Run run = run(cases[i]);
      assertEquals(2, run.code, String.join(" ", cases[i]));
      assertTrue(run.err.startsWith("rocklstm: ") && run.err.strip().lines().count() == 1, run.err);
      assertTrue(run.err.contains(expected[i]), run.err);
      assertTrue(run.out.isEmpty(), run.out);
    }
  }
}
