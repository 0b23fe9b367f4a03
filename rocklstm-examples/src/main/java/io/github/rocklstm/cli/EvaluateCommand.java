package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.corpus.Transposition;
import io.github.rocklstm.eval.ChordChangeLikelihood;
import io.github.rocklstm.eval.ChordStatistics;
import io.github.rocklstm.eval.KeyedProgression;
import io.github.rocklstm.eval.Likelihood;
import io.github.rocklstm.eval.Metric;
import io.github.rocklstm.eval.Metrics;
import io.github.rocklstm.eval.NGramBaselines;
import io.github.rocklstm.eval.Novelty;
import io.github.rocklstm.eval.ProgressionStatistics;
import io.github.rocklstm.eval.YangLerch;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.sample.BannedTokens;
import io.github.rocklstm.sample.BarStructure;
import io.github.rocklstm.sample.CompositeSampler;
import io.github.rocklstm.sample.GenerationConfig;
import io.github.rocklstm.sample.SequenceGenerator;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm evaluate}: one table with a chord model's likelihood on a held-out split next to n-gram baselines
 * fitted on the same training split and tokens (per token and per chord change), statistics of progressions it
 * generates against the real split (with the Yang &amp; Lerch comparison) and their novelty against the training
 * songs. Several {@code --model}s and several {@code --corpus} sets give the cross table of the genre experiment.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Evaluates chord models on the held-out split of one or more corpora: cross-entropy (nats and bits) and"
            + " perplexity per token and per chord change, next to a unigram and Kneser-Ney 2..5-gram models fitted"
            + " on the same training split with the model's tokenizer; then chord statistics, Yang & Lerch"
            + " comparison and novelty of generated progressions.",
        "Per token: END is predicted, START is not. Per chord change: the whole log-likelihood divided by the chord"
            + " changes (consecutive duplicates and bar lines removed, END counted).",
        "Example: rocklstm evaluate --model runs/billboard --corpus billboard --split test",
        "Genre table: rocklstm evaluate --model runs/rock --model runs/all --corpus billboard,rs200 --corpus jazz"})
