package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rocklstm train --task jsb} and {@code rocklstm jsb evaluate} end to end, a tiny model on part of the corpus.
 */
class JsbCommandTest {

  private static int run(StringWriter out, StringWriter err, String... args) {
    return RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  @Test
  @SuppressWarnings("unchecked")
  void trainsBeatsTheUnigramBaselinePerFrameAndEvaluatesTheTestSplit(@TempDir Path temp) throws Exception {
    Path out = temp.resolve("run");
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = run(stdout, err, "train", "--task", "jsb", "--out", out.toString(), "--backend", "djl", "--threads", "1",
        "--max-pieces", "60", "--layers", "1", "--hidden", "64", "--embedding", "16", "--dropout", "0",
        "--batch", "4", "--lr", "0.02", "--lr-decay", "1", "--epochs", "4", "--patience", "0", "--seed", "3");
    assertEquals(0, rc, err.toString());
    Map<String, Object> report = Json.parseObject(Files.readString(out.resolve("report.json")));
    Map<String, Object> valid = (Map<String, Object>) report.get(TrainCommand.JSB_VALID_FRAMES);
    assertEquals(60L, ((Number) valid.get("pieces")).longValue());
    double lstm = ((Number) valid.get("lstm.natsPerFrame")).doubleValue();
    double unigram = ((Number) valid.get("unigram.natsPerFrame")).doubleValue();
    assertTrue(lstm < 0.9 * unigram, "learning happened: LSTM " + lstm + " vs unigram " + unigram + " nats/frame");
    assertTrue(stdout.toString().contains("nats/frame"), stdout.toString());

    StringWriter evalOut = new StringWriter();
    StringWriter evalErr = new StringWriter();
    Path json = temp.resolve("test.json");
    assertEquals(0, run(evalOut, evalErr, "jsb", "evaluate", "--model", out.toString(), "--backend", "djl",
        "--threads", "1", "--json", json.toString()), evalErr.toString());
    Map<String, Object> test = Json.parseObject(Files.readString(json));
    assertEquals(77L, ((Number) test.get("pieces")).longValue());
    assertEquals(4725L, ((Number) test.get("frames")).longValue()); // the corpus README's test time steps
    assertEquals(23_169L, ((Number) test.get("predictedTokens")).longValue());
    assertTrue(evalOut.toString().contains("test split: 77 pieces, 4725 frames"), evalOut.toString());
  }

  @Test
  void evaluateRejectsAnUnknownSplit(@TempDir Path temp) {
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "jsb", "evaluate", "--model", temp.toString(), "--split", "train"));
    assertTrue(err.toString().contains("--split must be test or valid"), err.toString());
  }
}
