package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.ChordTokenizerMetadata;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code rocklstm train} end to end on RS200 with a tiny model and a few hundred steps, with each backend; and the
 * dl4j backend's start-up chatter stays out of the command's output.
 */
class TrainCommandTest {

  /** Lines ND4J writes when its natives load, unless its loggers are quiet. */
  private static final List<String> ND4J_NOISE =
      List.of("org.nd4j", "Binary level", "Loaded [", "Number of threads used");

  private static final String[] TINY_OPTIONS = {
      "--corpus", "rs200", "--threads", "1", "--embedding", "16", "--layers", "1", "--hidden", "48", "--batch", "16",
      "--bptt", "32", "--lr", "0.02", "--lr-decay", "1", "--max-steps-per-epoch", "60", "--patience", "0", "--seed",
      "7"};

  private static final String[] TINY = tiny("djl");

  private static String[] tiny(String backend) {
    String[] args = new String[TINY_OPTIONS.length + 3];
    args[0] = "train";
    args[1] = "--backend";
    args[2] = backend;
    System.arraycopy(TINY_OPTIONS, 0, args, 3, TINY_OPTIONS.length);
    return args;
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private static String[] with(String... extra) {
    return with(TINY, extra);
  }

  private static String[] with(String[] base, String... extra) {
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return args;
  }

  @ParameterizedTest(name = "--backend {0}")
  @ValueSource(strings = {"djl", "dl4j"})
  @SuppressWarnings("unchecked")
  void trainsSavesALoadableModelAndBeatsTheUnigramBaseline(String backend, @TempDir Path temp) throws Exception {
    String[] tiny = tiny(backend);
    Path out = temp.resolve("run");
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(stdout, err, with(tiny, "--epochs", "2", "--out", out.toString())), err.toString());

    Map<String, Object> report = Json.parseObject(Files.readString(out.resolve("report.json")));
    Map<String, Object> validation = (Map<String, Object>) report.get("validation");
    double lstm = ((Number) validation.get("lstm.perplexity")).doubleValue();
    double unigram = ((Number) validation.get("unigram.perplexity")).doubleValue();
    assertTrue(lstm < 0.8 * unigram, "learning happened: LSTM " + lstm + " vs unigram " + unigram);
    assertEquals(2L, report.get("epochs"));
    assertTrue(stdout.toString().contains("KN 3-gram"), stdout.toString());
    assertTrue(err.toString().contains("epoch 2 done"), err.toString());

    BufferedImage png = ImageIO.read(out.resolve("loss.png").toFile());
    assertEquals(LossCurveChart.WIDTH, png.getWidth());
    assertEquals(LossCurveChart.HEIGHT, png.getHeight());

    try (SequenceModel model = Backends.get(backend).load(out.resolve("model"), Device.cpu())) {
      assertEquals(backend, model.backendName());
      Map<String, Object> tokenizerJson = (Map<String, Object>) model.metadata().get("tokenizer");
      ChordTokenizer tokenizer = ChordTokenizerMetadata.fromJson(tokenizerJson);
      assertEquals(ChordTokenizer.TimeMode.PER_BAR, tokenizer.settings().timeMode());
      assertEquals(model.spec().vocabularySize(), tokenizer.vocabulary().size());
      assertEquals(2, model.trainingSummary().orElseThrow().lastEpoch());
    }
    assertTrue(Files.isRegularFile(out.resolve("checkpoints/last/model.json")));
    assertTrue(Files.isRegularFile(out.resolve("checkpoints/best/model.json")));

    // Resuming continues the same history from the last checkpoint.
    Path resumed = temp.resolve("resumed");
    copyTree(out.resolve("checkpoints"), resumed.resolve("checkpoints"));
    StringWriter err2 = new StringWriter();
    assertEquals(0, run(new StringWriter(), err2, with(tiny, "--epochs", "3", "--resume", "--out",
        resumed.toString())), err2.toString());
    assertTrue(err2.toString().contains("resuming from"), err2.toString());
    assertTrue(err2.toString().contains("epoch 3 done") && !err2.toString().contains("epoch 1 done"), err2.toString());
  }

