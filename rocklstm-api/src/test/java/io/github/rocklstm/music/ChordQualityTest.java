package io.github.rocklstm.music;

import static io.github.rocklstm.music.VocabularyLevel.FULL;
import static io.github.rocklstm.music.VocabularyLevel.MAJMIN;
import static io.github.rocklstm.music.VocabularyLevel.SEVENTHS;
import static io.github.rocklstm.music.VocabularyLevel.TRIADS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChordQualityTest {

  /** Harte shorthand, MAJMIN, TRIADS, SEVENTHS: the table in VocabularyLevel's comment, written out by hand. */
  private static final String[][] REDUCTIONS = {
    {"maj", "maj", "maj", "maj"},
    {"min", "min", "min", "min"},
    {"dim", "min", "dim", "dim"},
    {"aug", "maj", "aug", "aug"},
    {"sus2", "maj", "sus2", "sus2"},
    {"sus4", "maj", "sus4", "sus4"},
    {"5", "maj", "5", "5"},
    {"1", "maj", "5", "5"},
    {"maj6", "maj", "maj", "maj6"},
    {"min6", "min", "min", "min6"},
    {"7", "maj", "maj", "7"},
    {"maj7", "maj", "maj", "maj7"},
    {"min7", "min", "min", "min7"},
    {"hdim7", "min", "dim", "hdim7"},
    {"dim7", "min", "dim", "dim7"},
    {"minmaj7", "min", "min", "minmaj7"},
    {"9", "maj", "maj", "7"},
    {"maj9", "maj", "maj", "maj7"},
    {"min9", "min", "min", "min7"},
    {"11", "maj", "maj", "7"},
    {"min11", "min", "min", "min7"},
    {"13", "maj", "maj", "7"},
    {"maj13", "maj", "maj", "maj7"},
    {"min13", "min", "min", "min7"},
  };

  @Test
  void everyQualityReducesAsDocumented() {
    Set<ChordQuality> seen = EnumSet.noneOf(ChordQuality.class);
    for (String[] row : REDUCTIONS) {
      ChordQuality quality = ChordQuality.fromHarte(row[0]).orElseThrow();
      seen.add(quality);
      assertEquals(row[1], quality.reduce(MAJMIN).harte(), row[0] + " at MAJMIN");
      assertEquals(row[2], quality.reduce(TRIADS).harte(), row[0] + " at TRIADS");
      assertEquals(row[3], quality.reduce(SEVENTHS).harte(), row[0] + " at SEVENTHS");
      assertEquals(quality, quality.reduce(FULL));
      assertTrue(MAJMIN.qualities().contains(quality.reduce(MAJMIN)));
      assertTrue(TRIADS.qualities().contains(quality.reduce(TRIADS)));
      assertTrue(SEVENTHS.qualities().contains(quality.reduce(SEVENTHS)));
    }
    assertEquals(EnumSet.complementOf(EnumSet.of(ChordQuality.NONE)), seen, "the table covers every quality");
  }

  @Test
  void levelsHoldTheDocumentedClasses() {
    assertEquals(2, MAJMIN.qualities().size());
    assertEquals(7, TRIADS.qualities().size());
    assertEquals(15, SEVENTHS.qualities().size());
    assertEquals(ChordQuality.values().length, FULL.qualities().size());
    assertThrows(IllegalStateException.class, () -> FULL.classify(ChordQuality.MAJOR.intervals()));
  }

  @Test
  void intervalsAndNames() {
    assertEquals("[1, b3, b5, bb7]", ChordQuality.DIMINISHED_SEVENTH.intervals().toString());
    assertEquals("[1, 3, 5, b7, 9, 11, 13]", ChordQuality.DOMINANT_THIRTEENTH.intervals().toString());
    assertEquals("m7b5", ChordQuality.HALF_DIMINISHED_SEVENTH.leadSheetSuffix());
    assertEquals(Optional.of(ChordQuality.POWER), ChordQuality.fromHarte("5"));
    assertEquals(Optional.empty(), ChordQuality.fromHarte("foo"));
    assertEquals(Optional.of(ChordQuality.MINOR_SEVENTH),
        ChordQuality.withIntervals(Set.of(Interval.parse("1"), Interval.parse("b3"), Interval.parse("5"),
            Interval.parse("b7"))));
    assertEquals(Optional.empty(), ChordQuality.withIntervals(Set.of()));
  }
}
