package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses a timed chord label file ({@code .lab}: {@code start end label} per line, separated by tabs or spaces,
 * times in seconds), the format of the Beatles/Isophonics, RWC-Pop, uspop and McGill {@code full.lab} annotations.
 *
 * <p>Checks: three fields; times are numbers of seconds with {@code end > start}; each segment starts where the one
 * before ended (a gap or overlap of more than {@value #TOLERANCE_SECONDS} s is reported). In
 * lenient mode a bad line is skipped.
 */
final class LabParser {

  /** A segment: {@code chord} from {@code start} to {@code end} seconds. */
  record Segment<C>(C chord, double start, double end, SourcePosition position) {
    double seconds() {
      return end - start;
    }
  }

  /** The largest gap or overlap between consecutive segments that counts as contiguous. */
  static final double TOLERANCE_SECONDS = 0.01;

  private static final Pattern FIELDS = Pattern.compile("[ \\t]+");

  private LabParser() {}

  /**
   * Parses one file.
   *
   * @param chords interprets a label; throws {@link IllegalArgumentException} saying what is valid
   * @throws CorpusFormatException for a file that is empty or not text (in either mode)
   */
  static <C> ImmutableList<Segment<C>> parse(Path file, ProblemLog log, Function<String, C> chords) {
    ImmutableList<String> lines = TextFiles.readLines(file);
    if (lines.stream().allMatch(String::isBlank)) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "empty file (expected lines 'start end label' in seconds, e.g. '0.104<TAB>1.858<TAB>Ab:min')");
    }
    List<Segment<C>> segments = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      SourcePosition at = new SourcePosition(file, i + 1, line);
      try {
        String[] fields = FIELDS.split(line.strip());
        if (fields.length != 3) {
          throw new CorpusFormatException(at, fields.length + " fields (expected 3: start end label, separated by "
              + "tabs or spaces, e.g. '0.104<TAB>1.858<TAB>Ab:min')");
        }
        double start = seconds(fields[0], at);
        double end = seconds(fields[1], at);
        if (!(end > start)) {
          throw new CorpusFormatException(at, "segment ends at " + fields[1] + " s, not after its start "
              + fields[0] + " s (expected end > start)");
        }
        if (!segments.isEmpty()) {
          double previousEnd = segments.get(segments.size() - 1).end();
          if (Math.abs(start - previousEnd) > TOLERANCE_SECONDS) {
            throw new CorpusFormatException(at, "segment starts at " + fields[0] + " s but the one before ends at "
                + previousEnd + " s (expected contiguous segments; a gap is written as an N segment)");
          }
        }
        C chord;
        try {
          chord = Preconditions.checkNotNull(chords.apply(fields[2]), "chord of %s", fields[2]);
        } catch (IllegalArgumentException e) {
          throw new CorpusFormatException(at, "unknown chord '" + fields[2] + "': " + e.getMessage(), e);
        }
        segments.add(new Segment<>(chord, start, end, at));
      } catch (CorpusFormatException e) {
        log.report(e);
      }
    }
    if (segments.isEmpty()) {
      log.report(SourcePosition.wholeFile(file), "no chord segments (expected lines 'start end label')");
    }
    return ImmutableList.copyOf(segments);
  }

  private static double seconds(String text, SourcePosition at) {
    try {
      double v = Double.parseDouble(text);
      if (v >= 0 && !Double.isInfinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new CorpusFormatException(at, "time '" + text + "' is not a number of seconds >= 0 (e.g. 1.858)");
  }
}
