package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * One of the twelve pitch classes of equal temperament, numbered from C = 0 to B = 11.
 *
 * <p>Spelling is not kept: {@code C#} and {@code Db} are the same pitch class. Formatting picks sharps or
 * flats on request ({@link #name(boolean)}), which is how chord charts in a flat key get {@code Bb}
 * instead of {@code A#}.
 */
public enum PitchClass {
  C, C_SHARP, D, D_SHARP, E, F, F_SHARP, G, G_SHARP, A, A_SHARP, B;

  private static final String[] SHARP_NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  private static final String[] FLAT_NAMES = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};
  private static final PitchClass[] VALUES = values();

  /** Semitones above C, 0 to 11. */
  public int semitone() {
    return ordinal();
  }

  /** The pitch class {@code semitones} above this one (negative values go down), wrapping at the octave. */
  public PitchClass transpose(int semitones) {
    return of(ordinal() + semitones);
  }

  /** Semitones from this pitch class up to {@code other}, 0 to 11. */
  public int semitonesUpTo(PitchClass other) {
    return Math.floorMod(other.ordinal() - ordinal(), 12);
  }

  /** The name with sharps ({@code C#}) or with flats ({@code Db}). */
  public String name(boolean preferFlats) {
    return preferFlats ? FLAT_NAMES[ordinal()] : SHARP_NAMES[ordinal()];
  }

  /** The name with sharps, as {@code C#}. */
  @Override
  public String toString() {
    return SHARP_NAMES[ordinal()];
  }

  /** The pitch class of any integer semitone count (MIDI note numbers included), wrapping at the octave. */
  public static PitchClass of(int semitones) {
    return VALUES[Math.floorMod(semitones, 12)];
  }

  /**
   * Parses a note name: a letter A-G (either case) followed by any number of {@code #} or {@code b}
   * accidentals ({@code ♯} and {@code ♭} are accepted too), e.g. {@code C}, {@code F#},
   * {@code Bb}, {@code Cb}, {@code E#}, {@code Fbb}.
   *
   * @throws IllegalArgumentException naming the text and what a valid name looks like
   */
  public static PitchClass parse(String name) {
    Preconditions.checkNotNull(name, "name");
    int length = parsedLength(name, 0);
    if (length == 0 || length != name.length()) {
      throw new IllegalArgumentException(
          "not a note name: '" + name + "' (expected a letter A-G followed by # or b accidentals, e.g. C, F#, Bb)");
    }
    return parsePrefix(name, 0);
  }

  /**
   * The number of characters at {@code start} that form a note name (letter plus accidentals), or 0 when
   * there is none. Lets chord-symbol parsers split {@code Bbm7} into {@code Bb} and {@code m7}.
   */
  public static int parsedLength(String text, int start) {
    if (start >= text.length() || letterSemitone(text.charAt(start)) < 0) {
      return 0;
    }
    int i = start + 1;
    while (i < text.length() && accidental(text.charAt(i)) != 0) {
      i++;
    }
    return i - start;
  }

  /** Parses the note name that starts at {@code start}; call {@link #parsedLength} first to know it is there. */
  public static PitchClass parsePrefix(String text, int start) {
    int length = parsedLength(text, start);
    Preconditions.checkArgument(length > 0, "no note name at position %s of '%s'", start, text);
    int semitone = letterSemitone(text.charAt(start));
    for (int i = start + 1; i < start + length; i++) {
      semitone += accidental(text.charAt(i));
    }
    return of(semitone);
  }

  private static int letterSemitone(char c) {
    switch (Character.toUpperCase(c)) {
      case 'C': return 0;
      case 'D': return 2;
      case 'E': return 4;
      case 'F': return 5;
      case 'G': return 7;
      case 'A': return 9;
      case 'B': return 11;
      default: return -1;
    }
  }

  private static int accidental(char c) {
    switch (c) {
      case '#': case '\u266F': return 1;
      case 'b': case '\u266D': return -1;
      default: return 0;
    }
  }
}
