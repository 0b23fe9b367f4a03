package io.github.rocklstm.sample;

import static io.github.rocklstm.sample.SequenceGeneratorTest.assertMessage;
import static io.github.rocklstm.sample.Tables.A;
import static io.github.rocklstm.sample.Tables.B;
import static io.github.rocklstm.sample.Tables.C;
import static io.github.rocklstm.sample.Tables.END;
import static io.github.rocklstm.sample.Tables.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Beam search on hand-built tables, against greedy decoding and exhaustive enumeration. */
class BeamSearchTest {

  private static final double EPS = 1e-6;

  @Test
  void findsTheMostProbableSequenceWhereGreedyDoesNot() {
    // Greedy: START A (.6) C (.55) END = .33. Width 2 keeps A C (.33) and B C (.36) after two steps and finds
    // START B C END = .36.
    FakeModel model = Tables.beamTable();
    GenerationConfig config = GenerationConfig.builder().build();
    int[] greedy = new SequenceGenerator(Sampler.greedy(), config).generate(model, 1, 0).get(0);
    assertArrayEquals(new int[] {START, A, C, END}, greedy);
    List<BeamHypothesis> beam = new BeamSearch(config, 2, 0).search(model);
    assertEquals(2, beam.size());
    assertArrayEquals(new int[] {START, B, C, END}, beam.get(0).tokens());
    assertEquals(Math.log(.36), beam.get(0).logProbability(), EPS);
    assertEquals(Math.log(.36), beam.get(0).score(), EPS);
    assertArrayEquals(new int[] {START, A, C, END}, beam.get(1).tokens());
    assertEquals(Math.log(.33), beam.get(1).logProbability(), EPS);
    assertEquals(0, model.sessionsOpen);
  }

  @Test
  void widthOneIsGreedyOnRandomTablesWithConstraints() {
    for (long seed = 0; seed < 40; seed++) {
      FakeModel model = Tables.historyDependent(seed, 10);
      GenerationConfig config = GenerationConfig.builder().minLength(4).maxLength(14).primer(A)
          .fix(6, B).constraint(BannedTokens.of(C)).build();
      int[] greedy = new SequenceGenerator(Sampler.greedy(), config).generate(model, 1, seed).get(0);
      List<BeamHypothesis> beam = new BeamSearch(config, 1, 0.6).search(model);
      assertEquals(1, beam.size());
      assertArrayEquals(greedy, beam.get(0).tokens(), "table " + seed);
      assertEquals(model.logLikelihood(greedy) - model.logLikelihood(new int[] {START, A}),
          beam.get(0).logProbability(), EPS);
    }
  }

  @Test
  void aWideBeamFindsTheExhaustiveOptimumOnAHistoryDependentModel() {
    // Vocabulary of 8 (3 symbols), length 2..5: 1 + 3 + 9 + 27 = 40 sequences, so width 40 keeps every prefix and
    // must find the true optimum. The model looks two tokens back, so a beam that did not reorder the session's
    // rows would score wrong continuations.
    for (long seed = 0; seed < 20; seed++) {
      FakeModel model = Tables.historyDependent(seed, 8);
      GenerationConfig config = GenerationConfig.builder().maxLength(5).build();
      List<int[]> all = enumerate(new int[] {START}, 5);
      assertEquals(40, all.size());
      int[] best = all.get(0);
      for (int[] sequence : all) {
        if (model.logLikelihood(sequence) > model.logLikelihood(best)) {
          best = sequence;
        }
      }
      List<BeamHypothesis> beam = new BeamSearch(config, 40, 0).search(model);
      assertEquals(40, beam.size(), "every sequence finishes");
      assertArrayEquals(best, beam.get(0).tokens(), "table " + seed);
      for (BeamHypothesis hypothesis : beam) {
        assertEquals(model.logLikelihood(hypothesis.tokens()), hypothesis.logProbability(), EPS);
      }
      for (int i = 1; i < beam.size(); i++) {
        assertTrue(beam.get(i - 1).score() >= beam.get(i).score());
      }
    }
  }

