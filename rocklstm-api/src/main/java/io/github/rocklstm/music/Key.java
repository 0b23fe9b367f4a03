package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A key: tonic pitch class and mode. {@code Key.parse("Eb")} is E-flat major, {@code Key.parse("c#m")},
 * {@code "C#:min"} and {@code "c#"} (lower case = minor, as in RomanText and humdrum) are C-sharp minor.
 */
public record Key(PitchClass tonic, Mode mode) {

  public static final Key C_MAJOR = new Key(PitchClass.C, Mode.MAJOR);
  public static final Key A_MINOR = new Key(PitchClass.A, Mode.MINOR);

  /** The note letters in order, for {@link #spell}. */
  private static final String LETTERS = "CDEFGAB";

  public Key {
    Preconditions.checkNotNull(tonic, "tonic");
    Preconditions.checkNotNull(mode, "mode");
  }

  public static Key major(PitchClass tonic) {
    return new Key(tonic, Mode.MAJOR);
  }

  public static Key minor(PitchClass tonic) {
    return new Key(tonic, Mode.MINOR);
  }

  /**
   * Semitones to add to every pitch in this key to reach C major (major keys) or A minor (minor keys),
   * chosen in -5..+6 so that transposition moves as little as possible.
   */
  public int semitonesToNormal() {
    int up = tonic.semitonesUpTo(mode.normalTonic());
    return up > 6 ? up - 12 : up;
  }

  /** This key moved by {@code semitones}. */
  public Key transpose(int semitones) {
    return new Key(tonic.transpose(semitones), mode);
  }

  /** Whether the key reads better with flats (F, Bb, Eb ... major; D, G, C ... minor). */
  public boolean prefersFlats() {
    int majorTonic = mode == Mode.MAJOR ? tonic.semitone() : tonic.transpose(3).semitone();
    // Major keys with flats in the signature: F, Bb, Eb, Ab, Db, Gb.
    return majorTonic == 5 || majorTonic == 10 || majorTonic == 3 || majorTonic == 8 || majorTonic == 1
        || majorTonic == 6;
  }

  /**
   * The name of {@code pitchClass} in this key, as a chart in this key spells a chord root or bass: the letter of its
   * degree above the tonic ({@link RomanNumeral#degreeAbove}: 1, b2, 2, b3, 3, 4, #4, 5, b6, 6, b7, 7 of the tonic's
   * major scale) with the accidental that makes it that pitch. So the notes of the key are spelled as its signature
   * spells them, and a borrowed chord as its numeral says: {@code Bb} (bVII), {@code Ab} (bVI) and {@code Eb} (bIII)
   * in C major, {@code D} (bVII) in E major, {@code F#} (#IV) in C major. Where that letter would need a double
   * accidental, the key's usual sharp or flat name ({@link #prefersFlats()}).
   */
  public String spell(PitchClass pitchClass) {
    Preconditions.checkNotNull(pitchClass, "pitchClass");
    boolean flats = prefersFlats();
    String tonicName = tonic.name(flats);
    Interval degree = RomanNumeral.degreeAbove(tonic.semitonesUpTo(pitchClass));
    char letter = LETTERS.charAt((LETTERS.indexOf(tonicName.charAt(0)) + degree.degree() - 1) % LETTERS.length());
    int accidental = Math.floorMod(pitchClass.semitone() - PitchClass.parse(String.valueOf(letter)).semitone() + 6, 12)
        - 6;
    return switch (accidental) {
      case -1 -> letter + "b";
      case 0 -> String.valueOf(letter);
      case 1 -> letter + "#";
      default -> pitchClass.name(flats);
    };
  }

  /** {@code C}, {@code Am}, {@code Bb}, {@code F#m}. */
  @Override
  public String toString() {
    return tonic.name(prefersFlats()) + (mode == Mode.MINOR ? "m" : "");
  }

  /**
   * Parses {@code C}, {@code Bb}, {@code F#m}, {@code F#min}, {@code F#:min}, {@code F# minor},
   * {@code Eb:maj}, {@code Eb major}, and a lower-case tonic letter for minor ({@code c#}, {@code eb}).
   *
   * @throws IllegalArgumentException naming the text and the forms that are valid
   */
  public static Key parse(String text) {
    Preconditions.checkNotNull(text, "text");
    String t = text.strip();
    int n = PitchClass.parsedLength(t, 0);
    if (n == 0) {
      throw invalid(text);
    }
    PitchClass tonic = PitchClass.parsePrefix(t, 0);
    String rest = t.substring(n).strip();
    if (rest.startsWith(":")) {
      rest = rest.substring(1).strip();
    }
    boolean lowerTonic = Character.isLowerCase(t.charAt(0));
    Mode mode;
    switch (rest.toLowerCase(java.util.Locale.ROOT)) {
      case "":
        mode = lowerTonic ? Mode.MINOR : Mode.MAJOR;
        break;
      case "m": case "min": case "minor":
        mode = Mode.MINOR;
        break;
      case "maj": case "major": case "M":
        mode = Mode.MAJOR;
        break;
      default:
        throw invalid(text);
    }
    return new Key(tonic, mode);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "not a key: '" + text + "' (expected a tonic with an optional mode, e.g. C, Bb, F#m, A:min, eb)");
  }
}
