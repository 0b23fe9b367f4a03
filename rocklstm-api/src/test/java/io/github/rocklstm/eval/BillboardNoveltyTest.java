package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rocklstm.corpus.Corpora;
import io.github.rocklstm.corpus.Corpus;
import io.github.rocklstm.corpus.CorpusFormat;
import io.github.rocklstm.corpus.ReadMode;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Novelty at the scale it is meant for: the McGill Billboard songs read by the corpus reader, training part (576
 * songs, 52,591 MAJMIN changes after transposing each song with its annotated key) against the test part (84 songs,
 * 7,487 changes), as {@link io.github.rocklstm.corpus.Split} divides them.
 *
 * <p>Expected values measured here and reproduced independently in Python from a dump of the key-normalised changes:
 * each class one character, training songs joined with a separator, and for every test position the longest match
 * found by binary search over the length with Python's substring search.
 */
class BillboardNoveltyTest {

  @Test
  void heldOutBillboardSongsAgainstTheTrainingSongs() {
    Corpus corpus = Corpora.load(CorpusFormat.BILLBOARD, ReadMode.STRICT);
    List<KeyedProgression> training = KeyedProgression.ofSongs(corpus.train().songs());
    List<KeyedProgression> test = KeyedProgression.ofSongs(corpus.test().songs());
    Novelty novelty = Novelty.fit(training, VocabularyLevel.MAJMIN);
    assertEquals(576, novelty.trainingSongs());
    assertEquals(52_591, novelty.trainingChanges());
    assertEquals(84, test.size());

    Metrics metrics = novelty.evaluate(test);
    // Novel / all n-grams, n = 1..16, over 7,487 test changes.
    long[][] counts = {{0, 7487}, {17, 7403}, {456, 7320}, {1427, 7237}, {2512, 7154}, {3327, 7071}, {3931, 6988},
        {4289, 6905}, {4559, 6822}, {4796, 6739}, {4939, 6656}, {5039, 6573}, {5101, 6490}, {5146, 6407},
        {5174, 6324}, {5184, 6241}};
    for (int n = 1; n <= Novelty.MAX_ORDER; n++) {
      assertEquals((double) counts[n - 1][0] / counts[n - 1][1], metrics.value("novel.n" + n), 1e-15, "n = " + n);
    }
    assertEquals(17.94047619047619, metrics.value(Novelty.LONGEST_MATCH_MEAN), 1e-12);
    assertEquals(82, metrics.value(Novelty.LONGEST_MATCH_MAX));
    assertEquals(0.25181428813499024, metrics.value(Novelty.LONGEST_MATCH_SHARE), 1e-12);

    List<Novelty.VerbatimMatch> longest = novelty.longestMatches(test).stream()
        .sorted(Comparator.comparingInt(Novelty.VerbatimMatch::length).reversed()).limit(2).toList();
    // 82 of the 219 changes of chart slot 0364, from its change 72, are changes 2..83 of slot 0490.
    assertEquals("billboard:0364", longest.get(0).generatedId());
    assertEquals(219, longest.get(0).changes());
    assertEquals(72, longest.get(0).generatedStart());
    assertEquals(Optional.of("billboard:0490"), longest.get(0).trainingId());
    assertEquals(2, longest.get(0).trainingStart());
    // Slot 0263 (72 changes) appears whole in slot 0054.
    assertEquals("billboard:0263", longest.get(1).generatedId());
    assertEquals(72, longest.get(1).length());
    assertEquals(1.0, longest.get(1).share());
    assertEquals(Optional.of("billboard:0054"), longest.get(1).trainingId());
  }
}
