package io.github.rocklstm.eval;

import static io.github.rocklstm.eval.TinyCorpus.A;
import static io.github.rocklstm.eval.TinyCorpus.B;
import static io.github.rocklstm.eval.TinyCorpus.C;
import static io.github.rocklstm.eval.TinyCorpus.END;
import static io.github.rocklstm.eval.TinyCorpus.PAD;
import static io.github.rocklstm.eval.TinyCorpus.SEQUENCES;
import static io.github.rocklstm.eval.TinyCorpus.START;
import static io.github.rocklstm.eval.TinyCorpus.V;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnigramModelTest {

  private static final double EPS = 1e-12;

  @Test
  void addOneProbabilitiesByHand() {
    // Predicted-token counts (START at the head of each sequence is not predicted): B 8, A 3, C 3, END 3,
    // START 0, PAD 0; N = 17. Add-one: p(w) = (c(w) + 1) / (17 + 6) = (c(w) + 1) / 23.
    UnigramModel model = UnigramModel.fit(SEQUENCES, V);
    assertEquals(17, model.totalCount());
    assertEquals(8, model.count(B));
    assertEquals(0, model.count(START));
    assertEquals(Math.log(9.0 / 23), model.logProbability(new int[] {START}, B), EPS);
    assertEquals(Math.log(4.0 / 23), model.logProbability(new int[] {START}, A), EPS);
    assertEquals(Math.log(4.0 / 23), model.logProbability(new int[] {B, B, B}, C), EPS);
    assertEquals(Math.log(4.0 / 23), model.logProbability(new int[0], END), EPS);
    assertEquals(Math.log(1.0 / 23), model.logProbability(new int[] {A}, START), EPS);
    assertEquals(Math.log(1.0 / 23), model.logProbability(new int[] {A}, PAD), EPS);
    double sum = 0;
    for (double p : model.probabilities(new int[] {START})) {
      sum += p;
    }
    assertEquals(1.0, sum, EPS); // (9 + 4 + 4 + 4 + 1 + 1) / 23
  }

  @Test
  void addKProbabilitiesByHand() {
    // k = 0.5: p(w) = (c(w) + 0.5) / (17 + 0.5 * 6) = (c(w) + 0.5) / 20.
    UnigramModel model = UnigramModel.fit(SEQUENCES, V, 0.5);
    assertEquals(Math.log(8.5 / 20), model.logProbability(new int[] {START}, B), EPS);
    assertEquals(Math.log(0.5 / 20), model.logProbability(new int[] {START}, PAD), EPS);
  }

  @Test
  void scoreSumsEveryTokenAfterTheFirst() {
    // START A B END: ln p(A) + ln p(B) + ln p(END) = ln(4/23) + ln(9/23) + ln(4/23), three tokens.
    UnigramModel model = UnigramModel.fit(SEQUENCES, V);
    Likelihood likelihood = model.score(List.<int[]>of(new int[] {START, A, B, END}));
    assertEquals(3, likelihood.tokens());
    assertEquals(Math.log(4.0 / 23) + Math.log(9.0 / 23) + Math.log(4.0 / 23), likelihood.logLikelihood(), EPS);
    assertEquals(-likelihood.logLikelihood() / 3, likelihood.natsPerToken(), EPS);
  }

  @Test
  void badArgumentsAreClearErrors() {
    UnigramModel model = UnigramModel.fit(SEQUENCES, V);
    assertEquals("token id 6 is outside the vocabulary (valid ids are 0..5)",
        assertThrows(IllegalArgumentException.class, () -> model.logProbability(new int[] {START}, 6)).getMessage());
    assertEquals("context position 1: token id -1 is outside the vocabulary (valid ids are 0..5)",
        assertThrows(IllegalArgumentException.class, () -> model.logProbability(new int[] {START, -1}, A))
            .getMessage());
    assertEquals("sequence 1 is empty: a token sequence holds at least START and END (every token after the first"
        + " is predicted)", assertThrows(IllegalArgumentException.class,
            () -> UnigramModel.fit(List.of(new int[] {START, END}, new int[0]), V)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> UnigramModel.fit(List.<int[]>of(new int[] {START}), V));
    assertThrows(IllegalArgumentException.class, () -> UnigramModel.fit(List.of(), V));
    assertThrows(IllegalArgumentException.class, () -> UnigramModel.fit(SEQUENCES, V, 0.0));
    assertThrows(IllegalArgumentException.class, () -> UnigramModel.fit(SEQUENCES, 0));
    assertEquals("sequence 0, position 2: token id 9 is outside the vocabulary (valid ids are 0..5)",
        assertThrows(IllegalArgumentException.class,
            () -> model.score(List.<int[]>of(new int[] {START, A, 9, END}))).getMessage());
  }
}
