package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.corpus.JsbChorales;
import io.github.rocklstm.corpus.JsbChoralesReader;
import io.github.rocklstm.eval.FrameLikelihood;
import io.github.rocklstm.eval.Metrics;
import io.github.rocklstm.eval.ModelLikelihood;
import io.github.rocklstm.eval.UnigramModel;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.token.PianoRollTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code rocklstm jsb evaluate}, and the JSB pieces {@code rocklstm train --task jsb} uses: the JSB Chorales
 * polyphonic-music benchmark (Boulanger-Lewandowski et al. 2012; 229 / 76 / 77 pieces, quarter-note piano-roll
 * frames), with frames tokenized by {@link PianoRollTokenizer} and scored as
 * negative log-likelihood per frame in nats ({@link FrameLikelihood}, through {@link ModelLikelihood}).
 */
@Command(
    name = "jsb",
    mixinStandardHelpOptions = true,
    description = {
        "The JSB Chorales benchmark: an LSTM over piano-roll frames (each frame its pitches in ascending order and a"
            + " frame delimiter), reported as negative log-likelihood per frame in nats.",
        "Train with: rocklstm train --task jsb --out runs/jsb",
        "Example: rocklstm jsb evaluate --model runs/jsb --split test"},
    subcommands = {JsbCommand.Evaluate.class})
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
    Metrics lstm = ModelLikelihood.of(model).withFrames().evaluate(sequences);
    Metrics unigram = ModelLikelihood.of("unigram",
        UnigramModel.fit(train, PianoRollTokenizer.create().vocabulary().size())).withFrames().evaluate(sequences);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("pieces", sequences.size());
    r.put("frames", (long) lstm.value(ModelLikelihood.FRAMES));
    r.put("predictedTokens", (long) lstm.value(ModelLikelihood.TOKENS));
    r.put("lstm.natsPerFrame", lstm.value(ModelLikelihood.FRAME_NATS));
    r.put("lstm.natsPerFrameWithEnd", lstm.value(ModelLikelihood.FRAME_NATS_WITH_END));
    // Undefined (left out) only when no piece has a second frame.
    r.put("lstm.natsPerFrameAfterFirst",
        lstm.find(ModelLikelihood.FRAME_NATS_AFTER_FIRST).map(m -> m.value()).orElse(Double.NaN));
    r.put("lstm.natsPerToken", lstm.value(ModelLikelihood.TOKEN_NATS));
    r.put("unigram.natsPerFrame", unigram.value(ModelLikelihood.FRAME_NATS));
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
