package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.render.ChordChart;
import io.github.rocklstm.render.MidiRenderer;
import io.github.rocklstm.render.ProgressionJson;
import io.github.rocklstm.render.WavRenderer;
import io.github.rocklstm.sample.BannedTokens;
import io.github.rocklstm.sample.BarStructure;
import io.github.rocklstm.sample.BeamHypothesis;
import io.github.rocklstm.sample.BeamSearch;
import io.github.rocklstm.sample.ChordChangeNoCopyConstraint;
import io.github.rocklstm.sample.CompositeSampler;
import io.github.rocklstm.sample.GenerationConfig;
import io.github.rocklstm.sample.SequenceGenerator;
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
 * {@code rocklstm generate}: samples chord progressions of an exact number of bars from a chord model (the bundled
 * default model unless {@code --model} is given), prints each as a chord chart with roman numerals, and writes
 * MIDI, WAV and JSON files on request.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Generates chord progressions with a trained chord model (by default the small model bundled in the jar).",
        "Every progression has exactly --bars bars of --beats-per-bar chords; --primer fixes the first bars"
            + " (one chord per bar: roman numerals relative to --key, or chord symbols in --key).",
        "--no-copy N rejects any run of more than N consecutive chord changes found verbatim in the model's"
            + " training songs (read from the corpora under ROCKLSTM_DATA); the primer is exempt.",
        "Example: rocklstm generate --key E --bars 16 --primer \"I V vi IV\" --seed 7 --midi song.mid"})
