package io.github.rocklstm.render;

/**
 * General MIDI program numbers (0-based, as {@code javax.sound.midi} counts them; the GM list counts from 1) of the
 * instruments the renderers use or suggest.
 */
public final class GeneralMidi {

  /** Acoustic Grand Piano (GM 1). */
  public static final int ACOUSTIC_GRAND_PIANO = 0;
  /** Electric Piano 1 (GM 5). */
  public static final int ELECTRIC_PIANO = 4;
  /** Drawbar Organ (GM 17). */
  public static final int DRAWBAR_ORGAN = 16;
  /** Rock Organ (GM 19). */
  public static final int ROCK_ORGAN = 18;
  /** Church Organ (GM 20). */
  public static final int CHURCH_ORGAN = 19;
  /** Acoustic Guitar, steel (GM 26). */
  public static final int ACOUSTIC_GUITAR_STEEL = 25;
  /** Electric Guitar, clean (GM 28). */
  public static final int ELECTRIC_GUITAR_CLEAN = 27;
  /** Overdriven Guitar (GM 30). */
  public static final int OVERDRIVEN_GUITAR = 29;
  /** Distortion Guitar (GM 31). */
  public static final int DISTORTION_GUITAR = 30;
  /** Electric Bass, finger (GM 34). */
  public static final int ELECTRIC_BASS_FINGER = 33;
  /** Electric Bass, pick (GM 35). */
  public static final int ELECTRIC_BASS_PICK = 34;
  /** String Ensemble 1 (GM 49). */
  public static final int STRING_ENSEMBLE = 48;
  /** Choir Aahs (GM 53). */
  public static final int CHOIR_AAHS = 52;

  /** The MIDI channel (0-based) that General MIDI reserves for percussion. */
  public static final int PERCUSSION_CHANNEL = 9;

  private GeneralMidi() {}

  static int checkProgram(int program) {
    if (program < 0 || program > 127) {
      throw new IllegalArgumentException("a General MIDI program is 0 to 127, got " + program);
    }
    return program;
  }
}
