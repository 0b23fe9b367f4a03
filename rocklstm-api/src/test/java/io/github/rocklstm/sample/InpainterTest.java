package io.github.rocklstm.sample;

import static io.github.rocklstm.sample.SequenceGeneratorTest.assertMessage;
import static io.github.rocklstm.sample.Tables.A;
import static io.github.rocklstm.sample.Tables.B;
import static io.github.rocklstm.sample.Tables.C;
import static io.github.rocklstm.sample.Tables.END;
import static io.github.rocklstm.sample.Tables.MASK;
import static io.github.rocklstm.sample.Tables.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Inpainting ranks fills by the likelihood of the whole sequence, right context included. */
class InpainterTest {

  private static final double EPS = 1e-6;

  /**
   * START: A 1. A: A .1, B .6, C .3. B: C .1, END .9. C: C .5, END .5.
   *
   * <p>For START A _ C END the left-to-right favourite gap token is B (.6), but the whole sequence says C:
   * {@code p(A C C END) = .3 * .5 * .5 = .075}, {@code p(A B C END) = .6 * .1 * .5 = .03},
   * {@code p(A A C END) = .1 * .3 * .5 = .015}.
   */
  private static FakeModel table() {
    double[][] p = new double[8][8];
    p[START] = Tables.row(8, A, 1);
    p[A] = Tables.row(8, A, .1, B, .6, C, .3);
    p[B] = Tables.row(8, C, .1, END, .9);
    p[C] = Tables.row(8, C, .5, END, .5);
    return FakeModel.bigram(p);
  }

  @Test
  void ranksFillsByTheLikelihoodOfTheWholeSequence() {
    FakeModel model = table();
    Inpainter inpainter = new Inpainter(InpaintingConfig.builder().samples(64).keep(5).batchSize(16).build());
    List<InpaintingCandidate> candidates = inpainter.inpaint(model, new int[] {START, A, MASK, C, END}, 3);
    assertEquals(3, candidates.size(), "three distinct fills, fewer than keep");
    assertArrayEquals(new int[] {START, A, C, C, END}, candidates.get(0).tokens());
    assertEquals(Math.log(.075), candidates.get(0).logLikelihood(), EPS);
    assertArrayEquals(new int[] {START, A, B, C, END}, candidates.get(1).tokens());
    assertEquals(Math.log(.03), candidates.get(1).logLikelihood(), EPS);
    assertArrayEquals(new int[] {START, A, A, C, END}, candidates.get(2).tokens());
    assertEquals(Math.log(.015), candidates.get(2).logLikelihood(), EPS);
    assertArrayEquals(new int[] {C}, candidates.get(0).fill(new int[] {2}));
    // The same gap given by position, whatever the token there now.
    assertEquals(candidates, inpainter.inpaint(model, new int[] {START, A, B, C, END}, new int[] {2}, 3));
    // keep = 1 returns only the best.
    List<InpaintingCandidate> best = new Inpainter(InpaintingConfig.builder().keep(1).build())
        .inpaint(model, new int[] {START, A, MASK, C, END}, 3);
    assertEquals(List.of(candidates.get(0)), best);
    assertEquals(0, model.sessionsOpen);
  }

  @Test
  void severalGapsKeepTheContextAndYieldDistinctCandidatesInOrder() {
    FakeModel model = Tables.historyDependent(4, 10);
    int[] sequence = {START, 8, MASK, MASK, 9, 5, MASK, 6, 7, END};
    Inpainter inpainter = new Inpainter(InpaintingConfig.builder().samples(200).keep(20).batchSize(32).build());
    for (long seed = 0; seed < 10; seed++) {
      List<InpaintingCandidate> candidates = inpainter.inpaint(model, sequence, seed);
      assertTrue(candidates.size() > 1 && candidates.size() <= 20, candidates.size() + " candidates");
      Set<List<Integer>> seen = new HashSet<>();
      for (int i = 0; i < candidates.size(); i++) {
        int[] tokens = candidates.get(i).tokens();
        assertEquals(sequence.length, tokens.length);
        for (int position = 0; position < sequence.length; position++) {
          if (sequence[position] != MASK) {
            assertEquals(sequence[position], tokens[position], "position " + position);
          } else {
            assertTrue(tokens[position] > MASK, "a special token filled a gap");
          }
        }
        assertTrue(seen.add(Tables.window(tokens, 0, tokens.length)), "duplicate candidate");
        assertEquals(model.logLikelihood(tokens), candidates.get(i).logLikelihood(), 1e-4);
        if (i > 0) {
          assertTrue(candidates.get(i - 1).logLikelihood() >= candidates.get(i).logLikelihood());
        }
      }
    }
  }

  @Test
  void malformedSequencesAndGapsAreClearErrors() {
    Inpainter inpainter = new Inpainter(InpaintingConfig.builder().build());
    FakeModel model = table();
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, A, C, END}, 1), "holds no MASK");
    assertMessage(() -> inpainter.inpaint(model, new int[] {A, MASK, END}, 1), "must start with START");
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, MASK, C}, 1), "must end with END");
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, A, C, END}, new int[] {0}, 1),
        "gap position 0 is outside 1..2");
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, A, C, END}, new int[] {2, 1}, 1),
        "strictly increasing");
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, MASK, A, MASK, END}, new int[] {1}, 1),
        "position 3 holds MASK but is not a gap");
    assertMessage(() -> inpainter.inpaint(model, new int[] {START, END, MASK, END}, 1),
        "position 1 holds END before the end");
    assertMessage(() -> InpaintingConfig.builder().samples(0).build(), "samples must be at least 1, got 0");
    assertMessage(() -> InpaintingConfig.builder().keep(0).build(), "keep must be at least 1, got 0");
  }
}
