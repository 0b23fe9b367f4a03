package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordQuality;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Interval;
import io.github.rocklstm.music.PitchClass;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChordVoicerTest {

  private static Chord chord(String leadSheet) {
    return ChordSymbols.parseLeadSheet(leadSheet);
  }

  private static List<Chord> chords(String... leadSheets) {
    List<Chord> chords = new ArrayList<>();
    for (String s : leadSheets) {
      chords.add(chord(s));
    }
    return chords;
  }

  @Test
  void oneFourFiveOneMovesByStep() {
    // C4 E4 G4 -> C4 F4 A4 (0+1+2) -> B3 D4 G4 (1+3+2, ties D4 G4 B4 and is nearer E4) -> C4 E4 G4 (1+2+0).
    assertEquals(List.of(Voicing.of(48, 60, 64, 67), Voicing.of(53, 60, 65, 69), Voicing.of(55, 59, 62, 67),
        Voicing.of(48, 60, 64, 67)), ChordVoicer.voiceAll(chords("C", "F", "G", "C")));
  }

  @Test
  void firstChordSitsNearE4() {
    // G: G3 B3 D4 (sum 176), B3 D4 G4 (188), D4 G4 B4 (200); 3 x 64 = 192, so B3 D4 G4.
    assertEquals(Voicing.of(55, 59, 62, 67), ChordVoicer.voice(chord("G"), Voicing.SILENT));
    // B: the bass is B3, so the upper notes start at C4; only D#4 F#4 B4 fits below C5.
    assertEquals(Voicing.of(59, 63, 66, 71), ChordVoicer.voice(chord("B"), Voicing.SILENT));
  }

  @Test
  void slashChordsPutTheirBassLow() {
    assertEquals(Voicing.of(52, 60, 64, 67), ChordVoicer.voice(chord("C/E"), Voicing.SILENT));
    // Bb/D after F: F3 C4 F4 A4 -> D3 + D4 F4 Bb4 (2+0+1) beats Bb3 D4 F4 (2+2+4).
    assertEquals(List.of(Voicing.of(53, 60, 65, 69), Voicing.of(50, 62, 65, 70)),
        ChordVoicer.voiceAll(chords("F", "Bb/D")));
  }

  @Test
  void silenceKeepsTheVoiceLeading() {
    assertEquals(List.of(Voicing.of(48, 60, 64, 67), Voicing.SILENT, Voicing.SILENT, Voicing.of(53, 60, 65, 69)),
        ChordVoicer.voiceAll(List.of(chord("C"), Chord.NO_CHORD, Chord.UNKNOWN, chord("F"))));
  }

  @Test
  void choosesFourNotesOfBigChords() {
    assertEquals(List.of(PitchClass.E, PitchClass.A_SHARP, PitchClass.A, PitchClass.D),
        ChordVoicer.upperPitchClasses(chord("C13")));
    assertEquals(List.of(PitchClass.E, PitchClass.B, PitchClass.D, PitchClass.C),
        ChordVoicer.upperPitchClasses(chord("Cmaj9")));
    // The Hendrix chord: E G# D G.
    assertEquals(List.of(PitchClass.G_SHARP, PitchClass.D, PitchClass.G, PitchClass.E),
        ChordVoicer.upperPitchClasses(chord("E7#9")));
    assertEquals(List.of(PitchClass.F, PitchClass.C, PitchClass.G), ChordVoicer.upperPitchClasses(chord("Csus4")));
    assertEquals(List.of(PitchClass.E, PitchClass.D, PitchClass.C, PitchClass.G),
        ChordVoicer.upperPitchClasses(chord("Cadd9")));
    assertEquals(List.of(PitchClass.C, PitchClass.G), ChordVoicer.upperPitchClasses(chord("C5")));
    assertEquals(List.of(), ChordVoicer.upperPitchClasses(Chord.NO_CHORD));
    // C13 in close position between G3 and C5: A3 Bb3 D4 E4 (sum 241), Bb3 D4 E4 A4 (253), D4 E4 A4 Bb4 (265);
    // E4 A4 Bb4 D5 goes above C5. Nearest 4 x 64 = 256: Bb3 D4 E4 A4.
    assertEquals(Voicing.of(48, 58, 62, 64, 69), ChordVoicer.voice(chord("C13"), Voicing.SILENT));
  }

  @Test
  void everyChordOnEveryRootStaysInRangeInClosePosition() {
    List<Chord> all = new ArrayList<>();
    for (PitchClass root : PitchClass.values()) {
      for (ChordQuality quality : ChordQuality.values()) {
        if (quality == ChordQuality.NONE) {
          continue;
        }
        for (Interval bass : quality.intervals()) {
          all.add(Chord.of(root, quality, bass));
        }
      }
    }
    // Voice them as one long progression, so every chord is also led from many different predecessors.
    List<Voicing> voicings = ChordVoicer.voiceAll(all);
    for (int i = 0; i < all.size(); i++) {
      Chord c = all.get(i);
      Voicing v = voicings.get(i);
      String what = c + " -> " + v;
      assertEquals(ChordVoicer.BASS_LOWEST + c.bass().semitone(), v.bass(), what);
      List<Integer> upper = v.upper();
      assertTrue(upper.size() >= 1 && upper.size() <= ChordVoicer.MAX_UPPER_NOTES, what);
      assertTrue(upper.get(0) >= ChordVoicer.UPPER_LOWEST && upper.get(0) > v.bass(), what);
      assertTrue(upper.get(upper.size() - 1) <= ChordVoicer.UPPER_HIGHEST, what);
      assertTrue(upper.get(upper.size() - 1) - upper.get(0) < 12, "close position: " + what);
      Set<PitchClass> classes = new HashSet<>();
      upper.forEach(p -> classes.add(PitchClass.of(p)));
      assertEquals(new HashSet<>(ChordVoicer.upperPitchClasses(c)), classes, what);
      assertEquals(upper.size(), classes.size(), "each pitch class once: " + what);
    }
    // Intervals per quality: six triads 3, power 2, root 1, eight sixths and sevenths 4, three ninths 5, two
    // elevenths 6, three thirteenths 7: 101 bass choices per root.
    assertEquals(12 * 101, all.size());
  }

  @Test
  void voicingRejectsUnsortedPitches() {
    assertThrows(IllegalArgumentException.class, () -> Voicing.of(60, 60));
    assertThrows(IllegalArgumentException.class, () -> Voicing.of(64, 60));
    assertThrows(IllegalArgumentException.class, () -> Voicing.of(128));
    assertThrows(IllegalStateException.class, Voicing.SILENT::bass);
  }
}