  /**
   * {@code rocklstm train --backend dl4j} in a JVM of its own started as the runnable jar starts it: the command's
   * main class, this module's logging configuration ({@code simplelogger.properties}, which goes into the jar) and no
   * JVM options, so neither the test JVM's {@code -Dorg.nd4j.log.initialization=false} nor an ND4J loaded earlier
   * by another test can hide ND4J's start-up lines. SLF4J simple writes to System.err: both streams are checked.
   */
  @Test
  void dl4jTrainingPrintsNoNd4jStartUpLines(@TempDir Path temp) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), RockLstmCommand.class.getName()));
    command.addAll(List.of(with(tiny("dl4j"), "--epochs", "1", "--out",
        temp.resolve("run").toString())));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(temp.resolve("stdout.txt").toFile())
        .redirectError(temp.resolve("stderr.txt").toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process process = builder.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "rocklstm train --backend dl4j did not finish in 5 minutes");
    String stdout = Files.readString(temp.resolve("stdout.txt"));
    String stderr = Files.readString(temp.resolve("stderr.txt"));
    assertEquals(0, process.exitValue(), stderr);
    // The run really started ND4J and trained: otherwise the absence of its lines would prove nothing.
    assertTrue(stderr.contains("epoch 1 done"), stderr);
    assertTrue(Files.isRegularFile(temp.resolve("run/model/model.json")));
    for (String noise : ND4J_NOISE) {
      assertFalse(stdout.contains(noise), "stdout has ND4J start-up line '" + noise + "':\n" + stdout);
      assertFalse(stderr.contains(noise), "stderr has ND4J start-up line '" + noise + "':\n" + stderr);
    }
  }

  @Test
  void refusesToOverwriteAModelAndRejectsBadOptions(@TempDir Path temp) throws Exception {
    Files.createDirectories(temp.resolve("model"));
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, with("--out", temp.toString())));
    assertTrue(err.toString().contains("exists already"), err.toString());

    StringWriter err2 = new StringWriter();
    assertEquals(2, run(new StringWriter(), err2, "train", "--corpus", "musicxml", "--out", temp.resolve("x").toString()));
    assertTrue(err2.toString().contains("holds chorales"), err2.toString());

    StringWriter err3 = new StringWriter();
    assertEquals(2, run(new StringWriter(), err3, with("--level", "ninths", "--out", temp.resolve("y").toString())));
    assertTrue(err3.toString().contains("--level ninths is not one of majmin, triads, sevenths, full"),
        err3.toString());
  }

  /** The {@code train} command as picocli parses {@code args}, without running it. */
  private static TrainCommand parsed(String... args) {
    CommandLine.ParseResult result = RockLstmCommand.commandLine().parseArgs(args);
    return (TrainCommand) result.subcommand().commandSpec().userObject();
  }

  /**
   * BachBot's best configuration (Liang 2016, section 5.2) is what {@code train --task chorale} resolves to when no
   * size or training option is given: embedding 32, 3 layers of 256, dropout 0.3, BPTT 128, batch 50, Adam 2e-3
   * halved every 5 epochs, clipping 5. Each option still overrides its default.
   */
  @Test
  void choraleDefaultsAreBachBotsBestConfiguration() {
    TrainCommand train = parsed("train", "--task", "chorale", "--out", "runs/unused");
    TrainCommand.TaskDefaults defaults = train.taskDefaults();
    assertEquals(TrainCommand.TaskDefaults.CHORALE, defaults);
    assertEquals(new ModelSpec(114, 32, 3, 256, 0.3), train.modelSpec(defaults, 114));
    TrainingConfig config = train.trainingConfig(defaults);
    assertEquals(50, config.batchSize());
    assertEquals(128, config.bptt());
    assertEquals(0.002, config.learningRate());
    assertEquals(0.5, config.learningRateDecay());
    assertEquals(5, config.decayEvery());
    assertEquals(5.0, config.gradientClip());
    assertEquals(0.002, config.learningRateAt(5));
    assertEquals(0.001, config.learningRateAt(6));
    assertEquals(0.0005, config.learningRateAt(11));
    assertEquals(TrainCommand.TaskDefaults.CHORALE, parsed("train", "--task", "Chorales", "--out", "x").taskDefaults());

    TrainCommand overridden = parsed("train", "--task", "chorale", "--embedding", "16", "--layers", "2", "--hidden",
        "128", "--dropout", "0.1", "--batch", "20", "--bptt", "64", "--lr", "0.01", "--lr-decay", "0.9",
        "--decay-every", "2", "--clip", "1", "--out", "runs/unused");
    assertEquals(new ModelSpec(114, 16, 2, 128, 0.1), overridden.modelSpec(overridden.taskDefaults(), 114));
    TrainingConfig custom = overridden.trainingConfig(overridden.taskDefaults());
    assertEquals(List.of(20, 64, 2), List.of(custom.batchSize(), custom.bptt(), custom.decayEvery()));
    assertEquals(List.of(0.01, 0.9, 1.0), List.of(custom.learningRate(), custom.learningRateDecay(),
        custom.gradientClip()));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parsed("train", "--task", "bachbot", "--out", "x").taskDefaults());
    assertEquals("--task bachbot is not one of chords, chorale, jsb", e.getMessage());
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
