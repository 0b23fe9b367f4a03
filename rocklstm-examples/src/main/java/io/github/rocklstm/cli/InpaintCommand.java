package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.RomanNumeral;
import io.github.rocklstm.render.ChordChart;
import io.github.rocklstm.sample.BannedTokens;
import io.github.rocklstm.sample.CompositeSampler;
import io.github.rocklstm.sample.Inpainter;
import io.github.rocklstm.sample.InpaintingCandidate;
import io.github.rocklstm.sample.InpaintingConfig;
import io.github.rocklstm.token.Vocabulary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm inpaint}: fills the gaps ({@code _}) of a progression template with a chord model and lists the
 * best distinct fills, ranked by the model's log-likelihood of the whole progression (right context included).
 */
@Command(
    name = "inpaint",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Fills the gaps of a progression: one roman numeral per bar, _ for a bar to fill.",
        "Candidates are sampled with every other bar fixed and ranked by the log-likelihood of the whole"
            + " progression, so how a fill leads into what follows counts.",
        "Example: rocklstm inpaint --progression \"I IV _ _ V I\" --candidates 20 --seed 3"})
final class InpaintCommand implements Callable<Integer> {

  /** The template's mark for a bar to fill. */
  static final String GAP = "_";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A model directory or a `rocklstm train` output folder (default: the bundled model).")
  Path model;

  @Option(names = "--progression", required = true, paramLabel = "CHORDS",
      description = "One chord per bar, _ for a bar to fill: roman numerals, e.g. \"I IV _ _ V I\" (RS200 numerals:"
          + " in a minor key i bIII iv v bVI bVII), or chord symbols in --key, e.g. \"E A _ _ B E\".")
  String progression;

  @Option(names = "--candidates", defaultValue = "10",
      description = "Distinct fills to list, best first (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--samples", paramLabel = "N",
      description = "Fills to draw before removing duplicates (default: 8 x --candidates).")
  Integer samples;

  @Option(names = "--temperature", defaultValue = "1",
      description = "Temperature for drawing fills, > 0 (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--beats-per-bar", defaultValue = "4",
      description = "Chords (beats) per bar (default: ${DEFAULT-VALUE}).")
  int beatsPerBar;

  @Option(names = "--key", defaultValue = "C", description = "Key of the progression (default: ${DEFAULT-VALUE}).")
  String key;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--chart", description = "Print the chord chart of the best fill as well.")
  boolean chart;

  @Option(names = "--backend", paramLabel = "NAME", description = "djl or dl4j (default: the one on the classpath).")
  String backend;

  @Option(names = "--threads", defaultValue = "1",
      description = "Compute threads of the backend (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() {
    Key outputKey = ChordModel.parseKey(key);
    Preconditions.checkArgument(candidates >= 1, "--candidates must be at least 1, got %s", candidates);
    Preconditions.checkArgument(samples == null || samples >= 1, "--samples must be at least 1, got %s", samples);
    Preconditions.checkArgument(temperature > 0 && Double.isFinite(temperature),
        "--temperature must be finite and > 0 for inpainting, got %s", temperature);
    Preconditions.checkArgument(beatsPerBar >= 1 && beatsPerBar <= 16, "--beats-per-bar must be 1..16, got %s",
        beatsPerBar);
    try (ChordModel chords = ChordModel.load(model, backend, threads)) {
      int barToken = chords.barToken("inpaint");
      int[] perBar = chords.chordTokens(progression, outputKey, GAP, "--progression");
      Preconditions.checkArgument(IntStream.of(perBar).anyMatch(t -> t == Vocabulary.MASK_ID),
          "--progression \"%s\" has no %s: mark the bars to fill with %s, e.g. \"I IV _ _ V I\"", progression, GAP,
          GAP);
      int[] sequence = new int[2 + perBar.length * (beatsPerBar + 1)];
      sequence[0] = Vocabulary.START_ID;
      sequence[sequence.length - 1] = Vocabulary.END_ID;
      List<Integer> gaps = new ArrayList<>();
      for (int bar = 0; bar < perBar.length; bar++) {
        int start = 1 + bar * (beatsPerBar + 1);
        sequence[start] = barToken;
        for (int beat = 1; beat <= beatsPerBar; beat++) {
          sequence[start + beat] = perBar[bar];
          if (perBar[bar] == Vocabulary.MASK_ID) {
            gaps.add(start + beat);
          }
        }
      }
      int[] banned = IntStream.concat(IntStream.of(chords.nonChordTokens()), IntStream.of(barToken)).toArray();
      InpaintingConfig config = InpaintingConfig.builder()
          .sampler(CompositeSampler.builder().temperature(temperature).build())
          .samples(samples == null ? 8 * candidates : samples)
          .keep(candidates)
          .bannedTokens(BannedTokens.of(banned))
          .build();
      int[] gapPositions = gaps.stream().mapToInt(Integer::intValue).toArray();
      List<InpaintingCandidate> ranked = new Inpainter(config).inpaint(chords.model(), sequence, gapPositions, seed);
      PrintWriter out = spec.commandLine().getOut();
      Meter meter = new Meter(beatsPerBar, 4);
      out.printf(Locale.ROOT, "template: %s  (key %s, %d gap bar(s), %d distinct fill(s), best first)%n",
          progression.strip(), outputKey, perBar.length - (int) IntStream.of(perBar).filter(
              t -> t != Vocabulary.MASK_ID).count(), ranked.size());
      for (int i = 0; i < ranked.size(); i++) {
        InpaintingCandidate candidate = ranked.get(i);
        ChordProgression filled = chords.progression(candidate.tokens(), meter, outputKey);
        out.printf(Locale.ROOT, "%3d  %9.3f  %s%n", i + 1, candidate.logLikelihood(),
            numerals(filled, outputKey));
      }
      if (chart && !ranked.isEmpty()) {
        out.println();
        out.print(ChordChart.builder().romanNumerals(true).build()
            .format(chords.progression(ranked.get(0).tokens(), meter, outputKey), outputKey));
      }
      out.flush();
    }
    return 0;
  }

  /**
   * The roman numerals bar by bar, two spaces apart: one numeral for a bar of one chord, otherwise the numeral of
   * every beat joined by {@code /} ({@code I  IV/IV/V/V  vi}), so that different fills always read differently.
   */
  static String numerals(ChordProgression progression, Key key) {
    return progression.bars().stream()
        .map(bar -> bar.size() == 1 ? numeral(bar.get(0).chord(), key) : bar.stream()
            .flatMap(event -> java.util.Collections.nCopies((int) Math.round(event.beats()),
                numeral(event.chord(), key)).stream())
            .collect(Collectors.joining("/")))
        .collect(Collectors.joining("  "));
  }

  private static String numeral(Chord chord, Key key) {
    if (chord.isUnknown()) {
      return "X";
    }
    if (chord.isNoChord()) {
      return "N";
    }
    return RomanNumeral.of(chord, key).format();
  }
}
