package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses the structure of a chart of the Jazz Chord Progressions Corpus ({@code SongDB/Songs*}/{@code *.txt}).
 *
 * <pre>
 * Title = All the Things You Are        header lines "Key = Value": Title, ComposedBy, DBKeySig (tonic of
 * ComposedBy = Jerome Kern              the key signature, no mode), TimeSig ("4 4"), Bars (the bar count)
 * DBKeySig = Ab
 * TimeSig = 4 4
 * Bars = 36
 *  Fm7 | Bbm7 | Eb7 | AbM7 |            bars, each closed by '|'; a bar's chords share its beats equally;
 *  DbM7 | Dm7 G7 | CM7 | CM7 |           NC = no chord
 * </pre>
 * Chord symbols are interpreted by the caller. A bar count that differs from {@code Bars} is reported (a chart
 * cut short or padded). In lenient mode the unit skipped is the bar (a bad header line is skipped alone).
 */
final class JazzChartParser {

  /** What the parser found; {@code keySignature} is empty when the header lacks it or it is not a note name. */
  record Chart<C>(String title, String composer, Optional<PitchClass> keySignature, Meter time,
      ImmutableList<ChartItem<C>> items) {}

  private static final String KNOWN_KEYS = "Title, ComposedBy, DBKeySig, TimeSig or Bars";

  private JazzChartParser() {}

  /**
   * Parses one chart.
   *
   * @param chords interprets a chord symbol; throws {@link IllegalArgumentException} saying what is valid
   * @throws CorpusFormatException for a file that is empty or not text (in either mode)
   */
  static <C> Chart<C> parse(Path file, ProblemLog log, Function<String, C> chords) {
    ImmutableList<String> lines = TextFiles.readLines(file);
    if (lines.stream().allMatch(String::isBlank)) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file), "empty file (expected header lines such as "
          + "'Title = ...', 'TimeSig = 4 4', 'Bars = 32' followed by bars such as ' Fm7 | Bbm7 | Eb7 | AbM7 |')");
    }
    String title = "";
    String composer = "";
    Optional<PitchClass> keySignature = Optional.empty();
    Meter time = null;
    int declaredBars = -1;
    List<ChartItem<C>> items = new ArrayList<>();
    List<ChartItem.Bar<C>> bars = new ArrayList<>();
    SourcePosition lastBarLine = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      SourcePosition at = new SourcePosition(file, i + 1, line);
      if (line.isBlank()) {
        continue;
      }
      int equals = line.indexOf(" = ");
      if (equals >= 0 && !line.contains("|")) {
        String key = line.substring(0, equals).strip();
        String value = line.substring(equals + 3).strip();
        try {
          switch (key) {
            case "Title":
              title = value;
              break;
            case "ComposedBy":
              composer = value;
              break;
            case "DBKeySig":
              keySignature = Optional.of(parseNote(value, at));
              break;
            case "TimeSig":
              time = parseTime(value, at);
              items.add(new ChartItem.MeterMark<>(time, at));
              break;
            case "Bars":
              declaredBars = parseCount(value, at);
              break;
            default:
              throw new CorpusFormatException(at, "unknown header '" + key + "' (expected " + KNOWN_KEYS + ")");
          }
        } catch (CorpusFormatException e) {
          log.report(e);
        }
        continue;
      }
      if (time == null) {
        log.report(at, "bars before a 'TimeSig = ' header line (expected e.g. 'TimeSig = 4 4'; reading on in 4/4)");
        time = Meter.COMMON_TIME;
        items.add(new ChartItem.MeterMark<>(time, at));
      }
      lastBarLine = at;
      String[] parts = line.split("\\|", -1);
      for (int b = 0; b < parts.length - 1; b++) {
        String barText = parts[b].strip();
        SourcePosition barAt = new SourcePosition(file, i + 1, barText + " |");
        try {
          ChartItem.Bar<C> bar = parseBar(barText, time, barAt, chords);
          items.add(bar);
          bars.add(bar);
        } catch (CorpusFormatException e) {
          log.report(e);
        }
      }
      String rest = parts[parts.length - 1].strip();
      if (!rest.isEmpty()) {
        log.report(new SourcePosition(file, i + 1, rest), "bar not closed with '|': truncated? (expected every "
            + "bar to end with '|', e.g. ' Fm7 | Bbm7 | Eb7 | AbM7 |')");
      }
    }
    SourcePosition whole = SourcePosition.wholeFile(file);
    if (title.isEmpty()) {
      log.report(whole, "no 'Title = ' header line (expected e.g. 'Title = All the Things You Are')");
    }
    if (lastBarLine == null) {
      log.report(whole, "no bars (expected bars such as ' Fm7 | Bbm7 | Eb7 | AbM7 |' after the header)");
    } else if (declaredBars >= 0 && declaredBars != bars.size()) {
      log.report(whole, "'Bars = " + declaredBars + "' but " + bars.size() + " bars are written (expected the "
          + "count to match; a chart cut short?)");
    }
    return new Chart<>(title, composer, keySignature, time == null ? Meter.COMMON_TIME : time,
        ImmutableList.copyOf(items));
  }

  private static <C> ChartItem.Bar<C> parseBar(String text, Meter time, SourcePosition at,
      Function<String, C> chords) {
    if (text.isEmpty()) {
      throw new CorpusFormatException(at, "empty bar (expected one or more chord symbols or NC between bar lines)");
    }
    ImmutableList.Builder<Optional<C>> slots = ImmutableList.builder();
    for (String token : TextFiles.WHITESPACE.split(text)) {
      try {
        slots.add(Optional.of(Preconditions.checkNotNull(chords.apply(token), "chord of %s", token)));
      } catch (IllegalArgumentException e) {
        throw new CorpusFormatException(at, "unknown chord '" + token + "': " + e.getMessage(), e);
      }
    }
    return new ChartItem.Bar<>(time, slots.build(), at);
  }

  private static PitchClass parseNote(String text, SourcePosition at) {
    try {
      return PitchClass.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(at, "key signature " + e.getMessage(), e);
    }
  }

  private static Meter parseTime(String text, SourcePosition at) {
    try {
      return Meter.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(at, e.getMessage(), e);
    }
  }

  private static int parseCount(String text, SourcePosition at) {
    try {
      int n = Integer.parseInt(text);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new CorpusFormatException(at, "bar count '" + text + "' is not a whole number >= 0 (e.g. Bars = 32)");
  }
}
