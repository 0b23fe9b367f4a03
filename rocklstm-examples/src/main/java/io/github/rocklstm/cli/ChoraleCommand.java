package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.corpus.MusicXmlChoraleWriter;
import io.github.rocklstm.eval.HarmonisationErrors;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.render.ChoraleMidiRenderer;
import io.github.rocklstm.sample.ChoraleGrammar;
import io.github.rocklstm.sample.ChoraleHarmoniser;
import io.github.rocklstm.sample.GenerationConfig;
import io.github.rocklstm.sample.Sampler;
import io.github.rocklstm.sample.SequenceGenerator;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.FrameValidation;
import io.github.rocklstm.token.HarmonisationTemplate;
import io.github.rocklstm.token.PreparedChorale;
import io.github.rocklstm.train.ChoraleDataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm chorale}: four-voice chorales with a model from {@code rocklstm train --task chorale}: generation
 * from scratch, harmonisation of a soprano line, and harmonisation error rates on the validation chorales.
 */
@Command(
    name = "chorale",
    mixinStandardHelpOptions = true,
    description = "Four-voice chorales with a BachBot model (rocklstm train --task chorale).",
    subcommands = {ChoraleCommand.Generate.class, ChoraleCommand.Harmonize.class, ChoraleCommand.Evaluate.class,
        CommandLine.HelpCommand.class})
