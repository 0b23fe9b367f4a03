package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.base.Strings;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A plain-text chord chart of a {@link ChordProgression}, the way musicians write one by hand:
 *
 * <pre>
 * Key: F major  Time: 4/4  Tempo: 120 bpm
 *
 * [verse]
 * | F | C  Dm | Bb | C |
 * | I | V  vi | IV | V |
 * </pre>
 *
 * <ul>
 *   <li>A header line with the key, the time signature and, when given, the tempo; a title line above it when
 *       given. A blank line follows.
 *   <li>Bars between {@code |}, {@link #DEFAULT_BARS_PER_LINE} to a line unless set otherwise. Cells are padded so
 *       that the bar lines of every line stand under each other (each column as wide as its widest bar).
 *   <li>Inside a bar, chords are separated by two spaces. When the bar's chords share it evenly, the symbols
 *       alone say it ({@code C  G} is two beats each in 4/4). When they do not, but each lasts whole beats, every
 *       beat after a chord's first is a {@code .} ({@code C  .  .  G} is three beats of C and one of G). Otherwise
 *       each chord carries its beats in parentheses ({@code C(1.5)  G(2.5)}). A chord that crosses a bar line is
 *       written again in the next bar.
 *   <li>Chord symbols are lead-sheet symbols spelled for the key ({@link Key#spell}: {@code Bb} in F major,
 *       {@code A#} in B major, and a borrowed chord as its numeral says, {@code Bb} for the bVII of C major);
 *       {@code N.C.} is no chord and {@code X} an unknown one.
 *   <li>Where the progression has sections, each section begins a new line, under its label in brackets
 *       ({@code [chorus]}) after a blank line. A section that starts inside a bar is labelled before that bar;
 *       two sections starting in the same bar share one label line.
 *   <li>With {@link Builder#romanNumerals(boolean)}, a second line under each line of chords gives the RS200
 *       roman numerals ({@link io.github.rocklstm.music.RomanNumeral#of}), each under its chord.
 * </ul>
 *
 * <p>The output depends only on the progression, the key and the settings; every line ends with {@code \n} and
 * has no trailing spaces. Instances are immutable and thread-safe.
 */
public final class ChordChart {

  /** Bars per line unless {@link Builder#barsPerLine(int)} says otherwise. */
  public static final int DEFAULT_BARS_PER_LINE = 4;

  private static final double EPSILON = 1e-9;
  private static final String SEPARATOR = "  ";

  private final int barsPerLine;
  private final boolean romanNumerals;
  private final OptionalDouble beatsPerMinute;
  private final Optional<String> title;

  private ChordChart(Builder builder) {
    this.barsPerLine = builder.barsPerLine;
    this.romanNumerals = builder.romanNumerals;
    this.beatsPerMinute = builder.beatsPerMinute;
    this.title = builder.title;
  }

  /** A chart with the defaults: four bars per line, no roman numerals, no tempo, no title. */
  public static ChordChart standard() {
    return builder().build();
  }

  /** Settings for a chart, starting from the defaults of {@link #standard()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a {@link ChordChart}. */
  public static final class Builder {
    private int barsPerLine = DEFAULT_BARS_PER_LINE;
    private boolean romanNumerals;
    private OptionalDouble beatsPerMinute = OptionalDouble.empty();
    private Optional<String> title = Optional.empty();

    private Builder() {}

    /** Bars per line, 1 to 64 (default {@value ChordChart#DEFAULT_BARS_PER_LINE}). */
    public Builder barsPerLine(int value) {
      Preconditions.checkArgument(value >= 1 && value <= 64, "bars per line must be 1 to 64, got %s", value);
      this.barsPerLine = value;
      return this;
    }

    /** Whether to add a line of roman numerals under each line of chords (default false). */
    public Builder romanNumerals(boolean value) {
      this.romanNumerals = value;
      return this;
    }

    /** The tempo written in the header, in beats of the metre per minute; finite and above 0. */
    public Builder beatsPerMinute(double value) {
      Preconditions.checkArgument(value > 0 && Double.isFinite(value),
          "the tempo must be a finite number of beats per minute above 0, got %s", value);
      this.beatsPerMinute = OptionalDouble.of(value);
      return this;
    }

    /** A title line above the header; not blank, surrounding whitespace removed, a single line. */
    public Builder title(String value) {
      Preconditions.checkNotNull(value, "title");
      String stripped = value.strip();
      Preconditions.checkArgument(!stripped.isEmpty(), "a chart title must not be blank");
      Preconditions.checkArgument(stripped.indexOf('\n') < 0 && stripped.indexOf('\r') < 0,
          "a chart title is one line, got '%s'", value);
      this.title = Optional.of(stripped);
      return this;
    }

    /** The chart with these settings. */
    public ChordChart build() {
      return new ChordChart(this);
    }
  }

  /** The chart of {@code progression} in {@code key}, as described in the class comment. */
  public String format(ChordProgression progression, Key key) {
    Preconditions.checkNotNull(progression, "progression");
    Preconditions.checkNotNull(key, "key");
    StringBuilder out = new StringBuilder();
    title.ifPresent(t -> out.append(t).append('\n'));
    out.append("Key: ").append(ChordText.keyName(key)).append(SEPARATOR).append("Time: ")
        .append(progression.meter());
    beatsPerMinute.ifPresent(bpm -> out.append(SEPARATOR).append("Tempo: ").append(ChordText.number(bpm))
        .append(" bpm"));
    out.append('\n');

    ImmutableList<ImmutableList<ChordEvent>> bars = progression.bars();
    if (bars.isEmpty()) {
      return out.toString();
    }
    TreeMap<Integer, List<String>> labelsByBar = sectionLabelsByBar(progression);
    List<Cell> cells = new ArrayList<>();
    for (ImmutableList<ChordEvent> bar : bars) {
      cells.add(cell(bar, key, romanNumerals));
    }
    List<Line> lines = new ArrayList<>();
    Line line = null;
    for (int bar = 0; bar < cells.size(); bar++) {
      List<String> labels = labelsByBar.get(bar);
      if (line == null || labels != null || line.bars.size() == barsPerLine) {
        line = new Line(labels == null ? Optional.empty() : Optional.of(labelLine(labels)));
        lines.add(line);
      }
      line.bars.add(cells.get(bar));
    }
    int[] widths = new int[barsPerLine];
    for (Line l : lines) {
      for (int column = 0; column < l.bars.size(); column++) {
        widths[column] = Math.max(widths[column], l.bars.get(column).width());
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (i == 0 || l.label.isPresent()) {
        out.append('\n');
      }
      l.label.ifPresent(label -> out.append(label).append('\n'));
      out.append(row(l.bars, widths, false)).append('\n');
      if (romanNumerals) {
        out.append(row(l.bars, widths, true)).append('\n');
      }
    }
    return out.toString();
  }

  /** Writes {@link #format} of the progression to {@code file} as UTF-8, atomically. */
  public void write(ChordProgression progression, Key key, Path file) throws IOException {
    AtomicFiles.writeString(file, format(progression, key));
  }

  /** The bar (0-based) in which each section starts, with the labels starting there. */
  private static TreeMap<Integer, List<String>> sectionLabelsByBar(ChordProgression progression) {
    TreeMap<Integer, List<String>> labels = new TreeMap<>();
    if (progression.sections().isEmpty()) {
      return labels;
    }
    double[] onsets = new double[progression.events().size()];
    double position = 0;
    for (int i = 0; i < onsets.length; i++) {
      onsets[i] = position;
      position += progression.events().get(i).beats();
    }
    int beatsPerBar = progression.meter().beatsPerBar();
    for (Section section : progression.sections()) {
      int bar = (int) Math.floor(onsets[section.startEvent()] / beatsPerBar + EPSILON);
      labels.computeIfAbsent(bar, b -> new ArrayList<>()).add(section.label());
    }
    return labels;
  }

  private static String labelLine(List<String> labels) {
    StringBuilder line = new StringBuilder();
    for (String label : labels) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append('[').append(label).append(']');
    }
    return line.toString();
  }

  /**
   * The chord and numeral texts of one bar, token by token, each pair padded to a common width; the numeral text is
   * empty when numerals are not shown.
   */
  private static Cell cell(List<ChordEvent> bar, Key key, boolean withNumerals) {
    boolean even = true;
    boolean wholeBeats = true;
    for (ChordEvent piece : bar) {
      even &= Math.abs(piece.beats() - bar.get(0).beats()) < EPSILON;
      wholeBeats &= Math.abs(piece.beats() - Math.rint(piece.beats())) < EPSILON;
    }
    List<String> chords = new ArrayList<>();
    List<String> numerals = new ArrayList<>();
    for (ChordEvent piece : bar) {
      String symbol = ChordText.leadSheet(piece.chord(), key);
      String numeral = ChordText.romanNumeral(piece.chord(), key);
      if (even) {
        chords.add(symbol);
        numerals.add(numeral);
      } else if (wholeBeats) {
        chords.add(symbol);
        numerals.add(numeral);
        for (int beat = 1; beat < Math.rint(piece.beats()); beat++) {
          chords.add(".");
          numerals.add(".");
        }
      } else {
        chords.add(symbol + "(" + ChordText.number(piece.beats()) + ")");
        numerals.add(numeral);
      }
    }
    StringBuilder chordText = new StringBuilder();
    StringBuilder numeralText = new StringBuilder();
    for (int i = 0; i < chords.size(); i++) {
      int width = withNumerals ? Math.max(chords.get(i).length(), numerals.get(i).length()) : chords.get(i).length();
      boolean last = i == chords.size() - 1;
      chordText.append(last ? chords.get(i) : Strings.padEnd(chords.get(i), width, ' ') + SEPARATOR);
      numeralText.append(last ? numerals.get(i) : Strings.padEnd(numerals.get(i), width, ' ') + SEPARATOR);
    }
    return new Cell(chordText.toString(), withNumerals ? numeralText.toString() : "");
  }

  private static String row(List<Cell> bars, int[] widths, boolean numerals) {
    StringBuilder row = new StringBuilder("|");
    for (int column = 0; column < bars.size(); column++) {
      Cell cell = bars.get(column);
      row.append(' ').append(Strings.padEnd(numerals ? cell.numerals : cell.chords, widths[column], ' '))
          .append(" |");
    }
    return row.toString();
  }

  private record Cell(String chords, String numerals) {
    int width() {
      return Math.max(chords.length(), numerals.length());
    }
  }

  private static final class Line {
    final Optional<String> label;
    final List<Cell> bars = new ArrayList<>();

    Line(Optional<String> label) {
      this.label = label;
    }
  }
}
