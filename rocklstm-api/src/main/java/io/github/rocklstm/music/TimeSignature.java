package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A time signature as written in a score: {@code beats} of the note value {@code 1/beatType} per bar, e.g.
 * 3/4 or 4/4. Bar and beat lengths are exact {@link Note} ticks.
 *
 * @param beats beats per bar, 1 to 64
 * @param beatType the note value of one beat: 1, 2, 4, 8, 16, 32 or 64
 */
public record TimeSignature(int beats, int beatType) {

  /** 4/4. */
  public static final TimeSignature COMMON_TIME = new TimeSignature(4, 4);

  /** 3/4. */
  public static final TimeSignature THREE_FOUR = new TimeSignature(3, 4);

  public TimeSignature {
    Preconditions.checkArgument(beats >= 1 && beats <= 64, "beats must be 1..64, was %s", beats);
    Preconditions.checkArgument(beatType >= 1 && beatType <= 64 && Integer.bitCount(beatType) == 1,
        "beat type must be 1, 2, 4, 8, 16, 32 or 64, was %s", beatType);
  }

  /** The length of one beat in ticks ({@value Note#TICKS_PER_QUARTER} for a quarter). */
  public int beatTicks() {
    return 4 * Note.TICKS_PER_QUARTER / beatType;
  }

  /** The length of a full bar in ticks. */
  public int barTicks() {
    return beats * beatTicks();
  }

  /**
   * Parses {@code 3/4}, {@code 4/4}, {@code 3/2}; {@code C} is 4/4 and {@code C|} is 2/2.
   *
   * @throws IllegalArgumentException naming the text and the form that is valid
   */
  public static TimeSignature parse(String text) {
    Preconditions.checkNotNull(text, "text");
    String t = text.strip();
    if (t.equals("C")) {
      return COMMON_TIME;
    }
    if (t.equals("C|")) {
      return new TimeSignature(2, 2);
    }
    int slash = t.indexOf('/');
    try {
      if (slash > 0) {
        return new TimeSignature(
            Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
      }
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    throw invalid(text, "no '/'");
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("not a time signature: '" + text + "' (" + why
        + "; expected beats/beat-type with beat-type a power of two up to 64, e.g. 3/4, 4/4, 6/8)");
  }

  /** {@code 3/4}. */
  @Override
  public String toString() {
    return beats + "/" + beatType;
  }
}