final class ChoraleCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options every chorale subcommand shares. */
  static final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR",
        description = "A chorale model directory, or a `rocklstm train --task chorale` output folder.")
    Path model;

    @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: as for train).")
    String backend;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
        description = "Compute threads of the backend (default: ${DEFAULT-VALUE}).")
    int threads;

    ChoraleModel load() {
      return ChoraleModel.load(model, backend, threads);
    }
  }

  /** {@code rocklstm chorale generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Generates a chorale from scratch. Sampling is constrained by the BachBot grammar, so the output"
          + " always decodes into four voices, each note within its voice's range.",
          "Example: rocklstm chorale generate --model runs/chorale --seed 3 --temperature 0.9 --midi c.mid"
              + " --musicxml c.musicxml"})
  static final class Generate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ModelOptions options = new ModelOptions();

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--temperature", defaultValue = "1.0",
        description = "Sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--key", paramLabel = "KEY",
        description = "Key of the output, e.g. G or F#m (default: C major / A minor as the model writes it).")
    String key;

    @Option(names = "--max-frames", defaultValue = "512",
        description = "Longest chorale in 16th-note frames (default: ${DEFAULT-VALUE}, 32 bars of 4/4).")
    int maxFrames;

    @Option(names = "--midi", paramLabel = "FILE", description = "Write a MIDI file.")
    Path midi;

    @Option(names = "--musicxml", paramLabel = "FILE", description = "Write a MusicXML file.")
    Path musicXml;

    @Override
    public Integer call() throws IOException {
      Preconditions.checkArgument(maxFrames >= 1, "--max-frames must be >= 1, got %s", maxFrames);
      Key target = key == null ? null : ChordModel.parseKey(key);
      try (ChoraleModel model = options.load()) {
        int[] tokens = generate(model, target, temperature, maxFrames, seed);
        ChoraleTokenizer tokenizer = model.tokenizer();
        FrameValidation validation = tokenizer.validateFrames(tokens, target);
        Chorale chorale = target == null ? tokenizer.decode(tokens) : tokenizer.decode(tokens, target);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "generated %s: %d frames, %d notes, key %s, %s%n", "seed " + seed,
            validation.frames(), chorale.noteCount(), chorale.key(), validation.valid() ? "four valid voices"
                : "problems: " + validation.problems());
        write(chorale, midi, musicXml, out);
        out.flush();
      }
      return 0;
    }

    /** One grammar-constrained sample: START ... END, valid by construction. */
    static int[] generate(ChoraleModel model, Key key, double temperature, int maxFrames, long seed) {
      int maxLength = 2 + maxFrames * 6;
      GenerationConfig config = GenerationConfig.builder().batchSize(1).minLength(2).maxLength(maxLength)
          .constraint(new ChoraleGrammar(model.tokenizer(), key, maxLength)).build();
      return new SequenceGenerator(Sampler.temperature(temperature), config).generate(model.model(), 1, seed).get(0);
    }
  }

  /** {@code rocklstm chorale harmonize}. */
  @Command(name = "harmonize", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Harmonises a soprano line: the soprano's tokens are fixed and alto, tenor and bass are chosen"
          + " by greedy decoding or beam search.",
          "The soprano is the first part of a MusicXML score (.musicxml, .xml or .mxl with four parts, e.g. a Bach"
              + " chorale), or the first track with notes of a MIDI file (.mid; key and metre from its signatures).",
          "Example: rocklstm chorale harmonize --model runs/chorale --soprano bwv269.mxl --out h.musicxml --beam 8"})
  static final class Harmonize implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ModelOptions options = new ModelOptions();

    @Option(names = "--soprano", required = true, paramLabel = "FILE", description = "The soprano: MusicXML or MIDI.")
    Path soprano;

    @Option(names = "--out", required = true, paramLabel = "FILE",
        description = "Output: .mid / .midi writes MIDI, anything else MusicXML.")
    Path out;

    @Option(names = "--beam", defaultValue = "8", description = "Beam width (default: ${DEFAULT-VALUE}).")
    int beam;

    @Option(names = "--greedy", description = "Greedy decoding (BachBot's method; the same as --beam 1).")
    boolean greedy;

    @Override
    public Integer call() throws IOException {
      String fileName = soprano.getFileName().toString().toLowerCase(Locale.ROOT);
      boolean midiInput = fileName.endsWith(".mid") || fileName.endsWith(".midi");
      Chorale input = midiInput ? null : readSoprano(soprano);
      SopranoMidiReader line = midiInput ? SopranoMidiReader.read(soprano) : null;
      try (ChoraleModel model = options.load()) {
        HarmonisationTemplate template;
        try {
          template = midiInput ? model.tokenizer().harmonisationTemplate(line.notes(), line.key(), line.meter(), 0)
              : model.tokenizer().harmonisationTemplate(input);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(soprano + ": " + e.getMessage(), e);
        }
        ChoraleHarmoniser harmoniser = new ChoraleHarmoniser(model.tokenizer(), greedy ? 1 : beam);
        int[] tokens = harmoniser.harmonise(model.model(), template);
        Chorale result = model.tokenizer().decode(tokens, template.key(), template.meter(), template.pickup());
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "harmonised %s (%s, %s, %d frames) with %s%n", soprano, template.key(),
            template.meter(), template.frames(), harmoniser);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean isMidi = name.endsWith(".mid") || name.endsWith(".midi");
        write(result, isMidi ? out : null, isMidi ? null : out, w);
        w.flush();
      }
      return 0;
    }

    static Chorale readSoprano(Path file) throws IOException {
      try {
        return MusicXmlChoraleReader.strict().read(file);
      } catch (io.github.rocklstm.corpus.CorpusFormatException e) {
        throw new IllegalArgumentException(file + ": cannot read a soprano: " + e.getMessage()
            + " (a four-part MusicXML score whose first part is the soprano is needed)", e);
      }
    }
  }

  /** {@code rocklstm chorale evaluate}. */
  @Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Harmonises the soprano of every validation chorale (BachBot's 10%, ChoraleSplit) greedily and"
          + " with beam search and reports the ATB token error rate and the frame error rate against Bach.",
          "Example: rocklstm chorale evaluate --model runs/chorale --beam 1,8 --report eval.json"})
  static final class Evaluate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ModelOptions options = new ModelOptions();

    @Option(names = "--beam", defaultValue = "1,8", split = ",",
        description = "Beam widths to evaluate, comma-separated; 1 is greedy (default: ${DEFAULT-VALUE}).")
    List<Integer> beams;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N validation chorales.")
    Integer limit;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path report;

    @Override
    public Integer call() throws IOException {
      PrintWriter w = spec.commandLine().getOut();
      ChoraleDataset data = ChoraleDataset.loadBachChorales();
      List<PreparedChorale> chorales = data.validationChorales();
      if (limit != null) {
        Preconditions.checkArgument(limit >= 1, "--limit must be >= 1, got %s", limit);
        chorales = chorales.subList(0, Math.min(limit, chorales.size()));
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("model", options.model.toString());
      json.put("chorales", chorales.size());
      try (ChoraleModel model = options.load()) {
        ChoraleTokenizer tokenizer = model.tokenizer();
        List<Integer> widths = beams;
        w.printf(Locale.ROOT, "%d validation chorales (ChoraleSplit %s)%n", chorales.size(), ChoraleSplit());
        w.printf(Locale.ROOT, "  %-10s %8s %16s %16s %10s%n", "decoding", "frames", "ATB token error",
            "frame error", "seconds");
        for (int width : widths) {
          ChoraleHarmoniser harmoniser = new ChoraleHarmoniser(tokenizer, width);
          HarmonisationErrors total = HarmonisationErrors.ZERO;
          long started = System.nanoTime();
          List<String> skipped = new java.util.ArrayList<>();
          for (PreparedChorale chorale : chorales) {
            HarmonisationTemplate template;
            try {
              template = tokenizer.harmonisationTemplate(chorale.chorale());
            } catch (IllegalArgumentException e) {
              // A soprano the harmoniser refuses (outside the soprano's range): not part of the figures.
              skipped.add(chorale.id());
              spec.commandLine().getErr().println("skipped " + chorale.id() + ": " + e.getMessage());
              continue;
            }
            int[] predicted = harmoniser.harmonise(model.model(), template);
            total = total.plus(HarmonisationErrors.compare(tokenizer, predicted, tokenizer.encode(chorale.chorale())));
            spec.commandLine().getErr().printf(Locale.ROOT, "%s: %s, so far %s%n", width == 1 ? "greedy"
                : "beam " + width, chorale.id(), total);
            spec.commandLine().getErr().flush();
          }
          double seconds = (System.nanoTime() - started) / 1e9;
          String label = width == 1 ? "greedy" : "beam " + width;
          w.printf(Locale.ROOT, "  %-10s %8d %16.4f %16.4f %10.1f%s%n", label, total.frames(),
              total.tokenErrorRate(), total.frameErrorRate(), seconds,
              skipped.isEmpty() ? "" : "  (skipped " + String.join(", ", skipped) + ")");
          w.flush();
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("frames", total.frames());
          row.put("atbTokens", total.voiceTokens());
          row.put("atbTokenErrors", total.tokenErrors());
          row.put("frameErrors", total.frameErrors());
          row.put("atbTokenErrorRate", total.tokenErrorRate());
          row.put("frameErrorRate", total.frameErrorRate());
          row.put("seconds", seconds);
          row.put("skipped", skipped);
          json.put(label, row);
        }
      }
      if (report != null) {
        AtomicFiles.writeString(report, Json.writePretty(json) + "\n");
      }
      return 0;
    }

    private static String ChoraleSplit() {
      return io.github.rocklstm.token.ChoraleSplit.SALT;
    }
  }

  static void write(Chorale chorale, Path midi, Path musicXml, PrintWriter out) throws IOException {
    if (midi != null) {
      ChoraleMidiRenderer.standard().write(chorale, midi);
      out.println("midi: " + midi);
    }
    if (musicXml != null) {
      new MusicXmlChoraleWriter().write(chorale, musicXml);
      out.println("musicxml: " + musicXml);
    }
  }
}
