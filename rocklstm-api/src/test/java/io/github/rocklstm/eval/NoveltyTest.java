package io.github.rocklstm.eval;

import static io.github.rocklstm.eval.Charts.keyed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed novelty. Training songs, as MAJMIN changes after transposing to C major / A minor:
 *
 * <pre>
 *   song-a (C):  C G Am F C G Am F
 *   song-b (G):  G C D G            -> +5 semitones: C F G C
 *   song-c (Am): Am F G E Am
 * </pre>
 *
 * Generated (the matching statistics ms[i] = longest prefix of the changes from i found in one training song):
 *
 * <pre>
 *   gen-0 (C):  C G Am F G    ms = 4 (C G Am F, song-a), 3 (G Am F), 3 (Am F G, song-c), 2 (F G), 1 (G)
 *   gen-1 (D):  D A D C       -> -2 semitones: C G C Bb (Bb never seen)
 *                             ms = 2 (C G), 2 (G C, song-b), 1 (C), 0 (Bb)
 *   gen-2 (C):  Db Gb         ms = 0, 0
 * </pre>
 *
 * An n-gram at i is known when ms[i] >= n. Novel / all n-grams:
 *
 * <pre>
 *   n = 1: 0 + 1 + 2 = 3 of 5 + 4 + 2 = 11      n = 2: 0 + 1 (C Bb) + 1 = 2 of 4 + 3 + 1 = 8
 *   n = 3: 0 + 2 + 0 = 2 of 3 + 2 + 0 = 5       n = 4: 1 (G Am F G) + 1 = 2 of 2 + 1 = 3
 *   n = 5: 1 of 1                               n = 6..16: no n-gram, not reported
 * </pre>
 *
 * Longest matches 4 (gen-0 from change 0: C G Am F, first in song-a at change 0), 2 (gen-1: C G, song-a at 0),
 * 0 (gen-2): mean 2, max 4, share (4/5 + 2/4 + 0/2) / 3 = 1.3 / 3.
 */
class NoveltyTest {

  private static final List<KeyedProgression> TRAINING = List.of(
      keyed("song-a", "C", "C:maj*4 G:maj*4 A:min*4 F:maj*4 C:maj*4 G:maj*4 A:min*4 F:maj*4"),
      keyed("song-b", "G", "G:maj*4 C:maj*4 D:maj*4 G:maj*4"),
      keyed("song-c", "Am", "A:min*4 F:maj*4 G:maj*4 E:maj*4 A:min*4"));

  private static final KeyedProgression GEN_0 = keyed("gen-0", "C", "C:maj*4 G:maj*4 A:min*4 F:maj*4 G:maj*4");
  private static final KeyedProgression GEN_1 = keyed("gen-1", "D", "D:maj*4 A:maj*4 D:maj*4 C:maj*4");
  private static final KeyedProgression GEN_2 = keyed("gen-2", "C", "Db:maj*4 Gb:maj*4");
  private static final List<KeyedProgression> GENERATED = List.of(GEN_0, GEN_1, GEN_2);

  private final Novelty novelty = Novelty.fit(TRAINING, VocabularyLevel.MAJMIN);

  @Test
  void indexCountsSongsAndChanges() {
    assertEquals(3, novelty.trainingSongs());
    assertEquals(8 + 4 + 5, novelty.trainingChanges());
    assertEquals(VocabularyLevel.MAJMIN, novelty.level());
    assertEquals("novelty", novelty.name());
  }

  @Test
  void novelSharesByHand() {
    assertEquals(3.0 / 11, novelty.novelShare(GENERATED, 1), 1e-15);
    assertEquals(2.0 / 8, novelty.novelShare(GENERATED, 2), 1e-15);
    assertEquals(2.0 / 5, novelty.novelShare(GENERATED, 3), 1e-15);
    assertEquals(2.0 / 3, novelty.novelShare(GENERATED, 4), 1e-15);
    assertEquals(1.0, novelty.novelShare(GENERATED, 5));
    assertEquals(0.0, novelty.novelShare(List.of(GEN_0), 3));
  }

  @Test
  void longestMatchesByHand() {
    Novelty.VerbatimMatch first = novelty.longestMatch(GEN_0);
    assertEquals(new Novelty.VerbatimMatch("gen-0", 5, 4, 0, Optional.of("song-a"), 0,
        List.of("C:maj", "G:maj", "A:min", "F:maj").stream().map(ChordSymbols::parseHarte)
            .collect(com.google.common.collect.ImmutableList.toImmutableList())), first);
    assertEquals(0.8, first.share());
    Novelty.VerbatimMatch second = novelty.longestMatch(GEN_1);
    assertEquals(2, second.length());
    assertEquals(0, second.generatedStart());
    assertEquals(Optional.of("song-a"), second.trainingId());
    Novelty.VerbatimMatch none = novelty.longestMatch(GEN_2);
    assertEquals(0, none.length());
    assertFalse(none.trainingId().isPresent());
    assertEquals(List.of(first, second, none), novelty.longestMatches(GENERATED));
  }

