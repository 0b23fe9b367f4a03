package io.github.rocklstm.render;

import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.RomanNumeral;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the render package writes chords, keys and numbers for people: one place for charts and JSON. */
final class ChordText {

  /** The lead-sheet text of no chord. */
  static final String NO_CHORD = "N.C.";

  private ChordText() {}

  /**
   * The lead-sheet symbol spelled for {@code key} ({@link Key#spell}: {@code Bb} rather than {@code A#} in flat keys
   * and for the bVII of C major), {@code N.C.} for no chord and {@code X} for an unknown chord.
   */
  static String leadSheet(Chord chord, Key key) {
    if (chord.isNoChord()) {
      return NO_CHORD;
    }
    return ChordSymbols.formatLeadSheet(chord, key);
  }

  /** The RS200 roman numeral of {@code chord} in {@code key}; {@code N.C.} and {@code X} for the placeholders. */
  static String romanNumeral(Chord chord, Key key) {
    if (chord.isNoChord()) {
      return NO_CHORD;
    }
    if (chord.isUnknown()) {
      return "X";
    }
    return RomanNumeral.of(chord, key).format();
  }

  /** {@code C major}, {@code Bb major}, {@code F# minor}: the tonic spelled as the key prefers. */
  static String keyName(Key key) {
    return key.tonic().name(key.prefersFlats()) + (key.mode() == Mode.MAJOR ? " major" : " minor");
  }

  /** A number with at most two decimals and no trailing zeros: {@code 120}, {@code 92.5}, {@code 1.33}. */
  static String number(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}
