package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A time signature, and what counts as a beat in it.
 *
 * <p>A beat is the pulse the corpora annotate one chord slot per: the denominator's note value in simple metres
 * (4/4: 4 quarter-note beats, 3/4: 3, 2/2: 2 half notes), and the dotted note of three denominators in compound
 * metres (numerator divisible by 3 and above 3, denominator 8 or shorter): 6/8 has 2 beats, 9/8 has 3, 12/8 has 4.
 * This is the Billboard convention (its 6/8 bars hold 2 slots, its 12/8 bars 2 or 4) and RS200's (12/8 bars of 4
 * slots), and it keeps the beat near a quarter note so that per-beat token sequences have the same rate across
 * metres. {@link #beatInQuarterNotes()} gives a beat's length for rendering.
 *
 * @param numerator beats (or, in compound metres, denominator notes) per bar, 1 to 64
 * @param denominator the note value, a power of two from 1 to 64
 */
public record Meter(int numerator, int denominator) {

  /** 4/4. */
  public static final Meter COMMON_TIME = new Meter(4, 4);

  /** 3/4. */
  public static final Meter THREE_FOUR = new Meter(3, 4);

  public Meter {
    Preconditions.checkArgument(numerator >= 1 && numerator <= 64, "a metre's numerator is 1 to 64, got %s",
        numerator);
    Preconditions.checkArgument(denominator >= 1 && denominator <= 64 && Integer.bitCount(denominator) == 1,
        "a metre's denominator is a power of two from 1 to 64, got %s", denominator);
  }

  /** Whether beats are dotted notes of three denominators (6/8, 9/8, 12/8, 6/16 ...). */
  public boolean isCompound() {
    return numerator > 3 && numerator % 3 == 0 && denominator >= 8;
  }

  /** Beats per bar: the numerator, or a third of it in compound metres (6/8 gives 2, 12/8 gives 4). */
  public int beatsPerBar() {
    return isCompound() ? numerator / 3 : numerator;
  }

  /** A beat's length in quarter notes: 1 in 4/4, 2 in 2/2, 1.5 in 6/8 and 12/8, 0.5 in 3/8. */
  public double beatInQuarterNotes() {
    return (isCompound() ? 3 : 1) * 4.0 / denominator;
  }

  /** A bar's exact length in {@link Note} ticks ({@value Note#TICKS_PER_QUARTER} per quarter note). */
  public int barTicks() {
    return numerator * 4 * Note.TICKS_PER_QUARTER / denominator;
  }

  /**
   * Parses {@code 4/4}, {@code 6/8}, {@code 12/8}, or the numerator and denominator separated by spaces
   * ({@code 4 4}, as in the jazz corpus's {@code TimeSig} lines); {@code C} is 4/4 and {@code C|} is 2/2.
   *
   * @throws IllegalArgumentException naming the text and the valid forms
   */
  public static Meter parse(String text) {
    Preconditions.checkNotNull(text, "text");
    if (text.strip().equals("C")) {
      return COMMON_TIME;
    }
    if (text.strip().equals("C|")) {
      return new Meter(2, 2);
    }
    String[] parts = text.strip().split("\\s*/\\s*|\\s+");
    if (parts.length == 2 && parts[0].matches("[0-9]{1,2}") && parts[1].matches("[0-9]{1,2}")) {
      try {
        return new Meter(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a metre: '" + text + "' (" + e.getMessage() + ")", e);
      }
    }
    throw new IllegalArgumentException(
        "not a metre: '" + text + "' (expected numerator/denominator such as 4/4, 6/8 or 12/8, or '4 4', or C / C|)");
  }

  /** {@code 6/8}. */
  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
