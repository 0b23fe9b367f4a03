package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.corpus.JsbChorales;
import io.github.rocklstm.corpus.JsbChoralesReader;
import io.github.rocklstm.eval.FrameLikelihood;
import io.github.rocklstm.eval.UnigramModel;
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
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.train.CheckpointListener;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm jsb ...}: the JSB Chorales polyphonic-music benchmark (Boulanger-Lewandowski et al. 2012; 229 / 76
 * / 77 pieces, quarter-note piano-roll frames), with frames tokenized by {@link PianoRollTokenizer} and scored as
 * negative log-likelihood per frame in nats ({@link FrameLikelihood}).
 */
@Command(
    name = "jsb",
    mixinStandardHelpOptions = true,
    description = {
        "The JSB Chorales benchmark: an LSTM over piano-roll frames (each frame its pitches in ascending order and a"
            + " frame delimiter), reported as negative log-likelihood per frame in nats.",
        "Example: rocklstm jsb train --out runs/jsb && rocklstm jsb evaluate --model runs/jsb --split test"},
    subcommands = {JsbCommand.Train.class, JsbCommand.Evaluate.class})
final class JsbCommand implements Runnable {

  /** The task name written into the model's metadata. */
  static final String TASK = "jsb";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The pieces of one split, each also moved by every shift in {@code -transpose..transpose} that fits. */
  static List<ImmutableList<ImmutableIntArray>> augmented(List<ImmutableList<ImmutableIntArray>> pieces,
      int transpose) {
    List<ImmutableList<ImmutableIntArray>> out = new ArrayList<>(pieces);
    for (int shift = -transpose; shift <= transpose; shift++) {
      if (shift == 0) {
        continue;
      }
      for (ImmutableList<ImmutableIntArray> piece : pieces) {
        if (PianoRollTokenizer.fitsTransposed(piece, shift)) {
          out.add(PianoRollTokenizer.transpose(piece, shift));
        }
      }
    }
    return out;
  }

  static JsbChoralesReader.Resolution resolution(String value) {
    return TrainCommand.enumOption(JsbChoralesReader.Resolution.class, value, "--resolution");
  }

  /** Frame NLL of {@code sequences} under the model and under an add-one unigram baseline fitted on {@code train}. */
  static Map<String, Object> frameReport(SequenceModel model, List<int[]> train, List<int[]> sequences) {
    ScoreResult scores = model.score(sequences);
    FrameLikelihood lstm = FrameLikelihood.of(sequences, scores);
    FrameLikelihood unigram = FrameLikelihood.of(sequences,
        UnigramModel.fit(train, PianoRollTokenizer.create().vocabulary().size()));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("pieces", sequences.size());
    r.put("frames", lstm.frames());
    r.put("predictedTokens", scores.tokenCount());
    r.put("lstm.natsPerFrame", lstm.natsPerFrame());
    r.put("lstm.natsPerFrameWithEnd", lstm.natsPerFrameWithEnd());
    r.put("lstm.natsPerFrameAfterFirst", lstm.natsPerFrameAfterFirst());
    r.put("lstm.natsPerToken", scores.natsPerToken());
    r.put("unigram.natsPerFrame", unigram.natsPerFrame());
    return r;
  }

  static String frameTable(String title, Map<String, Object> r) {
    return String.format(Locale.ROOT,
        "%s: %d pieces, %d frames, %d predicted tokens (END included, START not)%n"
            + "  LSTM     %.4f nats/frame (END excluded; %.4f with END; %.4f without each piece's first frame),"
            + " %.4f nats/token%n"
            + "  unigram  %.4f nats/frame (token unigram fitted on train, add-one)",
        title, ((Number) r.get("pieces")).intValue(), ((Number) r.get("frames")).longValue(),
        ((Number) r.get("predictedTokens")).longValue(), r.get("lstm.natsPerFrame"), r.get("lstm.natsPerFrameWithEnd"),
        r.get("lstm.natsPerFrameAfterFirst"), r.get("lstm.natsPerToken"), r.get("unigram.natsPerFrame"));
  }

