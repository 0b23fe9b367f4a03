package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.ChordTokenizerMetadata;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rocklstm train} end to end on RS200 with a tiny model and a few hundred steps. */
class TrainCommandTest {

  private static final String[] TINY = {
      "train", "--backend", "djl", "--corpus", "rs200", "--threads", "1", "--embedding", "16", "--layers", "1",
      "--hidden", "48", "--batch", "16", "--bptt", "32", "--lr", "0.02", "--lr-decay", "1", "--max-steps-per-epoch",
      "60", "--patience", "0", "--seed", "7"};

  private static int run(StringWriter out, StringWriter err, String... args) {
    return RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private static String[] with(String... extra) {
    String[] args = new String[TINY.length + extra.length];
    System.arraycopy(TINY, 0, args, 0, TINY.length);
    System.arraycopy(extra, 0, args, TINY.length, extra.length);
    return args;
  }

  @Test
  @SuppressWarnings("unchecked")
  void trainsSavesALoadableModelAndBeatsTheUnigramBaseline(@TempDir Path temp) throws Exception {
    Path out = temp.resolve("run");
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(stdout, err, with("--epochs", "2", "--out", out.toString())), err.toString());

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

    try (SequenceModel model = Backends.get("djl").load(out.resolve("model"), Device.cpu())) {
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
    assertEquals(0, run(new StringWriter(), err2, with("--epochs", "3", "--resume", "--out", resumed.toString())),
        err2.toString());
    assertTrue(err2.toString().contains("resuming from"), err2.toString());
    assertTrue(err2.toString().contains("epoch 3 done") && !err2.toString().contains("epoch 1 done"), err2.toString());
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
