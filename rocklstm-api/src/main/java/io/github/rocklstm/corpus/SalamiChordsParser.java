package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the structure of a McGill Billboard {@code salami_chords.txt} file into {@link ChartItem}s.
 *
 * <p>The format, as found in all 890 files of the v2.0 release:
 * <pre>
 * # title: I Don't mind                 header lines: title, artist, metre, tonic;
 * # artist: James Brown                 metre and tonic may recur mid-file (metre change, modulation)
 * # metre: 6/8
 * # tonic: C
 *
 * 0.0	silence                           timestamp (seconds) TAB content
 * 7.3469387e-2	A, intro, | A:min | A:min | C:maj | C:maj |
 * 22.346394557	B, verse, | A:min | A:min | C:maj | C:maj |, (voice
 * 76.1239	| A:min | A:min | x4, voice)
 * 150.909387755	end
 * </pre>
 * Content is {@code silence}, {@code end}, a non-musical section without bars ({@code Z}, {@code Z, noise}), or
 * bars: an optional comma-separated prefix (section letter {@code A}, {@code B'}; section labels such as
 * {@code verse}; instrument annotations {@code (voice}, {@code guitar)}, {@code (drums)}; {@code fadeout}), the
 * bars between {@code |}, and an optional suffix ({@code xN} repeats the line's bars N times in all, {@code ->}
 * marks an elided phrase end, then comma-separated annotations). A bar holds an optional bar-local metre
 * {@code (2/4)} and chord slots that share its beats equally; {@code .} continues the previous chord for its slot.
 * Chord slot labels ({@code A:min}, {@code N}, {@code *}, {@code &pause}) are interpreted by the caller.
 * Lines without bars produce no chord events (silence and noise have no beats).
 */
final class SalamiChordsParser {

  /** What the parser found in one file. {@code title}/{@code artist} are empty when the header lacks them. */
  record Chart<C>(String title, String artist, ImmutableList<ChartItem<C>> items) {}

  private static final Pattern HEADER = Pattern.compile("#\\s*([A-Za-z]+)\\s*:\\s*(.*)");
  private static final Pattern SECTION_LETTER = Pattern.compile("[A-Z]'*");
  private static final Pattern REPEAT = Pattern.compile("x(\\d+)");
  private static final Pattern BAR_METER = Pattern.compile("\\((\\d+)/(\\d+)\\)");
  private static final ImmutableList<String> FADES = ImmutableList.of("fadeout", "fade out", "fadein", "fade in");
  private static final int MAX_REPEAT = 1000;

  private SalamiChordsParser() {}

  /**
   * Parses one file. Problems go to {@code log}: thrown in strict mode; in lenient mode the offending line is
   * skipped (all of it: a line is the unit the format repeats and labels) and reading goes on.
   *
   * @param chords interprets a chord slot label; throws {@link IllegalArgumentException} with a message saying
   *     what is valid when the label is not a chord
   * @throws CorpusFormatException for a file that is not text or holds no header (in either mode: there is
   *     nothing to keep)
   */
  static <C> Chart<C> parse(Path file, ProblemLog log, Function<String, C> chords) {
    ImmutableList<String> lines = TextFiles.readLines(file);
    if (lines.stream().allMatch(String::isBlank)) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file), "empty file (expected '# title:', "
          + "'# artist:', '# metre:' and '# tonic:' header lines followed by timed chord lines)");
    }
    String title = "";
    String artist = "";
    boolean sawMetre = false;
    boolean sawTonic = false;
    boolean sawEnd = false;
    int bars = 0;
    List<ChartItem<C>> items = new ArrayList<>();
    Meter metre = Meter.COMMON_TIME;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      SourcePosition at = new SourcePosition(file, i + 1, line);
      if (line.isBlank()) {
        continue;
      }
      try {
        if (line.startsWith("#")) {
          Matcher m = HEADER.matcher(line.strip());
          if (!m.matches()) {
            throw new CorpusFormatException(at, "not a header line (expected '# key: value' with key title, "
                + "artist, metre or tonic)");
          }
          String key = m.group(1).toLowerCase(Locale.ROOT);
          String value = m.group(2).strip();
          switch (key) {
            case "title":
              title = value;
              break;
            case "artist":
              artist = value;
              break;
            case "metre":
            case "meter":
              metre = parseTime(value, at);
              sawMetre = true;
              items.add(new ChartItem.MeterMark<>(metre, at));
              break;
            case "tonic":
              items.add(new ChartItem.TonicMark<>(parseTonic(value, at), 0, at));
              sawTonic = true;
              break;
            default:
              throw new CorpusFormatException(at, "unknown header '" + m.group(1)
                  + "' (expected title, artist, metre or tonic)");
          }
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new CorpusFormatException(at, "expected a timestamp in seconds, a TAB and the line's content "
              + "(e.g. '7.3469387e-2<TAB>A, intro, | A:min | C:maj |')");
        }
        String stamp = line.substring(0, tab).strip();
        try {
          double seconds = Double.parseDouble(stamp);
          if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          throw new CorpusFormatException(at, "timestamp '" + stamp
              + "' is not a number of seconds >= 0 (e.g. 0.0, 8.714013605, 7.3469387e-2)");
        }
        if (sawEnd) {
          throw new CorpusFormatException(at, "content after the 'end' line (expected nothing after 'end')");
        }
        String content = line.substring(tab + 1).strip();
        List<ChartItem<C>> lineItems = parseContent(content, at, metre, chords);
        if (content.equals("end")) {
          sawEnd = true;
        }
        for (ChartItem<C> item : lineItems) {
          if (item instanceof ChartItem.Bar) {
            bars++;
          }
        }
        items.addAll(lineItems);
      } catch (CorpusFormatException e) {
        log.report(e);
      }
    }
    SourcePosition whole = SourcePosition.wholeFile(file);
    if (title.isEmpty() || artist.isEmpty()) {
      log.report(whole, "no '# title:' or no '# artist:' header line (expected both at the top of the file)");
    }
    if (!sawMetre) {
      log.report(whole, "no '# metre:' header line (expected e.g. '# metre: 4/4'; reading on in 4/4)");
    }
    if (!sawTonic) {
      log.report(whole, "no '# tonic:' header line (expected e.g. '# tonic: C')");
    }
    if (bars == 0) {
      log.report(whole, "no bars (expected timed lines with bars such as '| A:min | C:maj |')");
    } else if (!sawEnd) {
      log.report(new SourcePosition(file, lines.size(), lines.get(lines.size() - 1)),
          "file ends without an 'end' line: truncated? (expected the last timed line to be 'end')");
    }
    return new Chart<>(title, artist, ImmutableList.copyOf(items));
  }

  private static <C> List<ChartItem<C>> parseContent(String content, SourcePosition at, Meter metre,
      Function<String, C> chords) {
    List<ChartItem<C>> items = new ArrayList<>();
    if (content.isEmpty()) {
      throw new CorpusFormatException(at, "nothing after the timestamp (expected 'silence', 'end', a section such "
          + "as 'Z, noise', or bars such as 'A, intro, | A:min | C:maj |'; truncated line?)");
    }
    int first = content.indexOf('|');
    if (first < 0) {
      if (!content.equals("silence") && !content.equals("end")) {
        // A section without bars (Z = noise, talking, applause): check its prefix, produce nothing.
        parsePrefix(content, at);
      }
      return items;
    }
    int last = content.lastIndexOf('|');
    if (last == first) {
      throw new CorpusFormatException(at, "a bar is opened with '|' but never closed (expected bars written as "
          + "'| A:min | C:maj |'; truncated line?)");
    }
    Optional<ChartItem.SectionMark<C>> section = parsePrefix(content.substring(0, first), at);
    section.ifPresent(items::add);
    int repeat = parseSuffix(content.substring(last + 1), at);
    String[] barTexts = content.substring(first + 1, last).split("\\|", -1);
    List<ChartItem.Bar<C>> bars = new ArrayList<>();
    for (String barText : barTexts) {
      bars.add(parseBar(barText.strip(), at, metre, chords));
    }
    for (int r = 0; r < repeat; r++) {
      items.addAll(bars);
    }
    return items;
  }

  /** The prefix before the first bar line; a section mark when it names a section letter or label. */
  private static <C> Optional<ChartItem.SectionMark<C>> parsePrefix(String prefix, SourcePosition at) {
    String letter = "";
    String label = "";
    for (String raw : prefix.split(",")) {
      String token = raw.strip();
      if (token.isEmpty() || token.startsWith("(") || token.endsWith(")")) {
        continue; // instrument annotation: (voice  guitar)  (drums)
      }
      if (SECTION_LETTER.matcher(token).matches()) {
        if (!letter.isEmpty()) {
          throw new CorpusFormatException(at, "two section letters '" + letter + "' and '" + token
              + "' on one line (expected at most one, e.g. 'A, intro, | ...')");
        }
        letter = token;
      } else if (token.contains("|") || token.contains(":")) {
        throw new CorpusFormatException(at, "unexpected '" + token + "' before the first bar line (expected a "
            + "section letter, a section label or an instrument annotation)");
      } else if (label.isEmpty() && !FADES.contains(token.toLowerCase(Locale.ROOT))) {
        label = token.toLowerCase(Locale.ROOT);
      }
    }
    if (letter.isEmpty() && label.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ChartItem.SectionMark<>(letter, label, at));
  }

  /** The suffix after the last bar line: the repeat count (1 when there is none). */
  private static int parseSuffix(String suffix, SourcePosition at) {
    String head = suffix;
    int comma = suffix.indexOf(',');
    if (comma >= 0) {
      head = suffix.substring(0, comma);
    }
    int repeat = 1;
    for (String token : TextFiles.WHITESPACE.split(head.strip())) {
      if (token.isEmpty() || token.equals("->")) {
        continue;
      }
      Matcher m = REPEAT.matcher(token);
      if (m.matches()) {
        repeat = Integer.parseInt(m.group(1).length() > 4 ? "0" : m.group(1));
        if (repeat < 1 || repeat > MAX_REPEAT) {
          throw new CorpusFormatException(at, "repeat '" + token + "' out of range (expected x1 to x" + MAX_REPEAT
              + ")");
        }
        continue;
      }
      throw new CorpusFormatException(at, "unexpected '" + token + "' after the last bar line (expected a repeat "
          + "such as x4, '->', or comma-separated annotations such as ', (voice'; truncated line?)");
    }
    return repeat;
  }

  private static <C> ChartItem.Bar<C> parseBar(String text, SourcePosition at, Meter metre,
      Function<String, C> chords) {
    String[] tokens = text.isEmpty() ? new String[0] : TextFiles.WHITESPACE.split(text);
    Meter time = metre;
    int start = 0;
    if (tokens.length > 0 && tokens[0].startsWith("(")) {
      Matcher m = BAR_METER.matcher(tokens[0]);
      if (!m.matches()) {
        throw new CorpusFormatException(at, "'" + tokens[0] + "' is not a bar-local metre (expected e.g. (2/4))");
      }
      time = parseTime(m.group(1) + "/" + m.group(2), at);
      start = 1;
    }
    if (start == tokens.length) {
      throw new CorpusFormatException(at, "empty bar '|" + text + "|' (expected at least one chord, N or '.')");
    }
    ImmutableList.Builder<Optional<C>> slots = ImmutableList.builder();
    for (int i = start; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.equals(".")) {
        slots.add(Optional.empty());
        continue;
      }
      try {
        slots.add(Optional.of(Preconditions.checkNotNull(chords.apply(token), "chord of %s", token)));
      } catch (IllegalArgumentException e) {
        throw new CorpusFormatException(at, "unknown chord '" + token + "': " + e.getMessage(), e);
      }
    }
    return new ChartItem.Bar<>(time, slots.build(), at);
  }

  private static Meter parseTime(String text, SourcePosition at) {
    try {
      return Meter.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(at, e.getMessage(), e);
    }
  }

  private static PitchClass parseTonic(String text, SourcePosition at) {
    try {
      return PitchClass.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(at, "tonic " + e.getMessage(), e);
    }
  }
}
