package io.github.rocklstm.music;

import static io.github.rocklstm.music.ChordSymbols.parseHarte;
import static io.github.rocklstm.music.ChordSymbolsTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RomanNumeralTest {

  /** Numeral, chord in C, chord in A (tonic only counts), canonical format. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ' ', value = {
    "I C:maj A:maj I",
    "IV F:maj D:maj IV",
    "bVII Bb:maj G:maj bVII",
    "-VII Bb:maj G:maj bVII",
    "#IV F#:maj D#:maj #IV",
    "iii E:min C#:min iii",
    "v7 G:min7 E:min7 v7",
    "V7 G:7 E:7 V7",
    "I7 C:maj7 A:maj7 I7",
    "IV7 F:maj7 D:maj7 IV7",
    "II7 D:7 B:7 II7",
    "bVII9 Bb:maj9 G:maj9 bVII9",
    "ii7 D:min7 B:min7 ii7",
    "i7 C:min7 A:min7 i7",
    "Id7 C:7 A:7 Id7",
    "IVd43 F:7/5 D:7/5 IVd43",
    "I6 C:maj/3 A:maj/3 I6",
    "I64 C:maj/5 A:maj/5 I64",
    "V65 G:7/3 E:7/3 V65",
    "ii42 D:min7/b7 B:min7/b7 ii42",
    "iih7 D:hdim7 B:hdim7 iih7",
    "iih43 D:hdim7/b5 B:hdim7/b5 iih43",
    "viix7 B:dim7 G#:dim7 viix7",
    "viio7 B:dim7 G#:dim7 viix7",
    "iio D:dim B:dim iio",
    "Ia C:aug A:aug Ia",
    "I+ C:aug A:aug Ia",
    "Vs4 G:sus4 E:sus4 Vs4",
    "V7s4 G:sus4(b7) E:sus4(b7) V7s4",
    "v7s4 G:sus4(b7) E:sus4(b7) V7s4",
    "V11 G:11 E:11 V11",
    "ii11 D:min11 B:min11 ii11",
    "V7b9 G:7(b9) E:7(b9) V7b9",
    "Id7#9 C:7(#9) A:7(#9) Id7#9",
    "I#9 C:maj7(#9) A:maj7(#9) I7#9",
    "Id9 C:9 A:9 Id9",
    "V+11 'G:11(*5,#5)' 'E:11(*5,#5)' Va11",
    "bIII+9 'Eb:aug(7,9)' 'C:aug(7,9)' bIIIa9",
    "bVIb5 'Ab:1(3,b5)' 'F:1(3,b5)' bVIb5",
    "V/V D:maj B:maj V/V",
    "V7/IV C:7 A:7 V7/IV",
    "IV7/IV Bb:maj7 G:maj7 IV7/IV",
    "V65/vi E:7/3 C#:7/3 V65/vi",
    "viix42/V F#:dim7/bb7 D#:dim7/bb7 viix42/V",
    "iid6/ii E:dim/b3 C#:dim/b3 iio6/ii",
    "V/bIII Bb:maj G:maj V/bIII",
    "bVId7/V Eb:7 C:7 bVId7/V",
    "V/V/V A:maj F#:maj V/V/V",
    "'V:7(*3,11)' 'G:7(*3,11)' 'E:7(*3,11)' 'V:7(*3,11)'",
    "'I:maj6(9)/3' 'C:maj6(9)/3' 'A:maj6(9)/3' 'I:maj6(9)/3'",
  })
  void parsesToChordsAndFormats(String text, String inC, String inA, String canonical) {
    RomanNumeral numeral = RomanNumeral.parse(text);
    assertEquals(parseHarte(inC), numeral.toChord(Key.C_MAJOR), "in C");
    assertEquals(parseHarte(inA), numeral.toChord(Key.A_MINOR), "in A minor");
    assertEquals(canonical, numeral.format());
    assertEquals(numeral, RomanNumeral.parse(numeral.format()));
  }

  @Test
  void keysSpellNotesByTheirDegree() {
    // Every pitch class in C major: the key's own notes plain, the chromatic ones as their RS200 degree says.
    StringBuilder inC = new StringBuilder();
    for (PitchClass pc : PitchClass.values()) {
      inC.append(Key.C_MAJOR.spell(pc)).append(' ');
    }
    assertEquals("C Db D Eb E F F# G Ab A Bb B", inC.toString().strip());
    assertEquals("D", Key.parse("E").spell(PitchClass.D)); // bVII of E major
    assertEquals("G", Key.parse("E").spell(PitchClass.G)); // bIII
    assertEquals("D#", Key.parse("E").spell(PitchClass.D_SHARP)); // VII
    assertEquals("Eb", Key.parse("F").spell(PitchClass.D_SHARP)); // bVI of F major
    assertEquals("Bb", Key.A_MINOR.spell(PitchClass.A_SHARP)); // bII of A minor
    assertEquals("G#", Key.A_MINOR.spell(PitchClass.G_SHARP)); // VII
    assertEquals("E#", Key.parse("B").spell(PitchClass.F)); // #IV of B major
    assertEquals("Cb", Key.parse("Gb").spell(PitchClass.B)); // IV of Gb major
    assertEquals("A", Key.parse("c#").spell(PitchClass.A)); // bVI of C# minor
    assertEquals("C", Key.parse("F#").spell(PitchClass.C)); // F# major is written Gb major: #IV of Gb is C
    // Every spelling names the pitch class it spells, in every key.
    for (PitchClass tonic : PitchClass.values()) {
      for (Key key : new Key[] {Key.major(tonic), Key.minor(tonic)}) {
        for (PitchClass pc : PitchClass.values()) {
          assertEquals(pc, PitchClass.parse(key.spell(pc)), key + " spells " + pc + " as " + key.spell(pc));
        }
      }
    }
  }

  @Test
  void ofChordInKey() {
    Key d = Key.parse("D");
    assertEquals("bVII", RomanNumeral.of(parseHarte("C:maj"), d).format());
    assertEquals("V7", RomanNumeral.of(parseHarte("A:7"), d).format());
    assertEquals("vi65", RomanNumeral.of(parseHarte("B:min7/b3"), d).format());
    assertEquals("#IV", RomanNumeral.of(parseHarte("G#:maj"), d).format());
    assertEquals("bIII", RomanNumeral.of(parseHarte("C:maj"), Key.A_MINOR).format());
    assertEquals("i", RomanNumeral.of(parseHarte("A:min"), Key.A_MINOR).format());
    assertEquals("I:maj(9)", RomanNumeral.of(parseHarte("D:maj(9)"), d).format());
    assertEquals("v:min7(*b3,11)", RomanNumeral.of(parseHarte("A:min7(*b3,11)"), d).format());
    assertEquals("i:(1,b3,#4)", RomanNumeral.of(parseHarte("D:(1,b3,#4)"), d).format());
    for (String label : new String[] {"A:7", "F#:min7(*b3,11)", "E:sus4(b7)/b7", "Bb:maj6(9)/3", "C#:(1,b3,#4)"}) {
      Chord chord = parseHarte(label);
      RomanNumeral numeral = RomanNumeral.of(chord, d);
      assertEquals(chord, numeral.toChord(d), label);
      assertEquals(numeral, RomanNumeral.parse(numeral.format()), label);
    }
    assertThrows(IllegalArgumentException.class, () -> RomanNumeral.of(Chord.NO_CHORD, d));
  }

  @Test
  void appliedChords() {
    RomanNumeral numeral = RomanNumeral.parse("V7/ii");
    assertTrue(numeral.isApplied());
    assertEquals(9, numeral.semitonesAboveTonic());
    assertEquals(RomanNumeral.parse("ii"), numeral.target().orElseThrow());
    assertFalse(RomanNumeral.parse("V7").isApplied());
  }

  @Test
  void errorsNameTextPositionAndExpectation() {
    assertError(() -> RomanNumeral.parse("R"), "'R'", 0, "RS200 'R' is a rest");
    assertError(() -> RomanNumeral.parse(""), "''", 0, "roman numeral");
    assertError(() -> RomanNumeral.parse("H7"), "'H7'", 0, "roman numeral");
    assertError(() -> RomanNumeral.parse("Vq"), "'Vq'", 1, "figure");
    assertError(() -> RomanNumeral.parse("V7/"), "'V7/'", 3, "roman numeral");
    assertError(() -> RomanNumeral.parse("V/V7"), "'V/V7'", 3, "'/' and a target");
    assertError(() -> RomanNumeral.parse("IVb"), "'IVb'", 2, "figure");
    assertError(() -> RomanNumeral.parse("V:foo"), "'V:foo'", 2, "Harte quality shorthand");
    assertError(() -> RomanNumeral.parse("bbbVII"), "'bbbVII'", 3, "accidentals");
    assertError(() -> RomanNumeral.parse("\u0000I"), "'\\u0000I'", 0, "roman numeral");
    assertError(() -> RomanNumeral.parse("Vs46"), "'Vs46'", 3, "figure");
  }
}
