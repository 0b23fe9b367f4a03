package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.eval.ChordStatistics.Weighting;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The set evaluators on a real corpus: the 200 RS200 analyses of David Temperley ({@code _dt}), read by {@link
 * Rs200Progressions} (every song realised in C). Split like {@link Rs200WhitespaceCorpus}: songs sorted by name,
 * every tenth (index 9, 19, ...) held out, 180 training songs and 20 held out.
 *
 * <p>All expected values were measured here and reproduced by an independent Python script working from a dump of
 * the MAJMIN chord changes (label, beats, pitch classes per change): plain dictionaries and sets for the statistics and
 * n-grams, a brute-force scan over every training position for the longest matches, and {@code
 * scipy.integrate.quad} over the Silverman kernel density estimates for Yang-Lerch.
 */
class Rs200ChordEvaluationTest {

  private static final List<KeyedProgression> SONGS = Rs200Progressions.load("dt");
  private static final List<KeyedProgression> TRAINING = new ArrayList<>();
  private static final List<KeyedProgression> HELD_OUT = new ArrayList<>();

  static {
    for (int i = 0; i < SONGS.size(); i++) {
      (i % 10 == 9 ? HELD_OUT : TRAINING).add(SONGS.get(i));
    }
  }

  private final ChordStatistics statistics = new ChordStatistics(VocabularyLevel.MAJMIN, Weighting.BEATS);

  @Test
  void chordStatisticsOfTheWholeCorpus() {
    Metrics metrics = statistics.evaluate(SONGS);
    assertEquals(200, metrics.value(ChordStatistics.PROGRESSIONS));
    assertEquals(18_298, metrics.value(ChordStatistics.CHANGES));
    assertEquals(1.7707070521489157, metrics.value(ChordStatistics.ENTROPY), 1e-12);
    assertEquals(2.8731337791879428, metrics.value(ChordStatistics.ENTROPY_POOLED), 1e-12);
    assertEquals(5.16, metrics.value(ChordStatistics.COVERAGE), 1e-12);
    // Every MAJMIN class but none: all 24 triads occur somewhere.
    assertEquals(24, metrics.value(ChordStatistics.COVERAGE_POOLED));
    assertEquals(1.2809952257732713, metrics.value(ChordStatistics.TONAL_DISTANCE), 1e-12);
    // Rock repeats itself: a fifth of the trigrams of a song are distinct.
    assertEquals(0.2010299816464756, metrics.value(ChordStatistics.UNIQUE_TRIGRAM_RATIO), 1e-12);
    assertEquals(19.816711288491614, metrics.value(ChordStatistics.MEAN_BEATS), 1e-9);
    // Against the major scale of the tonic (the files give no mode), so minor songs and bVII lower it.
    assertEquals(0.7833750153290346, metrics.value(ChordStatistics.DIATONIC_SHARE), 1e-12);
  }

  @Test
  void noveltyOfHeldOutSongs() {
    Novelty novelty = Novelty.fit(TRAINING, VocabularyLevel.MAJMIN);
    assertEquals(180, novelty.trainingSongs());
    assertEquals(16_709, novelty.trainingChanges());
    Metrics metrics = novelty.evaluate(HELD_OUT);
    // Novel / all n-grams of the 20 held-out songs (1589 changes).
    long[][] counts = {{0, 1589}, {6, 1569}, {35, 1550}, {138, 1531}, {273, 1512}, {370, 1493}, {452, 1474},
        {523, 1455}, {567, 1436}, {624, 1417}, {679, 1398}, {723, 1379}, {754, 1360}, {785, 1341}, {811, 1322},
        {850, 1303}};
    for (int n = 1; n <= Novelty.MAX_ORDER; n++) {
      assertEquals((double) counts[n - 1][0] / counts[n - 1][1], metrics.value("novel.n" + n), 1e-15, "n = " + n);
    }
    assertEquals(25.05, metrics.value(Novelty.LONGEST_MATCH_MEAN), 1e-12);
    assertEquals(65, metrics.value(Novelty.LONGEST_MATCH_MAX));
    assertEquals(0.40628566047622305, metrics.value(Novelty.LONGEST_MATCH_SHARE), 1e-12);

    List<Novelty.VerbatimMatch> matches = novelty.longestMatches(HELD_OUT);
    // Hound Dog is a twelve-bar blues: all 41 changes appear in Long Tall Sally.
    Novelty.VerbatimMatch houndDog = matches.get(6);
    assertEquals("hound_dog", houndDog.generatedId());
    assertEquals(41, houndDog.changes());
    assertEquals(41, houndDog.length());
    assertEquals(Optional.of("long_tall_sally"), houndDog.trainingId());
    assertEquals(0, houndDog.trainingStart());
    Novelty.VerbatimMatch myGeneration = matches.get(11);
    assertEquals("my_generation", myGeneration.generatedId());
    assertEquals(65, myGeneration.length());
    assertEquals(Optional.of("1999"), myGeneration.trainingId());
    assertEquals(218, myGeneration.trainingStart());
    // Songs with a single chord class: Papa Was a Rollin' Stone stays on one chord.
    assertEquals(1, matches.get(12).changes());
  }

