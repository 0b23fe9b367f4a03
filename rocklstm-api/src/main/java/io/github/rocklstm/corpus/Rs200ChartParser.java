package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the structure of an expanded RS200 analysis ({@code rs200_harmony_exp/*.txt}, the output of de Clercq
 * and Temperley's {@code expand6}) into {@link ChartItem}s.
 *
 * <p>The file is one long line of whitespace-separated tokens (a few files have extra lines): {@code [G]} sets the
 * tonic (also mid-bar: {@code | I [B] V7 |}), {@code [4/4]} the metre ({@code [0]} = free time: bars keep the beats
 * of the metre before, 4/4 at the start), {@code |} ends a bar, {@code .} is a placeholder beat that continues the
 * previous chord, a bar with no symbols continues the previous chord for the whole bar, and every other token is a
 * chord symbol (roman numeral, or {@code R} for a rest) interpreted by the caller with the tonic in force. The
 * symbols of a bar share its beats equally. Lines starting with {@code Warning} (the expander's notes about unused
 * macros) are skipped. Without a metre marker a song is in 4/4.
 *
 * <p>In lenient mode the unit skipped is the bar (the files have one line per song).
 */
final class Rs200ChartParser {

  private static final Pattern METER = Pattern.compile("\\[(\\d+)/(\\d+)]");
  private static final Pattern TONIC = Pattern.compile("\\[([A-Ga-g][#b]*)]");

  private Rs200ChartParser() {}

  /**
   * Parses one analysis.
   *
   * @param chords interprets a chord symbol given the tonic in force; throws {@link IllegalArgumentException}
   *     saying what is valid when the symbol is not understood
   * @throws CorpusFormatException for a file that is empty or not text (in either mode)
   */
  static <C> ImmutableList<ChartItem<C>> parse(Path file, ProblemLog log, BiFunction<String, PitchClass, C> chords) {
    ImmutableList<String> lines = TextFiles.readLines(file);
    if (lines.stream().allMatch(l -> l.isBlank() || l.startsWith("Warning"))) {
      throw new CorpusFormatException(SourcePosition.wholeFile(file),
          "empty file (expected an expanded analysis such as '[G] v7 | I IV | I | bVII |')");
    }
    List<ChartItem<C>> items = new ArrayList<>();
    Meter time = Meter.COMMON_TIME;
    PitchClass tonic = null;
    int bars = 0;
    List<String> barTokens = new ArrayList<>();
    List<Optional<C>> slots = new ArrayList<>();
    List<ChartItem<C>> pending = new ArrayList<>();
    String problem = null;
    int lastLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("Warning")) {
        continue;
      }
      lastLine = i + 1;
      for (String token : TextFiles.WHITESPACE.split(line.strip())) {
        barTokens.add(token);
        SourcePosition at = new SourcePosition(file, i + 1, String.join(" ", barTokens));
        if (token.equals("|")) {
          if (problem != null) {
            log.report(at, problem);
            for (ChartItem<C> item : pending) { // keep the bad bar's key and metre changes, at the next bar's start
              items.add(item instanceof ChartItem.TonicMark<C> mark
                  ? new ChartItem.TonicMark<>(mark.tonic(), 0, mark.position()) : item);
            }
          } else {
            items.addAll(pending);
            items.add(new ChartItem.Bar<>(time, ImmutableList.copyOf(slots), at));
            bars++;
          }
          barTokens.clear();
          slots.clear();
          pending.clear();
          problem = null;
          continue;
        }
        if (problem != null) {
          continue; // the rest of a bad bar
        }
        Matcher meter = METER.matcher(token);
        Matcher key = TONIC.matcher(token);
        if (token.equals("[0]")) {
          continue; // free time: keep the beats of the metre before
        } else if (meter.matches()) {
          try {
            time = Meter.parse(meter.group(1) + "/" + meter.group(2));
            pending.add(new ChartItem.MeterMark<>(time, at));
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
          }
        } else if (key.matches()) {
          tonic = PitchClass.parse(key.group(1));
          pending.add(new ChartItem.TonicMark<>(tonic, slots.size(), at));
        } else if (token.startsWith("[")) {
          problem = "unknown marker '" + token + "' (expected a tonic such as [G] or [Eb], a metre such as [4/4] "
              + "or [12/8], or [0] for free time)";
        } else if (token.equals(".")) {
          slots.add(Optional.empty());
        } else if (tonic == null) {
          problem = "chord '" + token + "' before any tonic marker (expected the analysis to start with a tonic "
              + "such as [G])";
        } else {
          try {
            slots.add(Optional.of(Preconditions.checkNotNull(chords.apply(token, tonic), "chord of %s", token)));
          } catch (IllegalArgumentException e) {
            problem = "unknown chord '" + token + "': " + e.getMessage();
          }
        }
      }
    }
    if (!barTokens.isEmpty()) {
      log.report(new SourcePosition(file, lastLine, String.join(" ", barTokens)),
          "the last bar is not closed with '|': truncated? (expected every bar to end with ' |')");
    }
    if (bars == 0) {
      log.report(SourcePosition.wholeFile(file), "no bars (expected bars ending with '|', e.g. '[G] I | IV V |')");
    }
    return ImmutableList.copyOf(items);
  }
}
