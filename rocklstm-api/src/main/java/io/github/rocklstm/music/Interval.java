package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A spelled interval above a chord root or a tonic, named the way Harte chord labels name them: a scale degree
 * of the major scale (1 to 13) with zero or more flats or sharps, e.g. {@code 1}, {@code b3}, {@code 3},
 * {@code #4}, {@code b5}, {@code 5}, {@code #5}, {@code 6}, {@code bb7}, {@code b7}, {@code 7}, {@code b9},
 * {@code 9}, {@code #9}, {@code 11}, {@code #11}, {@code b13}, {@code 13}.
 *
 * <p>Spelling is kept: {@code #4} and {@code b5} are different intervals of the same size, as are {@code 9} and
 * {@code 2}. {@link #semitones()} gives the size; {@link #pitchClassOffset()} folds it into one octave.
 * Intervals sort by degree, then by alteration ({@code 1 < b3 < 3 < 5 < b7 < 7 < b9 < 9 < #9 < 11}), which is
 * the order formatted chord labels list them in.
 *
 * @param degree the scale degree, 1 to 13
 * @param alteration semitones added to the major-scale degree: -2 ({@code bb}) to +2 ({@code ##})
 */
public record Interval(int degree, int alteration) implements Comparable<Interval> {

  /** The root, {@code 1}. */
  public static final Interval ROOT = new Interval(1, 0);
  /** {@code b3}. */
  public static final Interval MINOR_THIRD = new Interval(3, -1);
  /** {@code 3}. */
  public static final Interval MAJOR_THIRD = new Interval(3, 0);
  /** {@code 4}. */
  public static final Interval PERFECT_FOURTH = new Interval(4, 0);
  /** {@code b5}. */
  public static final Interval DIMINISHED_FIFTH = new Interval(5, -1);
  /** {@code 5}. */
  public static final Interval PERFECT_FIFTH = new Interval(5, 0);
  /** {@code #5}. */
  public static final Interval AUGMENTED_FIFTH = new Interval(5, 1);
  /** {@code 6}. */
  public static final Interval MAJOR_SIXTH = new Interval(6, 0);
  /** {@code bb7}. */
  public static final Interval DIMINISHED_SEVENTH = new Interval(7, -2);
  /** {@code b7}. */
  public static final Interval MINOR_SEVENTH = new Interval(7, -1);
  /** {@code 7}. */
  public static final Interval MAJOR_SEVENTH = new Interval(7, 0);

  /** The largest number of accidentals accepted ({@code bb}, {@code ##}). */
  public static final int MAX_ALTERATION = 2;

  private static final int[] MAJOR_SCALE_SEMITONES = {0, 0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21};
  // Default spellings of 0..11 semitones: 1 b2 2 b3 3 4 b5 5 b6 6 b7 7.
  private static final Interval[] DEFAULT_SPELLING = {
    ROOT, new Interval(2, -1), new Interval(2, 0), MINOR_THIRD, MAJOR_THIRD, PERFECT_FOURTH, DIMINISHED_FIFTH,
    PERFECT_FIFTH, new Interval(6, -1), MAJOR_SIXTH, MINOR_SEVENTH, MAJOR_SEVENTH
  };

  public Interval {
    Preconditions.checkArgument(degree >= 1 && degree <= 13, "interval degree must be 1 to 13, got %s", degree);
    Preconditions.checkArgument(Math.abs(alteration) <= MAX_ALTERATION,
        "interval alteration must be -%s to +%s semitones, got %s", MAX_ALTERATION, MAX_ALTERATION, alteration);
  }

  /** The interval {@code degree} of the major scale, altered by {@code alteration} semitones. */
  public static Interval of(int degree, int alteration) {
    return new Interval(degree, alteration);
  }

  /** The unaltered interval of a degree: {@code 3}, {@code 5}, {@code 9}. */
  public static Interval natural(int degree) {
    return new Interval(degree, 0);
  }

  /**
   * The usual spelling of an interval of {@code semitones} (any integer, folded into one octave):
   * {@code 1 b2 2 b3 3 4 b5 5 b6 6 b7 7}.
   */
  public static Interval fromSemitones(int semitones) {
    return DEFAULT_SPELLING[Math.floorMod(semitones, 12)];
  }

  /** The size in semitones, e.g. 3 for {@code b3}, 14 for {@code 9}, -1 for {@code b1}. */
  public int semitones() {
    return MAJOR_SCALE_SEMITONES[degree] + alteration;
  }

  /** The size folded into one octave, 0 to 11: what this interval adds to a root's pitch class. */
  public int pitchClassOffset() {
    return Math.floorMod(semitones(), 12);
  }

  /** Whether the interval carries a flat or sharp. */
  public boolean isAltered() {
    return alteration != 0;
  }

  /** The same degree without alteration ({@code b9} gives {@code 9}). */
  public Interval unaltered() {
    return alteration == 0 ? this : new Interval(degree, 0);
  }

  /**
   * Parses a Harte interval: accidentals ({@code b} or {@code #}, at most two) followed by a degree 1-13.
   *
   * @throws IllegalArgumentException naming the text and what a valid interval looks like
   */
  public static Interval parse(String text) {
    Preconditions.checkNotNull(text, "text");
    int length = parsedLength(text, 0);
    if (length == 0 || length != text.length()) {
      throw new IllegalArgumentException("not an interval: '" + text
          + "' (expected up to two b or # followed by a degree 1-13, e.g. 3, b3, #11, bb7)");
    }
    return parsePrefix(text, 0);
  }

  /**
   * The number of characters at {@code start} that form an interval (accidentals then a degree 1-13, the
   * degree read greedily: {@code b13} not {@code b1}), or 0 when there is none.
   */
  static int parsedLength(String text, int start) {
    int i = start;
    while (i < text.length() && (text.charAt(i) == 'b' || text.charAt(i) == '#')) {
      i++;
    }
    if (i - start > MAX_ALTERATION || i >= text.length() || !isAsciiDigit(text.charAt(i))) {
      return 0;
    }
    int digitsStart = i;
    int value = text.charAt(i) - '0';
    i++;
    if (i < text.length() && isAsciiDigit(text.charAt(i)) && value == 1 && text.charAt(i) - '0' <= 3) {
      value = 10 + text.charAt(i) - '0';
      i++;
    }
    if (value < 1 || value > 13 || (i < text.length() && isAsciiDigit(text.charAt(i)))) {
      return 0;
    }
    return digitsStart == i ? 0 : i - start;
  }

  /** Parses the interval at {@code start}; call {@link #parsedLength} first to know it is there. */
  static Interval parsePrefix(String text, int start) {
    int length = parsedLength(text, start);
    Preconditions.checkArgument(length > 0, "no interval at position %s of '%s'", start, text);
    int alteration = 0;
    int i = start;
    while (text.charAt(i) == 'b' || text.charAt(i) == '#') {
      alteration += text.charAt(i) == '#' ? 1 : -1;
      i++;
    }
    return new Interval(Integer.parseInt(text.substring(i, start + length)), alteration);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The Harte name: {@code b3}, {@code #11}, {@code bb7}, {@code 5}. */
  @Override
  public String toString() {
    return (alteration < 0 ? "b".repeat(-alteration) : "#".repeat(alteration)) + degree;
  }

  @Override
  public int compareTo(Interval other) {
    return degree != other.degree ? Integer.compare(degree, other.degree)
        : Integer.compare(alteration, other.alteration);
  }
}
