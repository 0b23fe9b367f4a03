package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rocklstm grid-search} on a two-trial grid of tiny chorale models, then resumed. */
class GridSearchCommandTest {

  private static int execute(StringWriter out, StringWriter err, String... args) {
    return RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  void runsEveryTrialKeepsTheBestAndResumesWithoutRetraining(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("grid.json");
    Files.writeString(config, "{\"num_layers\": [1], \"rnn_size\": [16, 32], \"wordvec\": [8], \"seq_length\": [32],"
        + " \"dropout\": [0.0], \"epochs\": 1, \"max_steps_per_epoch\": 3, \"batch_size\": 8,"
        + " \"learning_rate\": 0.01}");
    Path out = temp.resolve("grid");
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, execute(stdout, err, "grid-search", "--config", config.toString(), "--out", out.toString(),
        "--parallel", "2", "--backend", "djl"), err.toString());
    List<String> lines = Files.readAllLines(out.resolve("results.csv"));
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(GridSearchCommand.HEADER, lines.get(0));
    assertEquals(List.of("l1-h16-e8-s32-d0.0", "l1-h32-e8-s32-d0.0"),
        GridSearchCommand.finished(out.resolve("results.csv")).stream().toList());
    assertTrue(Files.isRegularFile(out.resolve("best/model.json")));
    String best = GridSearchCommand.bestTrial(out.resolve("results.csv"));
    assertTrue(stdout.toString().contains("best trial: " + best), stdout.toString());

    StringWriter err2 = new StringWriter();
    assertEquals(2, execute(new StringWriter(), err2, "grid-search", "--config", config.toString(), "--out",
        out.toString()));
    assertTrue(err2.toString().contains("pass --resume"), err2.toString());

    StringWriter err3 = new StringWriter();
    assertEquals(0, execute(new StringWriter(), err3, "grid-search", "--config", config.toString(), "--out",
        out.toString(), "--resume", "--backend", "djl"), err3.toString());
    assertTrue(err3.toString().contains("skipping finished trial l1-h16-e8-s32-d0.0")
        && err3.toString().contains("skipping finished trial l1-h32-e8-s32-d0.0"), err3.toString());
    assertEquals(lines, Files.readAllLines(out.resolve("results.csv")));
  }

  /**
   * A trial stopped after its first of two epochs (its folder and checkpoints exist, results.csv has no row for it)
   * is an error naming its folder without --resume, and with --resume continues from its last checkpoint while the
   * other trial trains from scratch.
   */
  @Test
  void resumesAnUnfinishedTrialFromItsCheckpointOnlyWithResume(@TempDir Path temp) throws Exception {
    Path config = temp.resolve("grid.json");
    Files.writeString(config, "{\"num_layers\": [1], \"rnn_size\": [16, 24], \"wordvec\": [8], \"seq_length\": [32],"
        + " \"dropout\": [0.0], \"epochs\": 2, \"max_steps_per_epoch\": 3, \"batch_size\": 8,"
        + " \"learning_rate\": 0.01}");
    Path out = temp.resolve("grid");
    Path unfinished = out.resolve("trials").resolve("l1-h24-e8-s32-d0.0");
    // The trial as grid-search trains it, stopped after epoch 1: checkpoints only, no model, no report.
    StringWriter trainErr = new StringWriter();
    assertEquals(0, execute(new StringWriter(), trainErr, "train", "--task", "chorale", "--no-baselines", "--out",
        unfinished.toString(), "--layers", "1", "--hidden", "24", "--embedding", "8", "--bptt", "32", "--dropout",
        "0.0", "--threads", "1", "--epochs", "1", "--max-steps-per-epoch", "3", "--batch", "8", "--lr", "0.01",
        "--backend", "djl"), trainErr.toString());
    deleteTree(unfinished.resolve("model"));
    Files.delete(unfinished.resolve("report.json"));
    assertTrue(Files.isRegularFile(unfinished.resolve("checkpoints/last/model.json")));
    Path results = out.resolve("results.csv");
    assertFalse(Files.exists(results));

    StringWriter err = new StringWriter();
    assertEquals(2, execute(new StringWriter(), err, "grid-search", "--config", config.toString(), "--out",
        out.toString(), "--backend", "djl"));
    assertTrue(err.toString().contains(unfinished + " exists already (an unfinished trial): pass --resume"),
        err.toString());
    assertFalse(Files.exists(out.resolve("trials").resolve("l1-h16-e8-s32-d0.0")), "nothing was trained");

    StringWriter err2 = new StringWriter();
    assertEquals(0, execute(new StringWriter(), err2, "grid-search", "--config", config.toString(), "--out",
        out.toString(), "--resume", "--backend", "djl"), err2.toString());
    String resumedLog = Files.readString(unfinished.resolve("train.log"));
    assertTrue(resumedLog.contains("resuming from " + unfinished.resolve("checkpoints").resolve("last"))
        && resumedLog.contains("epoch 2 done") && !resumedLog.contains("epoch 1 done"), resumedLog);
    String freshLog = Files.readString(out.resolve("trials/l1-h16-e8-s32-d0.0/train.log"));
    assertTrue(!freshLog.contains("resuming") && freshLog.contains("epoch 1 done"), freshLog);
    List<String> lines = Files.readAllLines(results);
    assertEquals(3, lines.size(), lines.toString());
    for (String line : lines.subList(1, 3)) {
      assertEquals("2", line.split(",")[6], "both trials ran two epochs: " + line);
    }
    assertEquals(Set.of("l1-h16-e8-s32-d0.0", "l1-h24-e8-s32-d0.0"), GridSearchCommand.finished(results));
    assertTrue(Files.isRegularFile(unfinished.resolve("model/model.json")));
    assertTrue(Files.isRegularFile(out.resolve("best/model.json")));
  }

  private static void deleteTree(Path directory) throws Exception {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