final class EvaluateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR",
      description = "Model directory or train output folder; repeat for several (default: the bundled model).")
  List<Path> models = new ArrayList<>();

  @Option(names = "--corpus", required = true, paramLabel = "NAME[,NAME]",
      description = "Evaluation set: corpora joined by commas (billboard, rs200, rwc-uspop, jazz); repeat for"
          + " several sets.")
  List<String> corpora;

  @Option(names = "--split", defaultValue = "test", description = "test or validation (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--samples", defaultValue = "100",
      description = "Progressions to generate per model for statistics and novelty, 0 = none (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--max-length", defaultValue = "200",
      description = "Most tokens per generated progression for models without bars (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(names = "--bars", defaultValue = "32",
      description = "Bars per generated progression for per-bar models (default: ${DEFAULT-VALUE}).")
  int bars;

  @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print JSON instead of the table.")
  boolean json;

  @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: the one on the classpath).")
  String backend;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
      description = "Compute threads of the backend (default: ${DEFAULT-VALUE}).")
  int threads;

  private static final double LN_2 = Math.log(2.0);

  @Override
  public Integer call() {
    Preconditions.checkArgument(split.equals("test") || split.equals("validation"),
        "--split must be test or validation, got '%s'", split);
    Preconditions.checkArgument(samples >= 0, "--samples must be >= 0, got %s", samples);
    Preconditions.checkArgument(maxLength >= 3, "--max-length must be >= 3, got %s", maxLength);
    List<Path> sources = models.isEmpty() ? java.util.Collections.singletonList(null) : models;
    List<Corpus> sets = new ArrayList<>();
    for (String names : corpora) {
      sets.add(TrainCommand.loadCorpora(List.of(names.split(","))));
    }
    List<Map<String, Object>> likelihoodRows = new ArrayList<>();
    List<Map<String, Object>> generationRows = new ArrayList<>();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("split", split);
    result.put("convention", "per token: END predicted, START not; per change: total log-likelihood / chord"
        + " changes (consecutive duplicates and non-chord tokens removed, END counted); nats = natural log,"
        + " bits = nats / ln 2, perplexity = exp(nats)");
    for (Path source : sources) {
      try (ChordModel chords = ChordModel.load(source, backend, threads)) {
        String label = source == null ? "default-model" : source.toString();
        ChordTokenizer tokenizer = chords.tokenizer();
        IntPredicate isChord = chordTokens(tokenizer);
        for (Corpus set : sets) {
          List<Song> heldOutSongs = Transposition.normalize(split.equals("test") ? set.test() : set.valid()).songs();
          List<Song> trainSongs = Transposition.normalize(set.train()).songs();
          Preconditions.checkArgument(!heldOutSongs.isEmpty(), "the %s split of %s is empty", split, set.name());
          List<int[]> heldOut = encode(tokenizer, heldOutSongs);
          ScoreResult score = chords.model().score(heldOut);
          Map<String, Likelihood> predictors = new LinkedHashMap<>();
          predictors.put("lstm", new Likelihood(Math.min(0.0, score.totalLogLikelihood()), score.tokenCount()));
          NGramBaselines baselines = NGramBaselines.fit(encode(tokenizer, trainSongs),
              tokenizer.vocabulary().size());
          predictors.putAll(baselines.score(heldOut));
          for (Map.Entry<String, Likelihood> p : predictors.entrySet()) {
            Likelihood perToken = p.getValue();
            Likelihood perChange = ChordChangeLikelihood.perChange(perToken, heldOut, Vocabulary.END_ID, isChord);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", label);
            row.put("set", set.name());
            row.put("predictor", p.getKey().equals("lstm") ? "LSTM" : p.getKey());
            row.put("sequences", heldOut.size());
            row.put("tokens", perToken.tokens());
            row.put("natsPerToken", perToken.natsPerToken());
            row.put("bitsPerToken", perToken.bitsPerToken());
            row.put("perplexityPerToken", perToken.perplexity());
            row.put("changes", perChange.tokens());
            row.put("natsPerChange", perChange.natsPerToken());
            row.put("bitsPerChange", perChange.bitsPerToken());
            row.put("perplexityPerChange", perChange.perplexity());
            likelihoodRows.add(row);
          }
        }
        if (samples > 0) {
          generationRows.addAll(generation(chords, label, sets.get(0), tokenizer));
        }
      }
    }
    result.put("likelihood", likelihoodRows);
    result.put("generation", generationRows);
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.writePretty(result) : table(result));
    out.flush();
    return 0;
  }

  private List<Map<String, Object>> generation(ChordModel chords, String label, Corpus set,
      ChordTokenizer tokenizer) {
    GenerationConfig.Builder builder = GenerationConfig.builder()
        .bannedTokens(BannedTokens.of(chords.nonChordTokens()))
        .batchSize(Math.min(samples, 64));
    if (tokenizer.settings().timeMode() == ChordTokenizer.TimeMode.PER_BAR) {
      // The same bar structure as rocklstm generate: exactly --bars bars of 4 beats.
      BarStructure structure = BarStructure.of(tokenizer, 4, bars);
      builder.minLength(structure.sequenceLength()).maxLength(structure.sequenceLength()).constraint(structure);
    } else {
      builder.maxLength(maxLength);
    }
    GenerationConfig config = builder.build();
    List<int[]> sequences = new SequenceGenerator(CompositeSampler.builder().temperature(1.0).build(), config)
        .generate(chords.model(), samples, seed);
    Meter meter = new Meter(4, 4);
    List<ChordProgression> progressions = new ArrayList<>();
    for (int[] sequence : sequences) {
      progressions.add(chords.progression(sequence, meter, Key.C_MAJOR));
    }
    List<KeyedProgression> generated = KeyedProgression.allInKey(progressions, Key.C_MAJOR, "generated-");
    List<KeyedProgression> real = KeyedProgression.ofSongs(split.equals("test") ? set.test().songs()
        : set.valid().songs());
    List<KeyedProgression> training = KeyedProgression.ofSongs(set.train().songs());
    ChordStatistics statistics = new ChordStatistics(tokenizer.settings().level(), ChordStatistics.Weighting.BEATS);
    List<Map<String, Object>> rows = new ArrayList<>();
    Metrics generatedStats = statistics.evaluate(generated);
    Metrics realStats = statistics.evaluate(real);
    for (Metric metric : generatedStats) {
      Map<String, Object> row = generationRow(label, set.name(), "statistics", metric);
      row.put("real", realStats.value(metric.name()));
      rows.add(row);
    }
    ImmutableList<ProgressionStatistics> realPer = statistics.perProgression(real);
    ImmutableList<ProgressionStatistics> generatedPer = statistics.perProgression(generated);
    Metrics yangLerch = YangLerch.against(realPer, ProgressionStatistics.features()).evaluate(generatedPer);
    for (Metric metric : yangLerch) {
      rows.add(generationRow(label, set.name(), "yang-lerch", metric));
    }
    Novelty novelty = Novelty.fit(training, tokenizer.settings().level());
    for (Metric metric : novelty.evaluate(generated)) {
      rows.add(generationRow(label, set.name(), "novelty", metric));
    }
    Novelty.VerbatimMatch longest = novelty.longestMatches(generated).stream()
        .max(Comparator.comparingInt(Novelty.VerbatimMatch::length)).orElseThrow();
    Map<String, Object> match = generationRow(label, set.name(), "novelty",
        new Metric("match.longest", longest.length(), Metric.COUNT));
    match.put("generated", longest.generatedId());
    match.put("song", longest.trainingId().orElse(""));
    rows.add(match);
    return rows;
  }

  private static Map<String, Object> generationRow(String model, String set, String group, Metric metric) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("model", model);
    row.put("set", set);
    row.put("group", group);
    row.put("metric", metric.name());
    row.put("value", Double.isFinite(metric.value()) ? metric.value() : String.valueOf(metric.value()));
    row.put("unit", metric.unit());
    return row;
  }

  private static List<int[]> encode(ChordTokenizer tokenizer, List<Song> songs) {
    List<int[]> sequences = new ArrayList<>();
    for (Song song : songs) {
      sequences.add(tokenizer.encode(song.progression(), song.genre()));
    }
    return sequences;
  }

  /** Chord tokens (no-chord N included): everything but the specials, bar lines, section and genre tokens. */
  static IntPredicate chordTokens(ChordTokenizer tokenizer) {
    Vocabulary vocabulary = tokenizer.vocabulary();
    boolean[] chord = new boolean[vocabulary.size()];
    for (int id = 0; id < chord.length; id++) {
      String token = vocabulary.token(id);
      chord[id] = id > Vocabulary.MASK_ID && !token.equals(ChordTokenizer.BAR) && !token.startsWith("<section:")
          && !token.startsWith("<genre:");
    }
    return id -> id >= 0 && id < chord.length && chord[id];
  }

  @SuppressWarnings("unchecked")
  static String table(Map<String, Object> result) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%s split; %s%n", result.get("split"), result.get("convention")));
    sb.append(String.format(Locale.ROOT, "%-28s %-22s %-9s %9s %9s %9s %9s %9s %9s%n", "model", "set", "predictor",
        "nats/tok", "bits/tok", "ppl/tok", "nats/chg", "bits/chg", "ppl/chg"));
    for (Map<String, Object> row : (List<Map<String, Object>>) result.get("likelihood")) {
      sb.append(String.format(Locale.ROOT, "%-28s %-22s %-9s %9.4f %9.4f %9.3f %9.4f %9.4f %9.3f%n",
          abbreviate(row.get("model").toString(), 28), abbreviate(row.get("set").toString(), 22),
          row.get("predictor"), row.get("natsPerToken"), row.get("bitsPerToken"), row.get("perplexityPerToken"),
          row.get("natsPerChange"), row.get("bitsPerChange"), row.get("perplexityPerChange")));
    }
    List<Map<String, Object>> generation = (List<Map<String, Object>>) result.get("generation");
    if (!generation.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%-28s %-22s %-10s %-34s %12s %12s %s%n", "model", "real set", "group",
          "metric (generated)", "generated", "real", "unit"));
      for (Map<String, Object> row : generation) {
        Object real = row.get("real");
        String extra = row.containsKey("song") ? "  (" + row.get("generated") + " in " + row.get("song") + ")" : "";
        sb.append(String.format(Locale.ROOT, "%-28s %-22s %-10s %-34s %12s %12s %s%s%n",
            abbreviate(row.get("model").toString(), 28), abbreviate(row.get("set").toString(), 22), row.get("group"),
            row.get("metric"), number(row.get("value")), real == null ? "" : number(real), row.get("unit"), extra));
      }
    }
    return sb.toString().stripTrailing();
  }

  private static String number(Object value) {
    return value instanceof Number n ? String.format(Locale.ROOT, "%.4f", n.doubleValue()) : String.valueOf(value);
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : "…" + text.substring(text.length() - width + 1);
  }
}