  /** {@code rocklstm jsb train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
          "Trains an LSTM on the train split of the JSB chorales with early stopping on the valid split.",
          "Writes OUT/model, OUT/checkpoints/{last,best}, OUT/loss.png and OUT/report.json (valid NLL per frame)."})
  static final class Train implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: djl when both are there).")
    String backend;

    @Option(names = "--device", defaultValue = "auto",
        description = "cpu, gpu0, ... or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads of the backend (default: one per core).")
    Integer threads;

    @Option(names = "--resolution", defaultValue = "quarter",
        description = "Frame length: quarter (the standard benchmark), eighth or sixteenth"
            + " (default: ${DEFAULT-VALUE}).")
    String resolution;

    @Option(names = "--transpose", defaultValue = "0", paramLabel = "N",
        description = "Augment the train split with every shift of -N..N semitones that stays on the piano"
            + " (default: ${DEFAULT-VALUE}; the data are in C major / C minor). Evaluation is never transposed.")
    int transpose;

    @Option(names = "--max-pieces", paramLabel = "N",
        description = "Use only the first N pieces of each split (quick runs).")
    Integer maxPieces;

    @Option(names = "--embedding", defaultValue = "32", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--layers", defaultValue = "2", description = "LSTM layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "LSTM hidden size (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.5",
        description = "Dropout between layers (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--batch", defaultValue = "8", description = "Windows per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--bptt", defaultValue = "800",
        description = "BPTT window in tokens; the default holds a whole piece (default: ${DEFAULT-VALUE}).")
    int bptt;

    @Option(names = "--epochs", defaultValue = "100", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.002", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--lr-decay", defaultValue = "0.97",
        description = "Learning-rate decay factor (default: ${DEFAULT-VALUE}).")
    double learningRateDecay;

    @Option(names = "--decay-every", defaultValue = "1",
        description = "Epochs between decays (default: ${DEFAULT-VALUE}).")
    int decayEvery;

    @Option(names = "--clip", defaultValue = "5",
        description = "Gradient-norm clipping, 0 = off (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--patience", defaultValue = "8",
        description = "Early stopping: epochs without improvement, 0 = off (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-steps-per-epoch", paramLabel = "N", description = "Cap on steps per epoch (quick runs).")
    Integer maxStepsPerEpoch;

    @Option(names = "--resume", description = "Continue from OUT/checkpoints/last if it exists.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      PrintWriter stdout = spec.commandLine().getOut();
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

      JsbChoralesReader.Resolution frames = resolution(resolution);
      JsbChorales jsb = JsbChoralesReader.read(frames);
      PianoRollTokenizer tokenizer = PianoRollTokenizer.create();
      List<ImmutableList<ImmutableIntArray>> trainPieces = limit(jsb.train());
      List<int[]> trainPlain = tokenizer.encodeAll(trainPieces);
      List<int[]> train = transpose == 0 ? trainPlain : tokenizer.encodeAll(augmented(trainPieces, transpose));
      List<int[]> valid = tokenizer.encodeAll(limit(jsb.valid()));
      long trainTokens = train.stream().mapToLong(s -> s.length - 1).sum();
      err.printf(Locale.ROOT, "JSB %s: %d training sequences (%d pieces, transpose +-%d), %d valid pieces,"
              + " %,d training tokens, vocabulary %d%n", frames.fileName(), train.size(), trainPieces.size(),
          transpose, valid.size(), trainTokens, tokenizer.vocabulary().size());

      Files.createDirectories(out);
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("task", TASK);
      metadata.put("resolution", frames.name().toLowerCase(Locale.ROOT));
      metadata.put("transpose", transpose);
      metadata.put("vocabulary", tokenizer.vocabulary().tokens());
      metadata.put("command", "rocklstm jsb " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      ModelSpec modelSpec = new ModelSpec(tokenizer.vocabulary().size(), embedding, layers, hidden, dropout);
      SequenceModel model = open(chosen, checkpoints, modelSpec);
      try (model) {
        model.setMetadata(metadata);
        err.printf(Locale.ROOT, "backend %s on %s, %,d parameters%n", model.backendName(), model.device(),
            model.spec().parameterCount());
        TrainingSummary summary = model.fit(train, valid, config(),
            TrainingListener.both(ProgressBar.forTerminal(err), new CheckpointListener(model, checkpoints)));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", TASK);
        report.put("resolution", metadata.get("resolution"));
        report.put("backend", model.backendName());
        report.put("spec", Map.of("embedding", embedding, "layers", layers, "hidden", hidden, "dropout", dropout,
            "parameters", model.spec().parameterCount()));
        report.put("transpose", transpose);
        report.put("trainSequences", train.size());
        report.put("trainTokens", trainTokens);
        report.put("epochs", summary.lastEpoch());
        report.put("bestEpoch", summary.bestEpoch());
        report.put("stoppedEarly", summary.stoppedEarly());
        report.put("trainingSeconds", summary.trainingTime().toMillis() / 1000.0);
        report.put("tokensPerSecond",
            summary.epochs().stream().mapToDouble(e -> e.tokensPerSecond()).average().orElse(0));
        report.put("valid", frameReport(model, trainPlain, valid));
        Map<String, Object> finalMetadata = new LinkedHashMap<>(metadata);
        finalMetadata.put("report", report);
        model.setMetadata(finalMetadata);
        model.save(modelDirectory);
        LossCurveChart.write(summary.epochs(), "rocklstm jsb train (" + model.backendName() + ")",
            out.resolve("loss.png"));
        AtomicFiles.writeString(out.resolve("report.json"), Json.writePretty(report) + "\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> validReport = (Map<String, Object>) report.get("valid");
        stdout.println(frameTable("valid split", validReport));
        stdout.println("model: " + modelDirectory);
        stdout.flush();
      }
      return 0;
    }

    private List<ImmutableList<ImmutableIntArray>> limit(List<ImmutableList<ImmutableIntArray>> pieces) {
      return maxPieces == null ? pieces : pieces.subList(0, Math.min(maxPieces, pieces.size()));
    }

    private SequenceModel open(Backend chosen, Path checkpoints, ModelSpec modelSpec) {
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

    private TrainingConfig config() {
      TrainingConfig.Builder b = TrainingConfig.builder().batchSize(batch).bptt(bptt).maxEpochs(epochs)
          .learningRate(learningRate).learningRateDecay(learningRateDecay).decayEvery(decayEvery).gradientClip(clip)
          .earlyStoppingPatience(patience).seed(seed);
      if (maxStepsPerEpoch != null) {
        b.maxStepsPerEpoch(maxStepsPerEpoch);
      }
      return b.build();
    }
  }

  /** {@code rocklstm jsb evaluate}. */
  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
          "Negative log-likelihood per frame (nats) of a trained JSB model on the untransposed test or valid split.",
          "Every frame counts, the first of each piece included; END's cost is reported separately."})
  static final class Evaluate implements Callable<Integer> {

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
        description = "A model directory, or a training output folder holding one in DIR/model.")
    Path model;

    @Option(names = "--split", defaultValue = "test", description = "test or valid (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: djl when both are there).")
    String backend;

    @Option(names = "--device", defaultValue = "auto",
        description = "cpu, gpu0, ... or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads of the backend (default: one per core).")
    Integer threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws IOException {
      Preconditions.checkArgument(split.equals(JsbChorales.TEST) || split.equals(JsbChorales.VALID),
          "--split must be test or valid, got %s", split);
      Path directory = ModelDirectory.isModelDirectory(model) ? model : model.resolve("model");
      Preconditions.checkArgument(ModelDirectory.isModelDirectory(directory),
          "%s is not a model directory and holds no model/ folder", model);
      if (threads != null) {
        BackendChoice.pinThreads(threads);
      }
      Backend chosen = BackendChoice.resolve(backend);
      PianoRollTokenizer tokenizer = PianoRollTokenizer.create();
      try (SequenceModel loaded = chosen.load(directory, Device.parse(device))) {
        Map<String, Object> metadata = loaded.metadata();
        Preconditions.checkArgument(TASK.equals(metadata.get("task")),
            "%s is not a JSB model (its task is %s)", directory, metadata.get("task"));
        Preconditions.checkArgument(tokenizer.vocabulary().tokens().equals(metadata.get("vocabulary")),
            "%s was trained with another piano-roll vocabulary", directory);
        JsbChorales jsb = JsbChoralesReader.read(resolution(String.valueOf(metadata.get("resolution"))));
        List<int[]> train = tokenizer.encodeAll(jsb.train());
        List<int[]> sequences = tokenizer.encodeAll(jsb.split(split));
        Map<String, Object> report = frameReport(loaded, train, sequences);
        report.put("split", split);
        report.put("model", directory.toString());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(frameTable(split + " split", report));
        stdout.flush();
        if (json != null) {
          AtomicFiles.writeString(json, Json.writePretty(report) + "\n");
        }
      }
      return 0;
    }
  }
}