  @Test
  void metricsByHand() {
    Metrics metrics = novelty.evaluate(GENERATED);
    assertEquals(List.of(Novelty.PROGRESSIONS, "novel.n1", "novel.n2", "novel.n3", "novel.n4", "novel.n5",
        Novelty.LONGEST_MATCH_MEAN, Novelty.LONGEST_MATCH_MAX, Novelty.LONGEST_MATCH_SHARE), metrics.names());
    assertEquals(3, metrics.value(Novelty.PROGRESSIONS));
    assertEquals(3.0 / 11, metrics.value("novel.n1"), 1e-15);
    assertEquals(0.25, metrics.value("novel.n2"), 1e-15);
    assertEquals(0.4, metrics.value("novel.n3"), 1e-15);
    assertEquals(2.0 / 3, metrics.value("novel.n4"), 1e-15);
    assertEquals(1.0, metrics.value("novel.n5"));
    assertEquals(2.0, metrics.value(Novelty.LONGEST_MATCH_MEAN), 1e-15);
    assertEquals(4, metrics.value(Novelty.LONGEST_MATCH_MAX));
    assertEquals(1.3 / 3, metrics.value(Novelty.LONGEST_MATCH_SHARE), 1e-15);
    assertEquals(Metric.RATIO, metrics.get("novel.n1").unit());
  }

  @Test
  void copiesInAnotherKeyAreFound() {
    // E minor: C D B Em -> +5 semitones: F G E Am, song-c from its second change.
    Novelty.VerbatimMatch match = novelty.longestMatch(keyed("copy", "Em", "C:maj*2 D:maj*2 B:7*4 E:min*8"));
    assertEquals(4, match.length());
    assertEquals(Optional.of("song-c"), match.trainingId());
    assertEquals(1, match.trainingStart());
    assertEquals(1.0, match.share());
  }

  @Test
  void matchesNeverSpanTwoSongs() {
    // F C F G: "F C" is in song-a (changes 3-4), "C F G" starts song-b; song-a ends with F and song-b starts with
    // C F G, so without the separator F C F G would match across the boundary.
    Novelty.VerbatimMatch match = novelty.longestMatch(keyed("boundary", "C", "F:maj*4 C:maj*4 F:maj*4 G:maj*4"));
    assertEquals(3, match.length());
    assertEquals(1, match.generatedStart());
    assertEquals(Optional.of("song-b"), match.trainingId());
    assertEquals(0, match.trainingStart());
  }

  @Test
  void aWholeTrainingSongIsCopiedVerbatim() {
    KeyedProgression copy = new KeyedProgression("copy", TRAINING.get(0).key(), TRAINING.get(0).progression());
    Novelty.VerbatimMatch match = novelty.longestMatch(copy);
    assertEquals(8, match.length());
    assertEquals(Optional.of("song-a"), match.trainingId());
    for (int n = 1; n <= 8; n++) {
      assertEquals(0.0, novelty.novelShare(List.of(copy), n));
    }
  }

  @Test
  void silenceAndLevelsFollowChordStatistics() {
    // N and X are removed and equal neighbours merged: C:maj N C:7 G:maj is C G at MAJMIN, known;
    // at FULL it is C:maj C:7 G:maj, and C:7 was never seen: 1 novel unigram of 3, both bigrams novel.
    KeyedProgression noisy = keyed("noisy", "C", "C:maj*4 N*4 C:7*4 X*1 G:maj*4");
    assertEquals(0.0, novelty.novelShare(List.of(noisy), 1));
    assertEquals(0.0, novelty.novelShare(List.of(noisy), 2));
    Novelty full = Novelty.fit(TRAINING, VocabularyLevel.FULL);
    assertEquals(1.0 / 3, full.novelShare(List.of(noisy), 1), 1e-15);
    assertEquals(1.0, full.novelShare(List.of(noisy), 2));
  }

  @Test
  void badArgumentsAreRejected() {
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> novelty.novelShare(GENERATED, 17));
    assertEquals("n-gram length must be 1..16, got 17", order.getMessage());
    assertThrows(IllegalArgumentException.class, () -> novelty.novelShare(GENERATED, 0));
    IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
        () -> novelty.novelShare(GENERATED, 6));
    assertEquals("the generated progressions have no 6-gram of chord changes (all are shorter)", tooShort.getMessage());
    assertThrows(IllegalArgumentException.class, () -> novelty.evaluate(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Novelty.fit(List.of(), VocabularyLevel.MAJMIN));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> Novelty.fit(List.of(TRAINING.get(0), TRAINING.get(0)), VocabularyLevel.MAJMIN));
    assertEquals("training song id 'song-a' appears twice (at 1)", twice.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Novelty.fit(List.of(keyed("silence", "C", "N*4")), VocabularyLevel.MAJMIN));
  }
}