  @Test
  void everyTrainingSongIsFoundWhole() {
    Novelty novelty = Novelty.fit(TRAINING, VocabularyLevel.MAJMIN);
    for (Novelty.VerbatimMatch match : novelty.longestMatches(TRAINING)) {
      assertEquals(match.changes(), match.length(), match.generatedId());
      assertEquals(1.0, match.share());
    }
    assertEquals(0.0, novelty.novelShare(TRAINING, Novelty.MAX_ORDER));
  }

  @Test
  void yangLerchTellsHeldOutSongsFromLoops() {
    YangLerch<ProgressionStatistics> comparison =
        YangLerch.against(statistics.perProgression(TRAINING), ProgressionStatistics.features());
    Metrics heldOut = comparison.evaluate(statistics.perProgression(HELD_OUT));
    // A "generator" that only loops C G Am F (4 beats each), 2 to 21 times.
    List<KeyedProgression> loops = new ArrayList<>();
    for (int repeats = 2; repeats <= 21; repeats++) {
      List<ChordEvent> events = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        for (String chord : List.of("C:maj", "G:maj", "A:min", "F:maj")) {
          events.add(new ChordEvent(ChordSymbols.parseHarte(chord), 4));
        }
      }
      loops.add(new KeyedProgression("loop-" + repeats, Key.C_MAJOR, ChordProgression.of(events)));
    }
    Metrics looped = comparison.evaluate(statistics.perProgression(loops));

    // SciPy: held out entropy KL(ref) 0.005763217672939952, OA(ref) 0.9754348526378213,
    //   KL(gen) 0.032695009520165984, OA(gen) 0.944979973121089; tonal distance OA(gen) 0.8001258535819263.
    // Loops: entropy KL(gen) 1.6332510955014312, OA(gen) 0.2417011411248139 (every loop has 2 bits: intra-set
    //   distances all 0, so the pooled bandwidth applies); tonal distance OA(gen) 0.0063813312886691976.
    assertEquals(0.005763217672939952, heldOut.value("entropy.kl.reference"), 1e-6);
    assertEquals(0.9754348526378213, heldOut.value("entropy.oa.reference"), 1e-6);
    assertEquals(0.032695009520165984, heldOut.value("entropy.kl.generated"), 1e-6);
    assertEquals(0.944979973121089, heldOut.value("entropy.oa.generated"), 1e-6);
    assertEquals(0.8001258535819263, heldOut.value("tonal_distance.oa.generated"), 1e-6);
    assertEquals(1.6332510955014312, looped.value("entropy.kl.generated"), 1e-6);
    assertEquals(0.2417011411248139, looped.value("entropy.oa.generated"), 1e-6);
    assertEquals(0.0063813312886691976, looped.value("tonal_distance.oa.generated"), 1e-6);
    for (String feature : List.of("entropy", "coverage", "tonal_distance", "diatonic_share")) {
      assertTrue(heldOut.value(feature + ".oa.generated") > looped.value(feature + ".oa.generated") + 0.25, feature);
      assertTrue(heldOut.value(feature + ".kl.generated") < looped.value(feature + ".kl.generated"), feature);
    }
    assertEquals(24, heldOut.size());
  }
}
