package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.corpus.Transposition;
import io.github.rocklstm.eval.ChordChangeLikelihood;
import io.github.rocklstm.eval.ChordStatistics;
import io.github.rocklstm.eval.KeyedProgression;
import io.github.rocklstm.eval.LanguageModel;
import io.github.rocklstm.eval.Metric;
import io.github.rocklstm.eval.Metrics;
import io.github.rocklstm.eval.ModelLikelihood;
import io.github.rocklstm.eval.NGramBaselines;
import io.github.rocklstm.eval.Novelty;
import io.github.rocklstm.eval.ProgressionStatistics;
import io.github.rocklstm.eval.YangLerch;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.sample.BannedTokens;
import io.github.rocklstm.sample.BarStructure;
import io.github.rocklstm.sample.CompositeSampler;
import io.github.rocklstm.sample.GenerationConfig;
import io.github.rocklstm.sample.SequenceGenerator;
import io.github.rocklstm.token.ChordTokenizer;
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
 * fitted on the same training split and tokens (per token and per chord change, all through {@link
 * ModelLikelihood}), statistics of progressions it generates against the real split (with the Yang &amp; Lerch
 * comparison) and their novelty against the training split of the corpus the model was trained on (named in its
 * metadata). Several {@code --model}s and several {@code --corpus} sets give the cross table of the genre experiment.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Evaluates chord models on the held-out split of one or more corpora: cross-entropy (nats and bits) and"
            + " perplexity per token and per chord change, next to a unigram and Kneser-Ney 2..5-gram models fitted"
            + " on the same training split with the model's tokenizer; then chord statistics, Yang & Lerch"
            + " comparison and novelty of generated progressions (against the training split of the corpus the"
            + " model was trained on, as its metadata names it).",
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

  @Override
  public Integer call() {
    Preconditions.checkArgument(split.equals("test") || split.equals("validation"),
        "--split must be test or validation, got '%s'", split);
    Preconditions.checkArgument(samples >= 0, "--samples must be >= 0, got %s", samples);
    Preconditions.checkArgument(maxLength >= 3, "--max-length must be >= 3, got %s", maxLength);
    List<Path> sources = models.isEmpty() ? java.util.Collections.singletonList(null) : models;
    List<Corpus> sets = new ArrayList<>();
    // Every corpus loaded so far by name (billboard, billboard+rs200, ...), for the novelty references.
    Map<String, Corpus> loaded = new LinkedHashMap<>();
    for (String names : corpora) {
      Corpus set = TrainCommand.loadCorpora(List.of(names.split(",")));
      sets.add(set);
      loaded.putIfAbsent(set.name(), set);
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
        IntPredicate isChord = ChordChangeLikelihood.chordTokens(tokenizer.vocabulary());
        // Resolved first, so that a model naming a corpus that cannot be loaded fails before the slow part.
        NoveltyReference reference = samples > 0 ? noveltyReference(chords, sets.get(0), loaded) : null;
        for (Corpus set : sets) {
          List<Song> heldOutSongs = Transposition.normalize(split.equals("test") ? set.test() : set.valid()).songs();
          List<Song> trainSongs = Transposition.normalize(set.train()).songs();
          Preconditions.checkArgument(!heldOutSongs.isEmpty(), "the %s split of %s is empty", split, set.name());
          List<int[]> heldOut = encode(tokenizer, heldOutSongs);
          List<ModelLikelihood> predictors = new ArrayList<>();
          predictors.add(ModelLikelihood.of(chords.model()).withChordChanges(isChord));
          NGramBaselines baselines = NGramBaselines.fit(encode(tokenizer, trainSongs),
              tokenizer.vocabulary().size());
          for (Map.Entry<String, LanguageModel> baseline : baselines.models().entrySet()) {
            predictors.add(ModelLikelihood.of(baseline.getKey(), baseline.getValue()).withChordChanges(isChord));
          }
          for (ModelLikelihood predictor : predictors) {
            Metrics m = predictor.evaluate(heldOut);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", label);
            row.put("set", set.name());
            row.put("predictor", predictor.name().equals("lstm") ? "LSTM" : predictor.name());
            row.put("sequences", heldOut.size());
            row.put("tokens", (long) m.value(ModelLikelihood.TOKENS));
            row.put("natsPerToken", m.value(ModelLikelihood.TOKEN_NATS));
            row.put("bitsPerToken", m.value(ModelLikelihood.TOKEN_BITS));
            row.put("perplexityPerToken", m.value(ModelLikelihood.TOKEN_PERPLEXITY));
            row.put("changes", (long) m.value(ModelLikelihood.CHANGES));
            row.put("natsPerChange", m.value(ModelLikelihood.CHANGE_NATS));
            row.put("bitsPerChange", m.value(ModelLikelihood.CHANGE_BITS));
            row.put("perplexityPerChange", m.value(ModelLikelihood.CHANGE_PERPLEXITY));
            likelihoodRows.add(row);
          }
        }
        if (samples > 0) {
          generationRows.addAll(generation(chords, label, sets.get(0), tokenizer, reference));
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

  /**
   * What novelty is measured against: the training songs of a corpus, and the label its rows carry in the set column.
   *
   * @param label e.g. {@code billboard (train)}
   * @param songs the training split, in the songs' annotated keys (novelty normalises keys itself)
   */
  private record NoveltyReference(String label, List<KeyedProgression> songs) {}

  /**
   * The training split of the corpus the model was trained on, as its metadata names it ({@code "corpus"}, written
   * by {@code rocklstm train}: one corpus name, or several joined by {@code +}). The whole split counts, even when
   * the model trained on a subset of it ({@code --max-train-tokens}). The chord level comes from the model's own
   * tokenizer; the key handling of training does not matter, since novelty normalises every key. A model whose
   * metadata names no corpus falls back to the training split of the first {@code --corpus} set, with a message.
   *
   * @throws IllegalArgumentException when the metadata names a corpus that cannot be loaded, saying which
   */
  private NoveltyReference noveltyReference(ChordModel chords, Corpus fallback, Map<String, Corpus> loaded) {
    Object named = chords.model().metadata().get("corpus");
    Corpus corpus;
    if (named instanceof String name && !name.isBlank()) {
      corpus = loaded.get(name);
      if (corpus == null) {
        corpus = TrainingSongs.corpus(chords.model().metadata(), chords.source(),
            "novelty (--samples; 0 skips it)");
        loaded.put(name, corpus);
      }
    } else {
      corpus = fallback;
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "evaluate: %s names no training corpus in its metadata (\"corpus\" is %s); novelty is"
          + " measured against the training split of %s instead%n", chords.source(), named, fallback.name());
      err.flush();
    }
    return new NoveltyReference(corpus.name() + " (train)", KeyedProgression.ofSongs(corpus.train().songs()));
  }

  private List<Map<String, Object>> generation(ChordModel chords, String label, Corpus set,
      ChordTokenizer tokenizer, NoveltyReference reference) {
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
    Novelty novelty = Novelty.fit(reference.songs(), tokenizer.settings().level());
    for (Metric metric : novelty.evaluate(generated)) {
      rows.add(generationRow(label, reference.label(), "novelty", metric));
    }
    Novelty.VerbatimMatch longest = novelty.longestMatches(generated).stream()
        .max(Comparator.comparingInt(Novelty.VerbatimMatch::length)).orElseThrow();
    Map<String, Object> match = generationRow(label, reference.label(), "novelty",
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
