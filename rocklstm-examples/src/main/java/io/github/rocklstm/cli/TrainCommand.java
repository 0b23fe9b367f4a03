package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.corpus.Corpora;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.JsbChorales;
import io.github.rocklstm.corpus.JsbChoralesReader;
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
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.train.CheckpointListener;
import io.github.rocklstm.train.ChoraleDataset;
import io.github.rocklstm.train.ChordDataset;
import io.github.rocklstm.token.ChoraleSplit;
import io.github.rocklstm.token.ChoraleTokenizerMetadata;
import io.github.rocklstm.token.QuantisationReport;
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
import java.util.function.Function;
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
        "Trains an LSTM model with early stopping on a validation split.",
        "--task chords (default): a chord model; songs are split 80/10/10 by song, keys normalised to C major /"
            + " A minor (or the training songs augmented to all 12 keys).",
        "--task chorale: a BachBot model of the four-voice music21 Bach chorales (C major / A minor, 16th-note"
            + " frames, 90/10 split by chorale), with BachBot's best configuration as the defaults: embedding 32,"
            + " 3 x 256 LSTM, dropout 0.3, BPTT 128, batch 50, Adam 2e-3 halved every 5 epochs, clipping 5;"
            + " report.json adds what quantisation changed (notes moved to and removed from the 16th grid, ties"
            + " merged).",
        "--task jsb: the JSB Chorales benchmark (229/76/77 pieces, piano-roll frames as ascending pitch tokens and a"
            + " delimiter, validation on the valid split); report.json adds the negative log-likelihood per frame.",
        "Writes OUT/model (the model directory), OUT/checkpoints/{last,best}, OUT/loss.png and OUT/report.json.",
        "Examples: rocklstm train --backend djl --corpus billboard --out runs/billboard",
        "          rocklstm train --task chorale --backend djl --threads 1 --out runs/chorale",
        "          rocklstm train --task jsb --backend djl --threads 1 --out runs/jsb"})