final class GenerateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A model directory or a `rocklstm train` output folder (default: the bundled model).")
  Path model;

  @Option(names = "--key", defaultValue = "C", description = "Key of the output, e.g. E, Bb, F#m, A minor"
      + " (default: ${DEFAULT-VALUE}).")
  String key;

  @Option(names = "--bars", defaultValue = "16", description = "Bars per progression (default: ${DEFAULT-VALUE}).")
  int bars;

  @Option(names = "--beats-per-bar", defaultValue = "4",
      description = "Chords (beats) per bar (default: ${DEFAULT-VALUE}).")
  int beatsPerBar;

  @Option(names = "--temperature", defaultValue = "0.9",
      description = "Sampling temperature, >= 0; 0 = greedy (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--top-k", paramLabel = "K", description = "Sample only from the K most probable chords.")
  Integer topK;

  @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling: the smallest set with mass >= P.")
  Double topP;

  @Option(names = "--beam", paramLabel = "W",
      description = "Beam search of width W instead of sampling (1 = greedy); prints the best --count of the W"
          + " (--count may not exceed W).")
  Integer beam;

  @Option(names = "--primer", paramLabel = "CHORDS",
      description = "The chords of the first bars, one per bar: roman numerals relative to --key, e.g."
          + " \"I V vi IV\" (RS200 numerals: degrees count from the tonic's major scale, so in a minor key write"
          + " i bIII iv v bVI bVII), or chord symbols in --key, e.g. \"E B C#m A\" with --key E. Each chord is read"
          + " as a numeral if it is one, else as a chord symbol.")
  String primer;

  @Option(names = "--no-copy", paramLabel = "N",
      description = "Reject any run of more than N consecutive chord changes (a chord held over several beats or"
          + " bars is one change) found verbatim in a training song of the model's corpus, which is read from the"
          + " data directory (ROCKLSTM_DATA). The --primer is given, not generated, and exempt.")
  Integer noCopy;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--count", defaultValue = "1", description = "Progressions to generate (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--midi", paramLabel = "FILE", description = "Write a MIDI file (FILE-1.mid, ... for --count > 1).")
  Path midi;

  @Option(names = "--wav", paramLabel = "FILE", description = "Write a WAV file (44.1 kHz, 16-bit stereo PCM).")
  Path wav;

  @Option(names = "--synth", defaultValue = "additive", paramLabel = "ENGINE",
      description = "How --wav is synthesised: additive (built in, the same bytes on every machine) or jdk (the JDK's"
          + " software synthesizer with its General MIDI sound bank) (default: ${DEFAULT-VALUE}).")
  String synth;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the progression as rocklstm JSON.")
  Path json;

  @Option(names = "--tempo", defaultValue = "120", description = "Beats per minute (default: ${DEFAULT-VALUE}).")
  double tempo;

  @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: the one on the classpath).")
  String backend;

  @Option(names = "--threads", defaultValue = "1",
      description = "Compute threads of the backend (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws IOException {
    Key outputKey = ChordModel.parseKey(key);
    Preconditions.checkArgument(bars >= 1, "--bars must be at least 1, got %s", bars);
    Preconditions.checkArgument(beatsPerBar >= 1 && beatsPerBar <= 16, "--beats-per-bar must be 1..16, got %s",
        beatsPerBar);
    Preconditions.checkArgument(count >= 1, "--count must be at least 1, got %s", count);
    engine(synth); // a bad --synth fails before anything is generated
    Preconditions.checkArgument(temperature >= 0 && Double.isFinite(temperature),
        "--temperature must be finite and >= 0 (0 = greedy), got %s", temperature);
    Preconditions.checkArgument(topK == null || topK >= 1, "--top-k must be at least 1, got %s", topK);
    Preconditions.checkArgument(topP == null || (topP > 0 && topP <= 1), "--top-p must be in (0, 1], got %s", topP);
    Preconditions.checkArgument(beam == null || beam >= 1, "--beam must be at least 1, got %s", beam);
    Preconditions.checkArgument(beam == null || count <= beam,
        "--count %s exceeds --beam %s: beam search keeps at most W progressions; give --beam %s or more", count, beam,
        count);
    Preconditions.checkArgument(noCopy == null || noCopy >= 1,
        "--no-copy must be at least 1 (chord changes), got %s", noCopy);
    Preconditions.checkArgument(tempo > 0 && tempo <= 400, "--tempo must be in (0, 400] bpm, got %s", tempo);
    CompositeSampler.Builder sampler = CompositeSampler.builder().temperature(temperature);
    if (topK != null) {
      sampler.topK(topK);
    }
    if (topP != null) {
      sampler.topP(topP);
    }

    try (ChordModel chords = ChordModel.load(model, backend, threads)) {
      int barToken = chords.barToken("--bars");
      BarStructure structure = BarStructure.of(chords.tokenizer(), beatsPerBar, bars);
      int[] primerTokens = primer == null ? new int[0] : primerTokens(chords, outputKey, barToken);
      structure.checkPrimer(primerTokens);
      GenerationConfig.Builder config = GenerationConfig.builder()
          .minLength(structure.sequenceLength())
          .maxLength(structure.sequenceLength())
          .primer(primerTokens)
          .bannedTokens(BannedTokens.of(chords.nonChordTokens()))
          .constraint(structure)
          .batchSize(Math.min(count, 64));
      if (noCopy != null) {
        config.constraint(noCopyGuard(chords));
      }
      List<int[]> sequences = new ArrayList<>();
      if (beam != null) {
        List<BeamHypothesis> hypotheses = new BeamSearch(config.build(), beam, 0).search(chords.model());
        hypotheses.stream().limit(count).forEach(h -> sequences.add(h.tokens()));
        if (sequences.size() < count) {
          spec.commandLine().getErr().printf(Locale.ROOT, "beam search of width %d found only %d progressions"
              + " that satisfy the constraints, fewer than --count %d%n", beam, sequences.size(), count);
        }
      } else {
        sequences.addAll(new SequenceGenerator(sampler.build(), config.build()).generate(chords.model(), count, seed));
      }
      double[] logLikelihoods = chords.model().score(sequences).logLikelihoods();
      PrintWriter out = spec.commandLine().getOut();
      Meter meter = new Meter(beatsPerBar, 4);
      ChordChart chart = ChordChart.builder().romanNumerals(true).beatsPerMinute(tempo).build();
      for (int i = 0; i < sequences.size(); i++) {
        ChordProgression progression = chords.progression(sequences.get(i), meter, outputKey);
        if (sequences.size() > 1) {
          out.printf(Locale.ROOT, "%s# %d of %d%n", i == 0 ? "" : "\n", i + 1, sequences.size());
        }
        out.print(chart.format(progression, outputKey));
        out.printf(Locale.ROOT, "log-likelihood %.3f nats (%.4f per token)%n", logLikelihoods[i],
            logLikelihoods[i] / (sequences.get(i).length - 1));
        String suffix = sequences.size() > 1 ? "-" + (i + 1) : "";
        write(progression, outputKey, suffix, chords.source(), logLikelihoods[i]);
      }
      out.flush();
    }
    return 0;
  }

  /** The no-copy guard over the training songs of the model's corpus, in chord changes. */
  private ChordChangeNoCopyConstraint noCopyGuard(ChordModel chords) {
    List<ChordProgression> training = TrainingSongs.of(chords.model().metadata(), chords.source(), "--no-copy");
    ChordChangeNoCopyConstraint guard = ChordChangeNoCopyConstraint.of(chords.tokenizer(), training, noCopy);
    spec.commandLine().getErr().printf(Locale.ROOT, "--no-copy %d: %d training progressions of %s indexed%n",
        noCopy, guard.trainingProgressions(), chords.model().metadata().get("corpus"));
    return guard;
  }

  private int[] primerTokens(ChordModel chords, Key outputKey, int barToken) {
    int[] perBar = chords.chordTokens(primer, outputKey, null, "--primer");
    int[] tokens = new int[perBar.length * (beatsPerBar + 1)];
    for (int bar = 0; bar < perBar.length; bar++) {
      tokens[bar * (beatsPerBar + 1)] = barToken;
      for (int beat = 1; beat <= beatsPerBar; beat++) {
        tokens[bar * (beatsPerBar + 1) + beat] = perBar[bar];
      }
    }
    Preconditions.checkArgument(perBar.length <= bars, "--primer has %s bars, more than --bars %s", perBar.length,
        bars);
    return tokens;
  }

  /** The WAV engine that {@code --synth} names. */
  static WavRenderer.Engine engine(String name) {
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "additive" -> WavRenderer.Engine.ADDITIVE;
      case "jdk" -> WavRenderer.Engine.SOFTWARE_SYNTHESIZER;
      default -> throw new IllegalArgumentException("--synth " + name + " is not one of additive, jdk");
    };
  }

  private void write(ChordProgression progression, Key outputKey, String suffix, String source,
      double logLikelihood) throws IOException {
    if (midi != null || wav != null) {
      MidiRenderer renderer = MidiRenderer.builder().beatsPerMinute(tempo).build();
      if (midi != null) {
        renderer.write(progression, outputKey, suffixed(midi, suffix));
      }
      if (wav != null) {
        WavRenderer.builder().engine(engine(synth)).build()
            .write(renderer.toSequence(progression, outputKey), suffixed(wav, suffix));
      }
    }
    if (json != null) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("model", source);
      metadata.put("command", "rocklstm generate "
          + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
      metadata.put("logLikelihood", logLikelihood);
      metadata.put("tempo", tempo);
      ProgressionJson.write(progression, outputKey, metadata, suffixed(json, suffix));
    }
  }

  /** {@code song.mid} with suffix {@code -2} is {@code song-2.mid}. */
  static Path suffixed(Path file, String suffix) {
    if (suffix.isEmpty()) {
      return file;
    }
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String changed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
    return file.resolveSibling(changed);
  }
}
