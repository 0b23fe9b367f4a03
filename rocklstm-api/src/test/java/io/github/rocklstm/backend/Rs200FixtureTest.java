package io.github.rocklstm.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Rs200FixtureTest {

  @Test
  void splitsTheRealCorpusBySong() {
    Rs200Fixture fixture = Rs200Fixture.get();
    assertEquals(360, fixture.train().size());
    assertEquals(40, fixture.validation().size());
    assertEquals("<start>", fixture.vocabulary().get(Rs200Fixture.START));
    assertTrue(fixture.vocabulary().contains("|") && fixture.vocabulary().contains("bVII"));
    long trainTargets = fixture.train().stream().mapToLong(s -> s.length - 1).sum();
    long validationTargets = fixture.validation().stream().mapToLong(s -> s.length - 1).sum();
    // 77,781 training and 8,040 validation tokens, plus END once per sequence.
    assertEquals(77_781 + 360, trainTargets);
    assertEquals(8_040 + 40, validationTargets);
    assertEquals(215, fixture.vocabularySize());
    for (int[] sequence : fixture.validation()) {
      assertEquals(Rs200Fixture.START, sequence[0]);
      assertEquals(Rs200Fixture.END, sequence[sequence.length - 1]);
    }
    // Bar lines alone make up half of the tokens, so the unigram model is far from uniform (215 tokens).
    assertEquals(8.86, fixture.unigramValidationPerplexity(), 0.01);
    // Kneser-Ney 4- and 5-grams do best among the count-based baselines: 7.27.
    assertEquals(7.27, fixture.nGramValidationPerplexity(), 0.01);
  }
}
