package io.github.rocklstm.eval;

import static io.github.rocklstm.eval.Charts.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.eval.ChordStatistics.Weighting;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed chord statistics of two progressions.
 *
 * <pre>
 * POP (C major):  C:maj*4 G:maj*4 A:min*4 F:maj*4 C:maj*4 G:maj*4 A:min*4 F:maj*4
 *   8 changes of 4 beats. Tonal-centroid squared distances (see TonalCentroidTest): C-G 53/36, G-Am 7/3,
 *   Am-F 19/36 + sqrt3/9, F-C 53/36 (F-C is C-G a fifth lower).
 * MINOR (A minor): N*2 A:min*4 A:min7*2 E:7*4 X*1 C:maj*2 D:maj*2 N*1
 *   MAJMIN changes: N, X removed; A:min7 -> A:min merges with A:min (6 beats); E:7 -> E:maj;
 *   so Am 6, E 4, C 2, D 2: 4 changes, 14 beats. A minor's scale is A B C D E F G plus G#: Am, E (E G# B) and C are
 *   diatonic, D (D F# A) is not. Squared distances Am-E 11/9 + 2 sqrt3/9, E-C 11/12 + sqrt3/3, C-D 97/36 + sqrt3/9.
 * </pre>
 */
class ChordStatisticsTest {

  private static final double S3 = Math.sqrt(3);

  private static final KeyedProgression POP =
      keyed("pop", "C", "C:maj*4 G:maj*4 A:min*4 F:maj*4 C:maj*4 G:maj*4 A:min*4 F:maj*4");
  private static final KeyedProgression MINOR =
      keyed("minor", "Am", "N*2 A:min*4 A:min7*2 E:7*4 X*1 C:maj*2 D:maj*2 N*1");

  private final ChordStatistics beats = new ChordStatistics(VocabularyLevel.MAJMIN, Weighting.BEATS);

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void popLoopByHand() {
    ProgressionStatistics s = beats.of(POP);
    assertEquals("pop", s.id());
    assertEquals(8, s.changes());
    // 4 classes of 8 beats each out of 32: uniform, log2 4 = 2 bits.
    assertEquals(2.0, s.entropy(), 1e-15);
    assertEquals(4, s.coverage());
    // 7 transitions: 2 (C-G) + 2 (G-Am) + 2 (Am-F) + 1 (F-C).
    double tonal = (3 * Math.sqrt(53.0 / 36) + 2 * Math.sqrt(7.0 / 3) + 2 * Math.sqrt(19.0 / 36 + S3 / 9)) / 7;
    assertEquals(tonal, s.tonalDistance(), 1e-15);
    assertEquals(1.1989186008544197, s.tonalDistance(), 1e-12);
    // Trigrams C G Am, G Am F, Am F C, F C G, C G Am, G Am F: 4 distinct of 6.
    assertEquals(4.0 / 6, s.uniqueTrigramRatio(), 1e-15);
    assertEquals(4.0, s.meanBeats());
    assertEquals(1.0, s.diatonicShare());
  }

  @Test
  void minorSongWithSilenceAndUnknownByHand() {
    ProgressionStatistics s = beats.of(MINOR);
    assertEquals(4, s.changes());
    // Beats 6, 4, 2, 2 of 14: p = 3/7, 2/7, 1/7, 1/7.
    // H = log2 7 - (3 log2 3 + 2 log2 2 + 0 + 0) / 7 = log2 7 - (3 log2 3 + 2) / 7 = 2.807355 - 0.964984 = 1.842371.
    double entropy = log2(7) - (3 * log2(3) + 2) / 7;
    assertEquals(entropy, s.entropy(), 1e-14);
    assertEquals(1.8423709931771088, s.entropy(), 1e-12);
    assertEquals(4, s.coverage());
    double tonal =
        (Math.sqrt(11.0 / 9 + 2 * S3 / 9) + Math.sqrt(11.0 / 12 + S3 / 3) + Math.sqrt(97.0 / 36 + S3 / 9)) / 3;
    assertEquals(tonal, s.tonalDistance(), 1e-15);
    // Trigrams Am E C and E C D: 2 distinct of 2.
    assertEquals(1.0, s.uniqueTrigramRatio());
    // N (3 beats) and X (1 beat) are not counted: 14 beats over 4 changes.
    assertEquals(3.5, s.meanBeats());
    // Diatonic beats 6 + 4 + 2 = 12 of 14.
    assertEquals(6.0 / 7, s.diatonicShare(), 1e-15);
  }

  @Test
  void changeWeightingCountsEveryChangeOnce() {
    ProgressionStatistics s = new ChordStatistics(VocabularyLevel.MAJMIN, Weighting.CHANGES).of(MINOR);
    // 4 changes of 4 classes: uniform, 2 bits; diatonic 3 of 4 changes. The other statistics do not weigh.
    assertEquals(2.0, s.entropy(), 1e-15);
    assertEquals(0.75, s.diatonicShare());
    assertEquals(beats.of(MINOR).tonalDistance(), s.tonalDistance());
    assertEquals(3.5, s.meanBeats());
  }

  @Test
  void fullLevelKeepsSeventhsApart() {
    ProgressionStatistics s = new ChordStatistics(VocabularyLevel.FULL, Weighting.BEATS).of(MINOR);
    // A:min 4, A:min7 2, E:7 4, C:maj 2, D:maj 2: five changes, five classes.
    assertEquals(5, s.changes());
    assertEquals(5, s.coverage());
    // Beats 4, 2, 4, 2, 2 of 14: H = log2 14 - (2 * 4 log2 4 + 3 * 2 log2 2) / 14 = log2 14 - 22/14.
    assertEquals(log2(14) - 22.0 / 14, s.entropy(), 1e-14);
    assertEquals(14.0 / 5, s.meanBeats(), 1e-15);
    // A:min7 (A C E G) and E:7 (E G# B D) are in A minor's natural + harmonic scale; D:maj is not: 12 of 14 beats.
    assertEquals(12.0 / 14, s.diatonicShare(), 1e-15);
    assertEquals(1.0, s.uniqueTrigramRatio());
  }

  @Test
  void setMetricsByHand() {
    Metrics metrics = beats.evaluate(List.of(POP, MINOR));
    assertEquals(List.of(ChordStatistics.PROGRESSIONS, ChordStatistics.CHANGES, ChordStatistics.ENTROPY,
        ChordStatistics.ENTROPY_POOLED, ChordStatistics.COVERAGE, ChordStatistics.COVERAGE_POOLED,
        ChordStatistics.TONAL_DISTANCE, ChordStatistics.UNIQUE_TRIGRAM_RATIO, ChordStatistics.MEAN_BEATS,
        ChordStatistics.DIATONIC_SHARE), metrics.names());
    assertEquals(2, metrics.value(ChordStatistics.PROGRESSIONS));
    assertEquals(8 + 4, metrics.value(ChordStatistics.CHANGES));
    assertEquals((2 + 1.8423709931771088) / 2, metrics.value(ChordStatistics.ENTROPY), 1e-12);
    // Pooled beats: C 8 + 2 = 10, G 8, Am 8 + 6 = 14, F 8, E 4, D 2; 46 in all.
    // H = log2 46 - (10 log2 10 + 2 * 8 log2 8 + 14 log2 14 + 4 log2 4 + 2 log2 2) / 46
    //   = log2 46 - (10 log2 10 + 58 + 14 log2 14) / 46 = 5.523562 - 3.141788 = 2.381774.
    assertEquals(log2(46) - (10 * log2(10) + 58 + 14 * log2(14)) / 46, metrics.value(ChordStatistics.ENTROPY_POOLED),
        1e-14);
    assertEquals(2.3817739156726634, metrics.value(ChordStatistics.ENTROPY_POOLED), 1e-12);
    assertEquals(4, metrics.value(ChordStatistics.COVERAGE));
    assertEquals(6, metrics.value(ChordStatistics.COVERAGE_POOLED));
    assertEquals((1.1989186008544197 + 1.3963698505519464) / 2, metrics.value(ChordStatistics.TONAL_DISTANCE), 1e-12);
    assertEquals((4.0 / 6 + 1) / 2, metrics.value(ChordStatistics.UNIQUE_TRIGRAM_RATIO), 1e-15);
    assertEquals((4 + 3.5) / 2, metrics.value(ChordStatistics.MEAN_BEATS));
    assertEquals((1 + 6.0 / 7) / 2, metrics.value(ChordStatistics.DIATONIC_SHARE), 1e-15);
    assertEquals(Metric.BITS, metrics.get(ChordStatistics.ENTROPY).unit());
    assertEquals(Metric.DISTANCE, metrics.get(ChordStatistics.TONAL_DISTANCE).unit());
    assertEquals(Metric.BEATS, metrics.get(ChordStatistics.MEAN_BEATS).unit());
    assertEquals("chords", beats.name());
  }

  @Test
  void oneChordIsStaticAndCannotRepeat() {
    // C:maj then C:7 (C:maj at MAJMIN) with N between: one change of 8 beats.
    ProgressionStatistics s = beats.of(keyed("drone", "C", "C:maj*4 N*4 C:7*4"));
    assertEquals(1, s.changes());
    assertEquals(0.0, s.entropy());
    assertEquals(1, s.coverage());
    assertEquals(0.0, s.tonalDistance());
    assertEquals(1.0, s.uniqueTrigramRatio());
    assertEquals(8.0, s.meanBeats());
  }

  @Test
  void diatonicScales() {
    assertEquals(7, ChordStatistics.diatonicPitchClasses(Key.C_MAJOR).size());
    assertEquals(List.of(PitchClass.C, PitchClass.D, PitchClass.E, PitchClass.F, PitchClass.G, PitchClass.G_SHARP,
        PitchClass.A, PitchClass.B), ChordStatistics.diatonicPitchClasses(Key.A_MINOR).asList());
    assertTrue(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("E:7"), Key.A_MINOR));
    assertTrue(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("G#:dim7"), Key.A_MINOR));
    assertFalse(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("D:maj"), Key.A_MINOR));
    assertFalse(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("C:7"), Key.C_MAJOR));
    assertTrue(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("Bb:maj"), Key.parse("F")));
    assertFalse(ChordStatistics.isDiatonic(ChordSymbols.parseHarte("N"), Key.C_MAJOR));
  }

  @Test
  void badSetsAreRejected() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> beats.evaluate(List.of()));
    assertEquals("the set of progressions is empty", empty.getMessage());
    IllegalArgumentException silent = assertThrows(IllegalArgumentException.class,
        () -> beats.evaluate(List.of(POP, keyed("silence", "C", "N*4 X*4"))));
    assertEquals("progression 'silence' has no chord change (it has 2 events, none with a pitched chord: N and X do "
        + "not count)", silent.getMessage());
    assertThrows(IllegalArgumentException.class, () -> beats.evaluate(java.util.Arrays.asList(POP, null)));
    assertThrows(NullPointerException.class, () -> new ChordStatistics(null, Weighting.BEATS));
  }
}
