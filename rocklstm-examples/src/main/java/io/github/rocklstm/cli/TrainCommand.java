package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.corpus.Corpora;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.ReadMode;
import io.github.rocklstm.eval.Metrics;
import io.github.rocklstm.eval.NGramBaselines;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.ChordTokenizerMetadata;
import io.github.rocklstm.train.CheckpointListener;
import io.github.rocklstm.train.ChordDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm train}: trains a chord language model on one or more corpora and writes the model directory, the
 * checkpoints, a loss-curve PNG and a report comparing the model with n-gram baselines on the validation split.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Trains an LSTM chord model. Songs are split 80/10/10 by song, keys normalised to C major / A minor"
            + " (or the training songs augmented to all 12 keys), tokenized, and the model is trained with early"
            + " stopping on the validation split.",
        "Writes OUT/model (the model directory), OUT/checkpoints/{last,best}, OUT/loss.png and OUT/report.json.",
        "Example: rocklstm train --backend djl --corpus billboard --out runs/billboard"})
final class TrainCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--corpus", required = true, split = ",", paramLabel = "NAME",
      description = "Corpora to train on, comma-separated: billboard, rs200, harte, jazz.")
  List<String> corpora;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
  Path out;

  @Option(names = "--backend", paramLabel = "NAME",
      description = "djl or dl4j (default: the only one on the classpath, or -Drocklstm.backend / ROCKLSTM_BACKEND).")
  String backend;

  @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu0, gpu1, ... or auto (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--level", defaultValue = "majmin",
      description = "Chord vocabulary: majmin, triads, sevenths or full (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "--time-mode", defaultValue = "per_bar",
      description = "changes, per_beat or per_bar (default: ${DEFAULT-VALUE}).")
  String timeMode;

  @Option(names = "--sections", description = "Add section tokens (verse, chorus, ...).")
  boolean sections;

  @Option(names = "--genre-token", description = "Start every sequence with a genre token.")
  boolean genreToken;

  @Option(names = "--all-keys", description = "Augment the training songs to all 12 keys instead of normalising them.")
  boolean allKeys;

  @Option(names = "--embedding", defaultValue = "32", description = "Embedding size (default: ${DEFAULT-VALUE}).")
  int embedding;

  @Option(names = "--layers", defaultValue = "2", description = "LSTM layers, 1-4 (default: ${DEFAULT-VALUE}).")
  int layers;

  @Option(names = "--hidden", defaultValue = "128", description = "LSTM hidden size (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--dropout", defaultValue = "0.3", description = "Dropout between layers (default: ${DEFAULT-VALUE}).")
  double dropout;

  @Option(names = "--batch", defaultValue = "32", description = "Windows per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--bptt", defaultValue = "64", description = "Truncated BPTT length (default: ${DEFAULT-VALUE}).")
  int bptt;

  @Option(names = "--epochs", defaultValue = "10", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--lr-decay", defaultValue = "0.5", description = "Learning-rate decay factor (default: ${DEFAULT-VALUE}).")
  double learningRateDecay;

  @Option(names = "--decay-every", defaultValue = "5", description = "Epochs between decays (default: ${DEFAULT-VALUE}).")
  int decayEvery;

  @Option(names = "--clip", defaultValue = "5", description = "Gradient-norm clipping, 0 = off (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--patience", defaultValue = "2",
      description = "Early stopping: epochs without improvement, 0 = off (default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--seed", defaultValue = "1", description = "Seed for weights, shuffling and dropout (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-steps-per-epoch", paramLabel = "N", description = "Cap on steps per epoch (quick runs).")
  Integer maxStepsPerEpoch;

  @Option(names = "--threads", paramLabel = "N",
      description = "Compute threads: PyTorch's intra-op threads (djl), OpenBLAS's (dl4j) (default: one per core)."
          + " On a machine whose cores are busy with other work, 1 is often much faster.")
  Integer threads;

  @Option(names = "--max-train-tokens", paramLabel = "N",
      description = "Train on a random subset of the training songs (seeded by --seed) with at most N target tokens,"
          + " e.g. to give models of different corpora the same amount of data.")
  Long maxTrainTokens;

  @Option(names = "--resume", description = "Continue from OUT/checkpoints/last if it exists.")
  boolean resume;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    ChordTokenizer.Settings settings = new ChordTokenizer.Settings(
        enumOption(VocabularyLevel.class, level, "--level"),
        enumOption(ChordTokenizer.TimeMode.class, timeMode, "--time-mode"), sections, genreToken);
    Path checkpoints = out.resolve("checkpoints");
    Path modelDirectory = out.resolve("model");
    if (!resume && Files.exists(modelDirectory)) {
      throw new IllegalArgumentException(modelDirectory + " exists already: choose another --out, or pass --resume");
    }
    if (threads != null) {
      BackendChoice.pinThreads(threads);
    }
    Backend chosen = BackendChoice.resolve(backend);

    Corpus corpus = loadCorpora(corpora);
    ChordDataset data = ChordDataset.prepare(corpus, settings,
        allKeys ? ChordDataset.KeyHandling.ALL_KEYS : ChordDataset.KeyHandling.NORMALIZE);
    if (maxTrainTokens != null) {
      data = data.withTrainingTokens(maxTrainTokens, seed);
    }
    int vocabularySize = data.tokenizer().vocabulary().size();
    err.printf(Locale.ROOT, "%s: %d training / %d validation / %d test sequences, %,d training tokens, vocabulary %d%n",
        corpus.name(), data.train().size(), data.validation().size(), data.test().size(), data.trainTokens(),
        vocabularySize);
    Preconditions.checkArgument(!data.validation().isEmpty(), "the validation split of %s is empty", corpus.name());

    Metrics baselines = NGramBaselines.fit(data.train(), vocabularySize).evaluate(data.validation());
    TrainingConfig config = trainingConfig();
    Files.createDirectories(out);
    Map<String, Object> metadata = metadata(data, settings);
    SequenceModel model = openModel(chosen, checkpoints, new ModelSpec(vocabularySize, embedding, layers, hidden,
        dropout));
    try (model) {
      model.setMetadata(metadata);
      err.printf(Locale.ROOT, "backend %s on %s, %,d parameters%n", model.backendName(), model.device(),
          model.spec().parameterCount());
      TrainingSummary summary = model.fit(data.train(), data.validation(), config,
          TrainingListener.both(ProgressBar.forTerminal(err), new CheckpointListener(model, checkpoints)));
      ScoreResult validation = model.score(data.validation());
      Map<String, Object> report = report(data, baselines, summary, validation, model);
      Map<String, Object> finalMetadata = new LinkedHashMap<>(metadata);
      finalMetadata.put("report", report);
      model.setMetadata(finalMetadata);
      model.save(modelDirectory);
      LossCurveChart.write(summary.epochs(), "rocklstm train: " + corpus.name() + " (" + model.backendName() + ")",
          out.resolve("loss.png"));
      AtomicFiles.writeString(out.resolve("report.json"), Json.writePretty(report) + "\n");
      stdout.println(reportTable(report));
      stdout.println("model: " + modelDirectory);
      stdout.flush();
    }
    return 0;
  }

  private SequenceModel openModel(Backend chosen, Path checkpoints, ModelSpec modelSpec) {
    Path last = CheckpointListener.last(checkpoints);
    if (resume && ModelDirectory.isModelDirectory(last)) {
      SequenceModel model = chosen.load(last, Device.parse(device));
      if (!model.spec().equals(modelSpec)) {
        model.close();
        throw new IllegalArgumentException("the checkpoint " + last + " has spec " + model.spec()
            + " but the options ask for " + modelSpec);
      }
      spec.commandLine().getErr().println("resuming from " + last);
      return model;
    }
    return chosen.create(modelSpec, Device.parse(device), seed);
  }

  static Corpus loadCorpora(List<String> names) {
    Preconditions.checkArgument(!names.isEmpty(), "--corpus needs at least one corpus name");
    List<Corpus> parts = new ArrayList<>();
    for (String name : names) {
      CorpusFormat format = CorpusFormat.parse(name);
      Preconditions.checkArgument(format.isChordCorpus(),
          "--corpus %s holds chorales, not chord songs (chord corpora: billboard, rs200, harte, jazz)", name);
      parts.add(Corpora.load(format, ReadMode.LENIENT));
    }
    return parts.size() == 1 ? parts.get(0)
        : Corpus.concat(parts.stream().map(Corpus::name).collect(Collectors.joining("+")), parts);
  }

  private TrainingConfig trainingConfig() {
    TrainingConfig.Builder b = TrainingConfig.builder().batchSize(batch).bptt(bptt).maxEpochs(epochs)
        .learningRate(learningRate).learningRateDecay(learningRateDecay).decayEvery(decayEvery).gradientClip(clip)
        .earlyStoppingPatience(patience).seed(seed);
    if (maxStepsPerEpoch != null) {
      b.maxStepsPerEpoch(maxStepsPerEpoch);
    }
    return b.build();
  }

  private Map<String, Object> metadata(ChordDataset data, ChordTokenizer.Settings settings) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("task", "chords");
    metadata.put("tokenizer", ChordTokenizerMetadata.toJson(data.tokenizer()));
    metadata.put("corpus", data.corpusName());
    metadata.put("keyHandling", data.keyHandling().name());
    metadata.put("command", "rocklstm " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    return metadata;
  }

  private static Map<String, Object> report(ChordDataset data, Metrics baselines, TrainingSummary summary,
      ScoreResult validation, SequenceModel model) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("corpus", data.corpusName());
    report.put("backend", model.backendName());
    report.put("trainSequences", data.train().size());
    report.put("validationSequences", data.validation().size());
    report.put("trainTokens", data.trainTokens());
    report.put("vocabularySize", data.tokenizer().vocabulary().size());
    report.put("epochs", summary.lastEpoch());
    report.put("bestEpoch", summary.bestEpoch());
    report.put("stoppedEarly", summary.stoppedEarly());
    report.put("trainingSeconds", summary.trainingTime().toMillis() / 1000.0);
    report.put("tokensPerSecond", summary.epochs().stream().mapToDouble(e -> e.tokensPerSecond()).average().orElse(0));
    Map<String, Object> validationReport = new LinkedHashMap<>();
    validationReport.put("tokens", validation.tokenCount());
    validationReport.put("lstm.nats", validation.natsPerToken());
    validationReport.put("lstm.perplexity", validation.perplexity());
    baselines.forEach(m -> validationReport.put(m.name(), m.value()));
    report.put("validation", validationReport);
    return report;
  }

  @SuppressWarnings("unchecked")
  static String reportTable(Map<String, Object> report) {
    Map<String, Object> v = (Map<String, Object>) report.get("validation");
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "validation split of %s: %,d tokens (END included, START not)%n",
        report.get("corpus"), ((Number) v.get("tokens")).longValue()));
    sb.append(String.format(Locale.ROOT, "  %-12s %12s %12s%n", "model", "nats/token", "perplexity"));
    sb.append(row("LSTM", v, "lstm"));
    sb.append(row("unigram", v, "unigram"));
    for (int n = 2; n <= 5; n++) {
      sb.append(row("KN " + n + "-gram", v, "kn" + n));
    }
    return sb.toString().stripTrailing();
  }

  private static String row(String label, Map<String, Object> v, String prefix) {
    Object nats = v.get(prefix + ".nats");
    Object ppl = v.get(prefix + ".perplexity");
    if (nats == null || ppl == null) {
      return "";
    }
    return String.format(Locale.ROOT, "  %-12s %12.4f %12.3f%n", label, ((Number) nats).doubleValue(),
        ((Number) ppl).doubleValue());
  }

  static <E extends Enum<E>> E enumOption(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " " + value + " is not one of "
          + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", ")));
    }
  }
}
