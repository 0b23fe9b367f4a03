package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;

/**
 * A time signature as a chart file writes it ({@code 4/4}, {@code 12/8}, McGill's bar-local {@code (2/4)}), and
 * how many beats its bar holds.
 *
 * <p>Beats are the felt pulse: compound metres (eighths or sixteenths in groups of three: 6/8, 9/8, 12/8, and
 * 3/8 as one beat) count dotted beats, so 6/8 has 2 beats and 12/8 has 4; every other metre counts its lower
 * note value, so 4/4 has 4, 3/4 has 3, 2/2 has 2, 7/8 has 7. This matches how the McGill annotators divided bars
 * (a 12/8 bar is written with 1, 2 or 4 chord slots, a 6/8 bar with 1 or 2).
 */
record TimeSignature(int numerator, int denominator) {

  /** Common time, the default when a chart names no metre. */
  static final TimeSignature COMMON = new TimeSignature(4, 4);

  TimeSignature {
    Preconditions.checkArgument(numerator > 0 && numerator <= 64, "numerator must be 1..64, was %s", numerator);
    Preconditions.checkArgument(denominator == 1 || denominator == 2 || denominator == 4 || denominator == 8
        || denominator == 16 || denominator == 32, "denominator must be a power of two up to 32, was %s", denominator);
  }

  /** Beats in one bar (see the class comment). */
  int beatsPerBar() {
    return compound() ? numerator / 3 : numerator;
  }

  /** Whether the beat is a dotted note (numerator a multiple of 3, lower note an eighth or shorter). */
  boolean compound() {
    return denominator >= 8 && numerator % 3 == 0;
  }

  /**
   * Parses {@code 4/4}, {@code 12/8} (also {@code 4 4}, the jazz charts' form).
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  static TimeSignature parse(String text) {
    String[] parts = text.strip().split("\\s*/\\s*|\\s+");
    if (parts.length == 2) {
      try {
        return new TimeSignature(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      } catch (IllegalArgumentException e) {
        // falls through to the message below
      }
    }
    throw new IllegalArgumentException("not a time signature: '" + text
        + "' (expected beats/note value with a power-of-two note value, e.g. 4/4, 3/4, 6/8, 12/8)");
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
