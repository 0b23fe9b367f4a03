package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.corpus.Corpora;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.ReadMode;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rocklstm evaluate} with the bundled default model (trained on McGill Billboard) on the RS 200 splits. */
class EvaluateCommandTest {

  private static Set<String> trainingSongIds(CorpusFormat format) {
    return Corpora.load(format, ReadMode.LENIENT).train().songs().stream().map(Song::id).collect(Collectors.toSet());
  }

  /** The bundled model saved to {@code directory} with its metadata's {@code corpus} replaced (null: removed). */
  private static Path bundledModelNaming(String corpus, Path directory) {
    try (ChordModel chords = ChordModel.load(null, null, 1)) {
      Map<String, Object> metadata = new LinkedHashMap<>(chords.model().metadata());
      assertEquals("billboard", metadata.remove("corpus"));
      if (corpus != null) {
        metadata.put("corpus", corpus);
      }
      chords.model().setMetadata(metadata);
      chords.model().save(directory);
    }
    return directory;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> result, String group) {
    return ((List<Map<String, Object>>) (List<?>) Json.getList(result, "generation")).stream()
        .filter(r -> r.get("group").equals(group)).toList();
  }

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
    // Statistics compare with the evaluated split; novelty with the training split of the model's own corpus
    // (the bundled model's metadata names billboard), not with the evaluated corpus.
    rows(result, "statistics").forEach(row -> assertEquals("rs200", row.get("set"), row.toString()));
    rows(result, "novelty").forEach(row -> assertEquals("billboard (train)", row.get("set"), row.toString()));
    assertTrue(trainingSongIds(CorpusFormat.BILLBOARD).contains((String) longest.get("song")), longest.toString());
  }

  @Test
  void noveltyFallsBackToTheFirstSetsTrainingSplitWhenTheModelNamesNoCorpus(@TempDir Path temp) {
    Path model = bundledModelNaming(null, temp.resolve("model"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(
        "evaluate", "--model", model.toString(), "--corpus", "rs200", "--split", "validation", "--samples", "4",
        "--bars", "8", "--json");
    assertEquals(0, code, err.toString());
    assertTrue(err.toString().contains("names no training corpus in its metadata"), err.toString());
    assertTrue(err.toString().contains("against the training split of rs200 instead"), err.toString());
    Map<String, Object> result = Json.parseObject(out.toString());
    List<Map<String, Object>> novelty = rows(result, "novelty");
    assertTrue(!novelty.isEmpty(), result.toString());
    novelty.forEach(row -> assertEquals("rs200 (train)", row.get("set"), row.toString()));
    Map<String, Object> longest = novelty.stream().filter(r -> r.get("metric").equals("match.longest"))
        .findFirst().orElseThrow();
    assertTrue(trainingSongIds(CorpusFormat.RS200).contains((String) longest.get("song")), longest.toString());
  }

  @Test
  void aTrainingCorpusThatCannotBeLoadedIsAnErrorNamingIt(@TempDir Path temp) {
    Path model = bundledModelNaming("billboard+nonesuch", temp.resolve("model"));
    StringWriter err = new StringWriter();
    int code = RockLstmCommand.commandLine().setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err)).execute("evaluate", "--model", model.toString(), "--corpus", "rs200");
    assertTrue(code != 0, err.toString());
    assertTrue(err.toString().contains("novelty (--samples; 0 skips it) needs the training songs of "), err.toString());
    assertTrue(err.toString().contains("which was trained on billboard+nonesuch"), err.toString());
    assertTrue(err.toString().contains("unknown corpus format 'nonesuch'"), err.toString());
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
