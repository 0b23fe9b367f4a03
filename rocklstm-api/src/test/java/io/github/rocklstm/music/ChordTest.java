package io.github.rocklstm.music;

import static io.github.rocklstm.music.ChordSymbols.parseHarte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ChordTest {

  private static Set<Interval> intervals(String... names) {
    Set<Interval> set = new java.util.TreeSet<>();
    for (String name : names) {
      set.add(Interval.parse(name));
    }
    return set;
  }

  @Test
  void keepsTheWrittenStructureInNormalForm() {
    Chord chord = parseHarte("A:min7(*b3,11)");
    assertEquals(PitchClass.A, chord.root());
    assertEquals(ChordQuality.MINOR_SEVENTH, chord.quality());
    assertEquals(intervals("11"), chord.added());
    assertEquals(intervals("b3"), chord.omitted());
    assertEquals(intervals("1", "5", "b7", "11"), chord.intervals());
    // Additions the quality has and omissions it lacks are dropped; an exact interval set takes its shorthand.
    assertEquals(Chord.of(PitchClass.C, ChordQuality.MAJOR), parseHarte("C:maj(3,*b7)"));
    assertEquals(Chord.of(PitchClass.C, ChordQuality.DOMINANT_SEVENTH), parseHarte("C:maj(b7)"));
    assertEquals(Chord.of(PitchClass.C, ChordQuality.MAJOR), parseHarte("C:(1,3,5)"));
    assertEquals(Chord.of(PitchClass.A, ChordQuality.POWER), parseHarte("A:maj(*3)"));
    // Same sound, different structure: not equal, same intervals.
    assertNotEquals(parseHarte("C:7(*3,4)"), parseHarte("C:sus4(b7)"));
    assertEquals(parseHarte("C:7(*3,4)").intervals(), parseHarte("C:sus4(b7)").intervals());
  }

  @Test
  void fromIntervalsPicksTheFewestChanges() {
    assertEquals("C:sus4(b7)", Chord.fromIntervals(PitchClass.C, intervals("1", "4", "5", "b7"), Interval.ROOT)
        .toString());
    assertEquals("C:7(b5,*5)", Chord.fromIntervals(PitchClass.C, intervals("1", "3", "b5", "b7"), Interval.ROOT)
        .toString());
    assertEquals("C:5(b7)", Chord.fromIntervals(PitchClass.C, intervals("1", "5", "b7"), Interval.ROOT).toString());
    assertEquals("C:hdim7", Chord.fromIntervals(PitchClass.C, intervals("1", "b3", "b5", "b7"), Interval.ROOT)
        .toString());
    assertEquals("C:(b3,#4)", Chord.fromIntervals(PitchClass.C, intervals("b3", "#4"), Interval.ROOT).toString());
    assertEquals("C:maj(*1)/3", Chord.fromIntervals(PitchClass.C, intervals("3", "5"), Interval.MAJOR_THIRD)
        .toString());
  }

  @Test
  void pitchClassesBassAndTransposition() {
    Chord chord = parseHarte("D:7/3");
    assertEquals(PitchClass.F_SHARP, chord.bass());
    assertEquals(Set.of(PitchClass.D, PitchClass.F_SHARP, PitchClass.A, PitchClass.C), chord.pitchClasses());
    assertEquals(parseHarte("E:7/3"), chord.transpose(2));
    assertEquals(parseHarte("C:7/3"), chord.transpose(-2));
    assertSame(chord, chord.transpose(12));
    // A bass outside the chord sounds too.
    assertEquals(Set.of(PitchClass.C, PitchClass.E, PitchClass.G, PitchClass.B), parseHarte("C:maj/7").pitchClasses());
    assertTrue(parseHarte("C:maj/1").isRootPosition());
    assertEquals(parseHarte("C:maj"), parseHarte("C:maj/3").withRootPosition());
  }

  @Test
  void placeholdersHaveNoRootButBehave() {
    assertTrue(Chord.NO_CHORD.isNoChord());
    assertTrue(Chord.UNKNOWN.isUnknown());
    assertFalse(Chord.NO_CHORD.isPitched());
    assertSame(Chord.NO_CHORD, Chord.NO_CHORD.transpose(5));
    assertSame(Chord.UNKNOWN, Chord.UNKNOWN.reduce(VocabularyLevel.MAJMIN));
    assertTrue(Chord.NO_CHORD.pitchClasses().isEmpty());
    assertTrue(Chord.NO_CHORD.intervals().isEmpty());
    IllegalStateException e = assertThrows(IllegalStateException.class, Chord.NO_CHORD::root);
    assertTrue(e.getMessage().contains("no root"), e.getMessage());
    assertThrows(IllegalStateException.class, Chord.UNKNOWN::bass);
    assertEquals("N", Chord.NO_CHORD.toString());
    assertEquals("X", Chord.UNKNOWN.toString());
    assertNotEquals(Chord.NO_CHORD, Chord.UNKNOWN);
  }

  @Test
  void reducesBySoundingIntervals() {
    assertEquals(parseHarte("G:maj"), parseHarte("G:7(b9)/3").reduce(VocabularyLevel.MAJMIN));
    assertEquals(parseHarte("G:7"), parseHarte("G:7(b9)/3").reduce(VocabularyLevel.SEVENTHS));
    assertEquals(parseHarte("B:dim"), parseHarte("B:hdim7").reduce(VocabularyLevel.TRIADS));
    assertEquals(parseHarte("E:maj"), parseHarte("E:5").reduce(VocabularyLevel.MAJMIN));
    assertEquals(parseHarte("A:sus4"), parseHarte("A:sus4(b7,9)").reduce(VocabularyLevel.SEVENTHS));
    // Omitting the third leaves no third to read: min7(*b3) sounds 1 5 b7, a power chord.
    assertEquals(parseHarte("C:5"), parseHarte("C:min7(*b3)").reduce(VocabularyLevel.TRIADS));
    // A bare list is classified by what it holds: (1,b3,b5,6) is a diminished seventh spelled with a 6.
    assertEquals(parseHarte("E:dim7"), parseHarte("E:(1,b3,b5,6)/b3").reduce(VocabularyLevel.SEVENTHS));
    assertEquals(parseHarte("C:maj"), parseHarte("C:1(b5,b7,3)").reduce(VocabularyLevel.MAJMIN));
    Chord full = parseHarte("Eb:maj7(#11)/3");
    assertSame(full, full.reduce(VocabularyLevel.FULL));
  }

  @Test
  void rejectsChordsWithoutNotesOrParts() {
    assertThrows(IllegalArgumentException.class,
        () -> Chord.of(PitchClass.C, ChordQuality.ROOT_ONLY, Set.of(), Set.of(Interval.ROOT), Interval.ROOT));
    assertThrows(NullPointerException.class, () -> Chord.of(null, ChordQuality.MAJOR));
  }
}
