package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordQuality;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.PitchClass;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TonalCentroidTest {

  private static final double S3 = Math.sqrt(3);

  @Test
  void singlePitchClassesLieOnTheThreeCircles() {
    // C (l = 0): every angle 0, so (sin, cos) = (0, 1) on each circle, scaled by r1 = 1, r2 = 1, r3 = 0.5.
    assertArrayEquals(new double[] {0, 1, 0, 1, 0, 0.5}, TonalCentroid.of(Set.of(PitchClass.C)), 1e-15);
    // G (l = 7): fifths 7 * 210 = 1470 = 30 degrees, minor thirds 7 * 270 = 1890 = 90,
    // major thirds 7 * 120 = 840 = 120.
    assertArrayEquals(new double[] {0.5, S3 / 2, 1, 0, 0.5 * S3 / 2, -0.25}, TonalCentroid.of(Set.of(PitchClass.G)),
        1e-15);
  }

  @Test
  void distanceOfTwoPitchClassesByHand() {
    // k semitones apart: d^2 = sum over circles of r^2 (2 - 2 cos(k theta)).
    // A fifth (k = 7): 30, 90 and 120 degrees: (2 - sqrt 3) + 2 + 0.25 * 3 = 4.75 - sqrt 3.
    Chord c = Chord.of(PitchClass.C, ChordQuality.ROOT_ONLY);
    Chord g = Chord.of(PitchClass.G, ChordQuality.ROOT_ONLY);
    assertEquals(Math.sqrt(4.75 - S3), TonalCentroid.distance(c, g), 1e-15);
    // A tritone (k = 6): 180, 180 and 0 degrees: 4 + 4 + 0 = 8.
    Chord fSharp = Chord.of(PitchClass.F_SHARP, ChordQuality.ROOT_ONLY);
    assertEquals(Math.sqrt(8), TonalCentroid.distance(c, fSharp), 1e-15);
  }

  @Test
  void triadsByHand() {
    // C:maj = {0, 4, 7}. Fifths angles 0, 840 = 120, 1470 = 30 degrees: sin (0 + sqrt3/2 + 1/2) / 3 = (1 + sqrt3)/6,
    // cos (1 - 1/2 + sqrt3/2) / 3 = (1 + sqrt3)/6. Minor thirds 0, 1080 = 0, 1890 = 90: sin 1/3, cos 2/3.
    // Major thirds 0, 480 = 120, 840 = 120: 0.5 * sin: (0 + 2 sqrt3/2)/3 / 2 = sqrt3/6, 0.5 * cos: (1 - 1/2 - 1/2) = 0.
    double[] cMajor = {(1 + S3) / 6, (1 + S3) / 6, 1.0 / 3, 2.0 / 3, S3 / 6, 0};
    assertArrayEquals(cMajor, TonalCentroid.of(ChordSymbols.parseHarte("C:maj")), 1e-15);
    // G:maj = {7, 11, 2}: ((2 + sqrt3)/6, 1/6, 2/3, -1/3, -sqrt3/12, -1/4).
    double[] gMajor = {(2 + S3) / 6, 1.0 / 6, 2.0 / 3, -1.0 / 3, -S3 / 12, -0.25};
    assertArrayEquals(gMajor, TonalCentroid.of(ChordSymbols.parseHarte("G:maj")), 1e-15);
    // C - G = (-1/6, sqrt3/6, -1/3, 1, sqrt3/4, 1/4): 1/36 + 3/36 + 4/36 + 1 + 3/16 + 1/16 = 2/9 + 5/4 = 53/36.
    assertEquals(Math.sqrt(53.0 / 36), TonalCentroid.distance(ChordSymbols.parseHarte("C:maj"),
        ChordSymbols.parseHarte("G:maj")), 1e-15);
    // Relative minor shares two notes: C:maj - A:min squared is 23/36, closer than the fifth.
    assertEquals(Math.sqrt(23.0 / 36), TonalCentroid.distance(ChordSymbols.parseHarte("C:maj"),
        ChordSymbols.parseHarte("A:min")), 1e-15);
  }

  @Test
  void distancesDoNotDependOnTheKey() {
    Chord c = ChordSymbols.parseHarte("C:maj");
    Chord am7 = ChordSymbols.parseHarte("A:min7");
    for (int semitones = 1; semitones < 12; semitones++) {
      assertEquals(TonalCentroid.distance(c, am7),
          TonalCentroid.distance(c.transpose(semitones), am7.transpose(semitones)), 1e-14);
    }
  }

  @Test
  void inversionsAndDoublingsDoNotMove() {
    // The centroid uses the set of sounding pitch classes: C:maj/3 sounds C E G like C:maj.
    assertArrayEquals(TonalCentroid.of(ChordSymbols.parseHarte("C:maj")),
        TonalCentroid.of(ChordSymbols.parseHarte("C:maj/3")), 1e-15);
    assertArrayEquals(TonalCentroid.of(List.of(PitchClass.C, PitchClass.E)),
        TonalCentroid.of(List.of(PitchClass.C, PitchClass.E, PitchClass.C)), 1e-15);
  }

  @Test
  void noChordHasNoCentroid() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TonalCentroid.of(Chord.NO_CHORD));
    assertEquals("N has no pitch classes and so no tonal centroid", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TonalCentroid.of(Chord.UNKNOWN));
    assertThrows(IllegalArgumentException.class, () -> TonalCentroid.of(Set.of()));
  }
}