  @Test
  void lengthNormalisationByHand() {
    // START: END .4, A .6; A: END .5, A .5; max length 4 forces END after START A A.
    //   START END        ln .4  = -0.916, L = 1      alpha 2: lp = 1           score -0.916
    //   START A END      ln .3  = -1.204, L = 2               lp = (7/6)^2     score -0.885
    //   START A A END    ln .15 = -1.897, L = 3               lp = (8/6)^2     score -1.067
    double[][] p = new double[8][8];
    p[START] = Tables.row(8, END, .4, A, .6);
    p[A] = Tables.row(8, END, .5, A, .5);
    FakeModel model = FakeModel.bigram(p);
    GenerationConfig config = GenerationConfig.builder().maxLength(4).build();
    assertEquals(1.5, BeamSearch.lengthNormalizer(4, 1), 1e-15);
    assertEquals(1.0, BeamSearch.lengthNormalizer(17, 0), 1e-15);
    List<BeamHypothesis> raw = new BeamSearch(config, 3, 0).search(model);
    assertArrayEquals(new int[] {START, END}, raw.get(0).tokens());
    assertArrayEquals(new int[] {START, A, END}, raw.get(1).tokens());
    assertArrayEquals(new int[] {START, A, A, END}, raw.get(2).tokens());
    List<BeamHypothesis> normalised = new BeamSearch(config, 3, 2).search(model);
    assertArrayEquals(new int[] {START, A, END}, normalised.get(0).tokens());
    assertEquals(Math.log(.3) / Math.pow(7.0 / 6, 2), normalised.get(0).score(), EPS);
    assertArrayEquals(new int[] {START, END}, normalised.get(1).tokens());
    assertEquals(Math.log(.4), normalised.get(1).score(), EPS);
    assertArrayEquals(new int[] {START, A, A, END}, normalised.get(2).tokens());
    assertEquals(Math.log(.15), normalised.get(2).logProbability(), EPS);
    assertEquals(Math.log(.15) / Math.pow(8.0 / 6, 2), normalised.get(2).score(), EPS);
  }

  @Test
  void respectsFixedPositionsAndFailsClearlyWhenNothingCanFinish() {
    FakeModel model = Tables.beamTable();
    List<BeamHypothesis> fixed = new BeamSearch(GenerationConfig.builder().fix(2, B).build(), 3, 0).search(model);
    for (BeamHypothesis hypothesis : fixed) {
      assertEquals(B, hypothesis.tokens()[2]);
    }
    assertArrayEquals(new int[] {START, A, B, C, END}, fixed.get(0).tokens());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new BeamSearch(GenerationConfig.builder().fix(1, A).fix(2, A).build(), 4, 0).search(model));
    assertTrue(e.getMessage().contains("no sequence that satisfies the constraints"), e.getMessage());
    assertTrue(e.getMessage().contains("position 2 after [1, 5]"), e.getMessage());
    assertEquals(0, model.sessionsOpen);
  }

  @Test
  void badArguments() {
    GenerationConfig config = GenerationConfig.builder().build();
    assertMessage(() -> new BeamSearch(config, 0, 0), "beam width must be at least 1, got 0");
    assertMessage(() -> new BeamSearch(config, 2, -0.1), "alpha must be finite and >= 0", "got -0.1");
    assertMessage(() -> new BeamSearch(config, 2, Double.NaN), "alpha must be finite and >= 0", "got NaN");
  }

  /** Every sequence with symbols A, B, C after {@code prefix}, ending in END, at most {@code maxLength} long. */
  private static List<int[]> enumerate(int[] prefix, int maxLength) {
    List<int[]> all = new ArrayList<>();
    int[] ended = Arrays.copyOf(prefix, prefix.length + 1);
    ended[prefix.length] = END;
    all.add(ended);
    if (prefix.length + 2 <= maxLength) {
      for (int symbol : new int[] {A, B, C}) {
        int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
        longer[prefix.length] = symbol;
        all.addAll(enumerate(longer, maxLength));
      }
    }
    return all;
  }
}