final class TrainCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--task", defaultValue = "chords", paramLabel = "TASK",
      description = "chords (chord progressions from --corpus), chorale (the four-voice Bach chorales of the music21"
          + " corpus, BachBot's encoding and split; BachBot's best configuration is then the default) or jsb (the"
          + " JSB Chorales piano-roll benchmark) (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(names = "--corpus", split = ",", paramLabel = "NAME",
      description = "Corpora to train on (task chords, required), comma-separated: billboard, rs200, harte, jazz.")
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

  @Option(names = "--resolution", defaultValue = "quarter",
      description = "Task jsb: frame length, quarter (the standard benchmark), eighth or sixteenth"
          + " (default: ${DEFAULT-VALUE}).")
  String resolution;

  @Option(names = "--transpose", defaultValue = "0", paramLabel = "N",
      description = "Task jsb: augment the train split with every shift of -N..N semitones that stays on the piano"
          + " (default: ${DEFAULT-VALUE}; the data are in C major / C minor). Evaluation is never transposed.")
  int transpose;

  @Option(names = "--max-pieces", paramLabel = "N",
      description = "Task jsb: use only the first N pieces of each split (quick runs).")
  Integer maxPieces;

  @Option(names = "--embedding", paramLabel = "N",
      description = "Embedding size (default: 32 for every task; BachBot: wordvec 32).")
  Integer embedding;

  @Option(names = "--layers", paramLabel = "N",
      description = "LSTM layers, 1-4 (default: 2 for chords, 3 for chorale, 2 for jsb).")
  Integer layers;

  @Option(names = "--hidden", paramLabel = "N",
      description = "LSTM hidden size (default: 128 for chords, 256 for chorale and jsb).")
  Integer hidden;

  @Option(names = "--dropout", paramLabel = "P",
      description = "Dropout between layers (default: 0.3 for chords and chorale, 0.5 for jsb).")
  Double dropout;

  @Option(names = "--batch", paramLabel = "N",
      description = "Windows per step (default: 32 for chords, 50 for chorale, 8 for jsb).")
  Integer batch;

  @Option(names = "--bptt", paramLabel = "N",
      description = "Truncated BPTT length (default: 64 for chords, 128 for chorale, 800 for jsb: a whole piece).")
  Integer bptt;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Maximum epochs (default: 10 for chords, 30 for chorale, 100 for jsb).")
  Integer epochs;

  @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--lr-decay", paramLabel = "F",
      description = "Learning-rate decay factor (default: 0.5 for chords and chorale, 0.97 for jsb).")
  Double learningRateDecay;

  @Option(names = "--decay-every", paramLabel = "N",
      description = "Epochs between decays (default: 5 for chords and chorale, 1 for jsb).")
  Integer decayEvery;

  @Option(names = "--clip", defaultValue = "5", description = "Gradient-norm clipping, 0 = off (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(names = "--patience", paramLabel = "N",
      description = "Early stopping: epochs without improvement, 0 = off (default: 2 for chords, 3 for chorale,"
          + " 8 for jsb).")
  Integer patience;

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

  @Option(names = "--no-baselines",
      description = "Skip the n-gram baselines in the report (they take a while on the chorales).")
  boolean noBaselines;

  /** What {@code --task} names: the data to train on, and the defaults of the options that depend on it. */
  enum Task {
    CHORDS(TaskDefaults.CHORDS),
    CHORALE(TaskDefaults.CHORALE),
    JSB(TaskDefaults.JSB);

    final TaskDefaults defaults;

    Task(TaskDefaults defaults) {
      this.defaults = defaults;
    }
  }

  /** The defaults of the options that depend on {@code --task}. */
  record TaskDefaults(int embedding, int layers, int hidden, int batch, int bptt, int epochs, int patience,
      double dropout, double learningRateDecay, int decayEvery) {
    /** Chord models: small corpora, small model. */
    static final TaskDefaults CHORDS = new TaskDefaults(32, 2, 128, 32, 64, 10, 2, 0.3, 0.5, 5);
    /**
     * BachBot's best configuration (Liang 2016, section 5.2): wordvec 32, num_layers 3, rnn_size 256, seq_length 128,
     * batch_size 50, dropout 0.3, Adam 2e-3 halved every 5 epochs (clipping 5 is the shared default).
     */
    static final TaskDefaults CHORALE = new TaskDefaults(32, 3, 256, 50, 128, 30, 3, 0.3, 0.5, 5);
    /**
     * The JSB benchmark: a small corpus (67,860 training tokens), so heavier dropout, a slow per-epoch decay, and a
     * window that holds a whole piece (the longest training piece has 631 tokens), so no state is cut.
     */
    static final TaskDefaults JSB = new TaskDefaults(32, 2, 256, 8, 800, 100, 8, 0.5, 0.97, 1);
  }

  /**
   * What a task hands to the shared training code: the sequences, the vocabulary size, the metadata saved with the
   * model, the task's lines of the report, and the task's own measurements of the trained model (added to the report
   * under their keys; empty for most tasks).
   */
  private record TaskData(String name, List<int[]> train, List<int[]> validation, int vocabularySize,
      Map<String, Object> metadata, Map<String, Object> report,
      Function<SequenceModel, Map<String, Object>> measurements) {

    TaskData(String name, List<int[]> train, List<int[]> validation, int vocabularySize, Map<String, Object> metadata,
        Map<String, Object> report) {
      this(name, train, validation, vocabularySize, metadata, report, model -> Map.of());
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Task chosenTask = parsedTask();
    TaskDefaults defaults = chosenTask.defaults;
    Preconditions.checkArgument(transpose >= 0 && transpose <= 11, "--transpose must be 0..11, got %s", transpose);
    Path checkpoints = out.resolve("checkpoints");
    Path modelDirectory = out.resolve("model");
    if (!resume && Files.exists(modelDirectory)) {
      throw new IllegalArgumentException(modelDirectory + " exists already: choose another --out, or pass --resume");
    }
    if (threads != null) {
      BackendChoice.pinThreads(threads);
    }
    Backend chosen = BackendChoice.resolve(backend);
    TaskData data = switch (chosenTask) {
      case CHORDS -> chordData();
      case CHORALE -> choraleData();
      case JSB -> jsbData();
    };
    Preconditions.checkArgument(!data.validation().isEmpty(), "the validation split of %s is empty", data.name());

    Metrics baselines = noBaselines ? null
        : NGramBaselines.fit(data.train(), data.vocabularySize()).evaluate(data.validation());
    TrainingConfig config = trainingConfig(defaults);
    Files.createDirectories(out);
    ModelSpec modelSpec = modelSpec(defaults, data.vocabularySize());
    SequenceModel model = openModel(chosen, checkpoints, modelSpec);
    try (model) {
      model.setMetadata(data.metadata());
      err.printf(Locale.ROOT, "backend %s on %s, %,d parameters, %s%n", model.backendName(), model.device(),
          model.spec().parameterCount(), config);
      TrainingSummary summary = model.fit(data.train(), data.validation(), config,
          TrainingListener.both(ProgressBar.forTerminal(err), new CheckpointListener(model, checkpoints)));
      ScoreResult validation = model.score(data.validation());
      Map<String, Object> report = report(data, config, baselines, summary, validation, model);
      report.putAll(data.measurements().apply(model));
      Map<String, Object> finalMetadata = new LinkedHashMap<>(data.metadata());
      finalMetadata.put("report", report);
      model.setMetadata(finalMetadata);
      model.save(modelDirectory);
      LossCurveChart.write(summary.epochs(), "rocklstm train: " + data.name() + " (" + model.backendName() + ")",
          out.resolve("loss.png"));
      AtomicFiles.writeString(out.resolve("report.json"), Json.writePretty(report) + "\n");
      stdout.println(reportTable(report));
      if (report.get(JSB_VALID_FRAMES) instanceof Map<?, ?> frames) {
        @SuppressWarnings("unchecked")
        Map<String, Object> frameReport = (Map<String, Object>) frames;
        stdout.println(JsbCommand.frameTable("valid split, per frame", frameReport));
      }
      stdout.println("model: " + modelDirectory);
      stdout.flush();
    }
    return 0;
  }

  /** The task {@code --task} names. */
  Task parsedTask() {
    return switch (task.strip().toLowerCase(Locale.ROOT)) {
      case "chords" -> Task.CHORDS;
      case "chorale", "chorales" -> Task.CHORALE;
      case JsbCommand.TASK -> Task.JSB;
      default -> throw new IllegalArgumentException("--task " + task + " is not one of chords, chorale, jsb");
    };
  }

  /** The defaults of {@code --task}. */
  TaskDefaults taskDefaults() {
    return parsedTask().defaults;
  }

  /** The model the options ask for: each size option, or the task's default where it is not given. */
  ModelSpec modelSpec(TaskDefaults defaults, int vocabularySize) {
    return new ModelSpec(vocabularySize, or(embedding, defaults.embedding()), or(layers, defaults.layers()),
        or(hidden, defaults.hidden()), dropout == null ? defaults.dropout() : dropout);
  }

  private TaskData chordData() {
    Preconditions.checkArgument(corpora != null && !corpora.isEmpty(),
        "--task chords needs --corpus (billboard, rs200, harte or jazz, comma-separated)");
    ChordTokenizer.Settings settings = new ChordTokenizer.Settings(
        enumOption(VocabularyLevel.class, level, "--level"),
        enumOption(ChordTokenizer.TimeMode.class, timeMode, "--time-mode"), sections, genreToken);
    Corpus corpus = loadCorpora(corpora);
    ChordDataset data = ChordDataset.prepare(corpus, settings,
        allKeys ? ChordDataset.KeyHandling.ALL_KEYS : ChordDataset.KeyHandling.NORMALIZE);
    if (maxTrainTokens != null) {
      data = data.withTrainingTokens(maxTrainTokens, seed);
    }
    int vocabularySize = data.tokenizer().vocabulary().size();
    spec.commandLine().getErr().printf(Locale.ROOT,
        "%s: %d training / %d validation / %d test sequences, %,d training tokens, vocabulary %d%n",
        corpus.name(), data.train().size(), data.validation().size(), data.test().size(), data.trainTokens(),
        vocabularySize);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("task", "chords");
    metadata.put("tokenizer", ChordTokenizerMetadata.toJson(data.tokenizer()));
    metadata.put("corpus", data.corpusName());
    metadata.put("keyHandling", data.keyHandling().name());
    metadata.put("command", commandText());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("corpus", data.corpusName());
    report.put("trainSequences", data.train().size());
    report.put("validationSequences", data.validation().size());
    report.put("trainTokens", data.trainTokens());
    return new TaskData(data.corpusName(), data.train(), data.validation(), vocabularySize, metadata, report);
  }

  private TaskData choraleData() throws IOException {
    Preconditions.checkArgument(corpora == null || corpora.isEmpty(),
        "--task chorale trains on the music21 Bach chorales; --corpus is for --task chords");
    ChoraleDataset data = ChoraleDataset.loadBachChorales();
    int vocabularySize = data.tokenizer().vocabulary().size();
    spec.commandLine().getErr().printf(Locale.ROOT,
        "%s: %d training / %d validation chorales, %,d training / %,d validation tokens, vocabulary %d; %s%n",
        ChoraleDataset.NAME, data.train().size(), data.validation().size(), data.trainTokens(),
        data.validationTokens(), vocabularySize, data.corpus().report());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("task", ChoraleModel.TASK);
    metadata.put("tokenizer", ChoraleTokenizerMetadata.toJson(data.tokenizer()));
    metadata.put("corpus", ChoraleDataset.NAME);
    metadata.put("split", "ChoraleSplit " + ChoraleSplit.SALT);
    metadata.put("command", commandText());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("corpus", ChoraleDataset.NAME);
    report.put("trainChorales", data.train().size());
    report.put("validationChorales", data.validation().size());
    report.put("trainTokens", data.trainTokens());
    report.put("validationTokens", data.validationTokens());
    report.put("quantisation", quantisationReport(data.corpus().report()));
    return new TaskData(ChoraleDataset.NAME, data.train(), data.validation(), vocabularySize, metadata, report);
  }

  /** What chorale preparation changed in the notes ({@link QuantisationReport}), for report.json. */
  static Map<String, Object> quantisationReport(QuantisationReport quantisation) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("chorales", quantisation.chorales());
    report.put("notes", quantisation.notes());
    report.put("tiesMerged", quantisation.tiesMerged());
    report.put("moved", quantisation.moved());
    report.put("vanished", quantisation.vanished());
    report.put("fermatasAdded", quantisation.fermatasAdded());
    report.put("fermatasLost", quantisation.fermatasLost());
    return report;
  }

  /** The report key of the JSB task's per-frame figures on the valid split. */
  static final String JSB_VALID_FRAMES = "validFrames";

  private TaskData jsbData() throws IOException {
    JsbChoralesReader.Resolution frames = JsbCommand.resolution(resolution);
    JsbChorales jsb = JsbChoralesReader.read(frames);
    PianoRollTokenizer tokenizer = PianoRollTokenizer.create();
    List<ImmutableList<ImmutableIntArray>> trainPieces = limit(jsb.train());
    List<int[]> trainPlain = tokenizer.encodeAll(trainPieces);
    List<int[]> train = transpose == 0 ? trainPlain
        : tokenizer.encodeAll(JsbCommand.augmented(trainPieces, transpose));
    List<int[]> valid = tokenizer.encodeAll(limit(jsb.valid()));
    long trainTokens = train.stream().mapToLong(s -> s.length - 1).sum();
    spec.commandLine().getErr().printf(Locale.ROOT, "JSB %s: %d training sequences (%d pieces, transpose +-%d),"
            + " %d valid pieces, %,d training tokens, vocabulary %d%n", frames.fileName(), train.size(),
        trainPieces.size(), transpose, valid.size(), trainTokens, tokenizer.vocabulary().size());
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("task", JsbCommand.TASK);
    metadata.put("resolution", frames.name().toLowerCase(Locale.ROOT));
    metadata.put("transpose", transpose);
    metadata.put("vocabulary", tokenizer.vocabulary().tokens());
    metadata.put("command", commandText());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("corpus", "jsb-chorales (" + frames.fileName() + ")");
    report.put("transpose", transpose);
    report.put("trainSequences", train.size());
    report.put("validationSequences", valid.size());
    report.put("trainTokens", trainTokens);
    return new TaskData("jsb-chorales", train, valid, tokenizer.vocabulary().size(), metadata, report,
        model -> Map.of(JSB_VALID_FRAMES, JsbCommand.frameReport(model, trainPlain, valid)));
  }

  private List<ImmutableList<ImmutableIntArray>> limit(List<ImmutableList<ImmutableIntArray>> pieces) {
    return maxPieces == null ? pieces : pieces.subList(0, Math.min(maxPieces, pieces.size()));
  }

  private String commandText() {
    return "rocklstm " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
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
    return loadCorpora(names, DataDirectory.locate());
  }

  /** As {@link #loadCorpora(List)}, reading each corpus from its standard folder under {@code dataRoot}. */
  static Corpus loadCorpora(List<String> names, Path dataRoot) {
    Preconditions.checkArgument(!names.isEmpty(), "--corpus needs at least one corpus name");
    List<Corpus> parts = new ArrayList<>();
    for (String name : names) {
      CorpusFormat format = CorpusFormat.parse(name);
      Preconditions.checkArgument(format.isChordCorpus(),
          "--corpus %s holds chorales, not chord songs (chord corpora: billboard, rs200, harte, jazz)", name);
      parts.add(Corpora.load(format, DataDirectory.resolve(dataRoot, format.standardFolder()), ReadMode.LENIENT));
    }
    return parts.size() == 1 ? parts.get(0)
        : Corpus.concat(parts.stream().map(Corpus::name).collect(Collectors.joining("+")), parts);
  }

  /** The training settings the options ask for: each option, or the task's default where it is not given. */
  TrainingConfig trainingConfig(TaskDefaults defaults) {
    TrainingConfig.Builder b = TrainingConfig.builder().batchSize(or(batch, defaults.batch()))
        .bptt(or(bptt, defaults.bptt())).maxEpochs(or(epochs, defaults.epochs())).learningRate(learningRate)
        .learningRateDecay(learningRateDecay == null ? defaults.learningRateDecay() : learningRateDecay)
        .decayEvery(or(decayEvery, defaults.decayEvery())).gradientClip(clip)
        .earlyStoppingPatience(or(patience, defaults.patience())).seed(seed);
    if (maxStepsPerEpoch != null) {
      b.maxStepsPerEpoch(maxStepsPerEpoch);
    }
    return b.build();
  }

  private static Map<String, Object> report(TaskData data, TrainingConfig config, Metrics baselines,
      TrainingSummary summary, ScoreResult validation, SequenceModel model) {
    Map<String, Object> report = new LinkedHashMap<>(data.report());
    report.put("backend", model.backendName());
    report.put("vocabularySize", data.vocabularySize());
    ModelSpec modelSpec = model.spec();
    Map<String, Object> modelReport = new LinkedHashMap<>();
    modelReport.put("embedding", modelSpec.embeddingSize());
    modelReport.put("layers", modelSpec.layers());
    modelReport.put("hidden", modelSpec.hiddenSize());
    modelReport.put("dropout", modelSpec.dropout());
    modelReport.put("parameters", modelSpec.parameterCount());
    report.put("model", modelReport);
    Map<String, Object> trainingReport = new LinkedHashMap<>();
    trainingReport.put("batch", config.batchSize());
    trainingReport.put("bptt", config.bptt());
    trainingReport.put("learningRate", config.learningRate());
    trainingReport.put("learningRateDecay", config.learningRateDecay());
    trainingReport.put("decayEvery", config.decayEvery());
    trainingReport.put("clip", config.gradientClip());
    trainingReport.put("maxEpochs", config.maxEpochs());
    trainingReport.put("patience", config.earlyStoppingPatience());
    report.put("training", trainingReport);
    report.put("epochs", summary.lastEpoch());
    report.put("bestEpoch", summary.bestEpoch());
    report.put("stoppedEarly", summary.stoppedEarly());
    report.put("trainingSeconds", summary.trainingTime().toMillis() / 1000.0);
    report.put("tokensPerSecond", summary.epochs().stream().mapToDouble(e -> e.tokensPerSecond()).average().orElse(0));
    Map<String, Object> validationReport = new LinkedHashMap<>();
    validationReport.put("tokens", validation.tokenCount());
    validationReport.put("lstm.nats", validation.natsPerToken());
    validationReport.put("lstm.perplexity", validation.perplexity());
    if (baselines != null) {
      baselines.forEach(m -> validationReport.put(m.name(), m.value()));
    }
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
