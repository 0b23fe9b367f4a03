package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
