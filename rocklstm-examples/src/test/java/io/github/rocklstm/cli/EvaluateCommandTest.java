package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code rocklstm evaluate} with the bundled default model on the RS 200 test split. */
class EvaluateCommandTest {

  private static String ok(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    assertEquals(0, code, err.toString());
    return out.toString();
  }

  private static double number(Map<String, Object> row, String name) {
    return ((Number) row.get(name)).doubleValue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonHasConsistentLikelihoodsBaselinesStatisticsAndNovelty() {
    Map<String, Object> result = Json.parseObject(ok("evaluate", "--corpus", "rs200", "--split", "test",
        "--samples", "6", "--bars", "8", "--json"));
    assertEquals("test", result.get("split"));
    List<Map<String, Object>> rows = (List<Map<String, Object>>) (List<?>) Json.getList(result, "likelihood");
    List<String> predictors = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      predictors.add((String) row.get("predictor"));
      double nats = number(row, "natsPerToken");
      assertEquals(nats / Math.log(2), number(row, "bitsPerToken"), 1e-9);
      assertEquals(Math.exp(nats), number(row, "perplexityPerToken"), 1e-9 * Math.exp(nats));
      double natsPerChange = number(row, "natsPerChange");
      assertEquals(natsPerChange / Math.log(2), number(row, "bitsPerChange"), 1e-9);
      assertEquals(Math.exp(natsPerChange), number(row, "perplexityPerChange"), 1e-9 * Math.exp(natsPerChange));
      // The same total log-likelihood over fewer changes than tokens (a per-bar model repeats held chords).
      assertTrue(number(row, "changes") < number(row, "tokens"), row.toString());
      assertEquals(nats * number(row, "tokens"), natsPerChange * number(row, "changes"), 1e-6 * nats
          * number(row, "tokens"));
      assertEquals(number(rows.get(0), "tokens"), number(row, "tokens"));
    }
    assertEquals(List.of("LSTM", "unigram", "kn2", "kn3", "kn4", "kn5"), predictors);
    // The unigram knows nothing of context: every context model beats it.
    for (int i = 2; i < rows.size(); i++) {
      assertTrue(number(rows.get(i), "natsPerToken") < number(rows.get(1), "natsPerToken"));
    }
    List<Map<String, Object>> generation = (List<Map<String, Object>>) (List<?>) Json.getList(result, "generation");
    List<String> metrics = generation.stream().map(r -> r.get("group") + ":" + r.get("metric")).toList();
    assertTrue(metrics.contains("statistics:chord.entropy"), metrics.toString());
    assertTrue(metrics.contains("statistics:chord.diatonic_share"), metrics.toString());
    // 8-bar samples have no n-grams longer than their changes, so the orders stop below 16.
    assertTrue(metrics.contains("novelty:novel.n1") && metrics.contains("novelty:novel.n4"), metrics.toString());
    assertTrue(metrics.stream().anyMatch(m -> m.startsWith("yang-lerch:entropy.kl")), metrics.toString());
    Map<String, Object> longest = generation.stream().filter(r -> r.get("metric").equals("match.longest"))
        .findFirst().orElseThrow();
    assertTrue(number(longest, "value") >= 1, longest.toString());
    assertTrue(!((String) longest.get("song")).isEmpty(), longest.toString());
    for (Map<String, Object> row : generation) {
      if (row.get("metric").equals("chord.diatonic_share")) {
        assertTrue(number(row, "value") >= 0 && number(row, "value") <= 1, row.toString());
        assertTrue(number(row, "real") >= 0 && number(row, "real") <= 1, row.toString());
      }
    }
  }

  @Test
  void tablePrintsEveryPredictorAndTheConvention() {
    String table = ok("evaluate", "--corpus", "rs200", "--split", "validation", "--samples", "0");
    assertTrue(table.startsWith("validation split; per token: END predicted, START not"), table);
    for (String predictor : List.of("LSTM", "unigram", "kn2", "kn5")) {
      assertTrue(table.contains(" " + predictor + " "), table);
    }
    assertEquals(1 + 1 + 6, table.split("\n").length, table);
  }
}
