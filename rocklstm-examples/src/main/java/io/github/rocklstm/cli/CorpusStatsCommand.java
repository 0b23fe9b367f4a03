package io.github.rocklstm.cli;

import io.github.rocklstm.corpus.Corpora;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.corpus.ReadMode;
import io.github.rocklstm.corpus.ReadProblem;
import io.github.rocklstm.corpus.ReadResult;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.VocabularyLevel;
import io.github.rocklstm.token.ChordTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm corpus stats --format billboard|rs200|harte|jazz|musicxml [--json] PATH}: songs, chord events,
 * vocabulary size per level and parse problems of a corpus folder.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
        "Reads a corpus folder and prints how many songs and chord events it holds, the vocabulary size at each"
            + " chord vocabulary level, and the problems met while parsing.",
        "Example: rocklstm corpus stats --format billboard ../shared/corpora/mcgill-billboard"})
final class CorpusStatsCommand implements Callable<Integer> {

  /** How many problems the text report lists before summarising the rest. */
  static final int PROBLEMS_SHOWN = 10;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "billboard, rs200, harte, jazz or musicxml")
  String format;

  @Option(names = "--json", description = "Print the statistics as one JSON object.")
  boolean json;

  @Option(names = "--strict", description = "Stop at the first malformed line instead of skipping and counting it.")
  boolean strict;

  @Parameters(paramLabel = "PATH", description = "The corpus folder, e.g. ../shared/corpora/rs200-rock-corpus")
  Path path;

  @Override
  public Integer call() throws IOException {
    CorpusFormat corpusFormat = CorpusFormat.parse(format);
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + " is not a folder (expected the corpus folder, e.g. "
          + "../shared/corpora/" + corpusFormat.standardFolder() + ")");
    }
    ReadMode mode = strict ? ReadMode.STRICT : ReadMode.LENIENT;
    Map<String, Object> stats = corpusFormat.isChordCorpus()
        ? chordStats(corpusFormat, Corpora.read(corpusFormat, path, mode))
        : choraleStats(readChorales(mode));
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? Json.writePretty(stats) : table(stats));
    out.flush();
    return 0;
  }

  private MusicXmlChoraleReader.Result readChorales(ReadMode mode) throws IOException {
    MusicXmlChoraleReader reader = mode == ReadMode.STRICT ? MusicXmlChoraleReader.strict()
        : MusicXmlChoraleReader.lenient();
    return reader.readAll(path);
  }

  static Map<String, Object> chordStats(CorpusFormat format, ReadResult<Song> result) {
    List<ChordProgression> progressions = result.items().stream().map(Song::progression).collect(Collectors.toList());
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("format", format.name().toLowerCase(Locale.ROOT));
    stats.put("songs", (long) result.items().size());
    stats.put("chordEvents", progressions.stream().mapToLong(p -> p.events().size()).sum());
    stats.put("beats", Math.round(progressions.stream().mapToDouble(ChordProgression::totalBeats).sum()));
    stats.put("distinctChords", (long) progressions.stream().flatMap(p -> p.events().stream())
        .map(ChordEvent::chord).distinct().count());
    Map<String, Object> vocabulary = new LinkedHashMap<>();
    for (VocabularyLevel level : VocabularyLevel.values()) {
      ChordTokenizer tokenizer = ChordTokenizer.fit(
          new ChordTokenizer.Settings(level, ChordTokenizer.TimeMode.CHANGES, false, false), progressions);
      vocabulary.put(level.name().toLowerCase(Locale.ROOT),
          (long) (tokenizer.vocabulary().size() - Vocabulary.SPECIAL_TOKENS.size()));
    }
    stats.put("chordVocabulary", vocabulary);
    Map<String, Long> genres = new LinkedHashMap<>();
    result.items().forEach(s -> genres.merge(s.genre(), 1L, Long::sum));
    stats.put("genres", genres);
    stats.put("minorKeys", result.items().stream().filter(s -> s.key().mode() == io.github.rocklstm.music.Mode.MINOR)
        .count());
    putProblems(stats, result.problems());
    return stats;
  }

  static Map<String, Object> choraleStats(MusicXmlChoraleReader.Result result) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("format", "musicxml");
    stats.put("fourVoiceChorales", (long) result.chorales().size());
    stats.put("notFourVoice", (long) result.notFourPart().size());
    stats.put("notes", result.chorales().stream().mapToLong(Chorale::noteCount).sum());
    stats.put("fermatas", result.chorales().stream().mapToLong(c -> c.fermataPositions().size()).sum());
    stats.put("minorKeys",
        result.chorales().stream().filter(c -> c.key().mode() == io.github.rocklstm.music.Mode.MINOR).count());
    stats.put("warnings", (long) result.warnings().size());
    putProblems(stats, result.problems());
    return stats;
  }

  private static void putProblems(Map<String, Object> stats, List<ReadProblem> problems) {
    stats.put("problemCount", (long) problems.size());
    stats.put("problems", problems.stream().map(ReadProblem::toString).collect(Collectors.toList()));
  }

  /** The human-readable report: one {@code name: value} line per statistic, problems listed last. */
  @SuppressWarnings("unchecked")
  static String table(Map<String, Object> stats) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e : stats.entrySet()) {
      if (e.getKey().equals("problems")) {
        continue;
      }
      if (e.getValue() instanceof Map) {
        sb.append(String.format(Locale.ROOT, "%-22s%n", e.getKey() + ":"));
        ((Map<String, Object>) e.getValue()).forEach(
            (k, v) -> sb.append(String.format(Locale.ROOT, "  %-20s%s%n", k, v)));
      } else {
        sb.append(String.format(Locale.ROOT, "%-22s%s%n", e.getKey() + ":", e.getValue()));
      }
    }
    List<String> problems = (List<String>) stats.get("problems");
    problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> sb.append("  problem: ").append(p).append('\n'));
    if (problems.size() > PROBLEMS_SHOWN) {
      sb.append("  ... and ").append(problems.size() - PROBLEMS_SHOWN).append(" more (see --json)\n");
    }
    return sb.toString().stripTrailing();
  }
}
