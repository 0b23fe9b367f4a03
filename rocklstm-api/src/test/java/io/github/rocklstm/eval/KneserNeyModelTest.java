package io.github.rocklstm.eval;

import static io.github.rocklstm.eval.TinyCorpus.A;
import static io.github.rocklstm.eval.TinyCorpus.B;
import static io.github.rocklstm.eval.TinyCorpus.C;
import static io.github.rocklstm.eval.TinyCorpus.END;
import static io.github.rocklstm.eval.TinyCorpus.PAD;
import static io.github.rocklstm.eval.TinyCorpus.SEQUENCES;
import static io.github.rocklstm.eval.TinyCorpus.START;
import static io.github.rocklstm.eval.TinyCorpus.V;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Kneser-Ney against hand-computed values on {@link TinyCorpus}.
 *
 * <p>Bigram model. Level 2 (the highest) uses raw counts of the bigrams ending at predicted tokens:
 *
 * <pre>
 *   s1: START.B B.B B.C C.B B.C C.A A.END   s2: START.A A.B B.B B.B B.C C.END   s3: START.A A.B B.B B.END
 *   B.B 4, B.C 3, START.A 2, A.B 2, START.B 1, C.B 1, C.A 1, A.END 1, C.END 1, B.END 1
 *   n1 = 6, n2 = 2, n3 = 1, n4 = 1
 *   Y = 6 / (6 + 2*2) = 3/5;  D1 = 3/5;  D2 = 2 - 3 * 3/5 * 1/2 = 11/10;  D3+ = 3 - 4 * 3/5 * 1/1 = 3/5
 * </pre>
 *
 * Level 1 uses continuation counts, the number of distinct left neighbours:
 *
 * <pre>
 *   B (after START, B, C, A) 4;  END (after A, C, B) 3;  A (after START, C) 2;  C (after B) 1;  START, PAD 0
 *   n1 = n2 = n3 = n4 = 1:  Y = 1/3;  D1 = 1/3;  D2 = 2 - 3 * 1/3 * 1 = 1;  D3+ = 3 - 4 * 1/3 * 1 = 5/3
 *   A_1 = 4 + 3 + 2 + 1 = 10;  mass = 5/3 (B) + 5/3 (END) + 1 (A) + 1/3 (C) = 14/3;  gamma = 14/30 = 7/15
 *   P1(w) = (a(w) - D(a(w))) / 10 + 7/15 * 1/6 = (a(w) - D(a(w))) / 10 + 7/90
 *     P1(B) = (4 - 5/3)/10 + 7/90 = 21/90 + 7/90 = 14/45     P1(END) = (3 - 5/3)/10 + 7/90 = 12/90 + 7/90 = 19/90
 *     P1(A) = (2 - 1)/10 + 7/90 = 9/90 + 7/90 = 8/45        P1(C) = (1 - 1/3)/10 + 7/90 = 6/90 + 7/90 = 13/90
 *     P1(START) = P1(PAD) = 7/90                             sum = (28 + 19 + 16 + 13 + 7 + 7) / 90 = 1
 * </pre>
 */
class KneserNeyModelTest {

  private static final double EPS = 1e-12;

  private static int[] context(int... tokens) {
    return tokens;
  }

  @Test
  void bigramDiscountsAndCountsByHand() {
    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 2);
    assertDiscounts(3.0 / 5, 11.0 / 10, 3.0 / 5, model.discounts(2));
    assertDiscounts(1.0 / 3, 1.0, 5.0 / 3, model.discounts(1));
    assertEquals(4, model.adjustedCount(B, B)); // raw count at the highest level
    assertEquals(2, model.adjustedCount(A, B));
    assertEquals(0, model.adjustedCount(A, C));
    assertEquals(4, model.adjustedCount(B)); // continuation count: after START, B, C and A
    assertEquals(1, model.adjustedCount(C)); // only ever after B
    assertEquals(0, model.adjustedCount(START));
    assertEquals(10, model.ngramTypes(2));
    assertEquals(4, model.ngramTypes(1));
    assertEquals(17, model.trainingTokens());
  }

  @Test
  void bigramUnigramLevelByHand() {
    // An empty context and a context never seen (END is never followed by anything, PAD never occurs) fall
    // through to P1, listed in the class comment.
    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 2);
    double[] p1 = {7.0 / 90, 7.0 / 90, 19.0 / 90, 8.0 / 45, 14.0 / 45, 13.0 / 90};
    assertArrayEquals(p1, model.probabilities(context()), EPS);
    assertArrayEquals(p1, model.probabilities(context(END)), EPS);
    assertArrayEquals(p1, model.probabilities(context(PAD)), EPS);
    assertEquals(Math.log(14.0 / 45), model.logProbability(context(), B), EPS);
  }

  @Test
  void bigramAfterBByHand() {
    // Context B: B.B 4, B.C 3, B.END 1; A_2(B) = 8; N1 = 1, N2 = 0, N3+ = 2.
    // mass = 3/5 * 1 + 3/5 * 2 = 9/5; gamma = 9/5 / 8 = 9/40.
    //   P(B|B)   = (4 - 3/5)/8 + 9/40 * 14/45 = 17/40 + 7/100  = 99/200
    //   P(C|B)   = (3 - 3/5)/8 + 9/40 * 13/90 = 3/10 + 13/400  = 133/400
    //   P(END|B) = (1 - 3/5)/8 + 9/40 * 19/90 = 1/20 + 19/400  = 39/400
    //   P(A|B)   =               9/40 * 8/45                   = 1/25
    //   P(START|B) = P(PAD|B) =  9/40 * 7/90                   = 7/400
    //   sum = (7 + 7 + 39 + 16 + 198 + 133) / 400 = 1
    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 2);
    double[] expected = {7.0 / 400, 7.0 / 400, 39.0 / 400, 1.0 / 25, 99.0 / 200, 133.0 / 400};
    assertArrayEquals(expected, model.probabilities(context(B)), EPS);
    for (int w = 0; w < V; w++) {
      assertEquals(expected[w], model.probability(context(B), w), EPS);
      assertEquals(Math.log(expected[w]), model.logProbability(context(B), w), EPS);
      // only the last token of a longer context counts in a bigram model
      assertEquals(Math.log(expected[w]), model.logProbability(context(START, A, B), w), EPS);
    }
  }

  @Test
  void bigramAfterStartByHand() {
    // Context START: START.A 2, START.B 1; A_2(START) = 3; N1 = 1, N2 = 1.
    // mass = 3/5 + 11/10 = 17/10; gamma = 17/30.
    //   P(A|START)   = (2 - 11/10)/3 + 17/30 * 8/45  = 3/10 + 68/675  = 541/1350
    //   P(B|START)   = (1 - 3/5)/3   + 17/30 * 14/45 = 2/15 + 119/675 = 209/675
    //   P(END|START) =                 17/30 * 19/90                  = 323/2700
    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 2);
    assertEquals(541.0 / 1350, model.probability(context(START), A), EPS);
    assertEquals(209.0 / 675, model.probability(context(START), B), EPS);
    assertEquals(323.0 / 2700, model.probability(context(START), END), EPS);
  }

  /**
   * Trigram model: the start of a sequence is not padded, so the first prediction sees only START and uses level 2,
   * where n-grams beginning with START keep their raw counts (nothing precedes them).
   *
   * <pre>
   * Level 3 (raw): START.A.B 2, A.B.B 2, B.B.C 2, START.B.B 1, B.B.END 1, B.B.B 1, B.C.END 1, B.C.A 1, B.C.B 1,
   *                C.A.END 1, C.B.C 1
   *   n1 = 8, n2 = 3, n3 = n4 = 0;  Y = 8/14 = 4/7;  D1 = 4/7;  D2 = 2 - 3 * 4/7 * 0/3 = 2;
   *   D3+ = 3 - 4Y n4/n3 is undefined (n3 = 0): falls back to Y = 4/7
   * Level 2 (adjusted): START.A 2 and START.B 1 (raw counts: they start a sequence);
   *   A.B 1 (left neighbours: START only, though its raw count is 2); B.B 3 (START, A, B); B.C 2 (B, C);
   *   B.END 1, C.B 1, C.A 1, A.END 1, C.END 1
   *   n1 = 7, n2 = 2, n3 = 1, n4 = 0;  Y = 7/11;  D1 = 7/11;  D2 = 2 - 3 * 7/11 * 1/2 = 23/22;
   *   D3+ = 3 - 4 * 7/11 * 0/1 = 3
   * Level 1: as in the bigram model.
   * </pre>
   */
  @Test
  void trigramAtTheStartOfASequenceByHand() {
    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 3);
    assertDiscounts(4.0 / 7, 2.0, 4.0 / 7, model.discounts(3));
    assertDiscounts(7.0 / 11, 23.0 / 22, 3.0, model.discounts(2));
    assertDiscounts(1.0 / 3, 1.0, 5.0 / 3, model.discounts(1));
    assertEquals(2, model.adjustedCount(START, A));
    assertEquals(1, model.adjustedCount(A, B));
    assertEquals(3, model.adjustedCount(B, B));
    assertEquals(2, model.adjustedCount(START, A, B));

    // Context START at level 2: START.A 2, START.B 1; A = 3; mass = 7/11 + 23/22 = 37/22; gamma = 37/66.
    //   P(A|START) = (2 - 23/22)/3 + 37/66 * 8/45 = 7/22 + 296/2970 = 945/2970 + 296/2970 = 1241/2970
    assertEquals(1241.0 / 2970, model.probability(context(START), A), EPS);

    // Context A at level 2: A.B 1, A.END 1; A = 2; mass = 2 * 7/11 = 14/11; gamma = 7/11.
    //   P(B|A) = (1 - 7/11)/2 + 7/11 * 14/45 = 2/11 + 98/495 = 90/495 + 98/495 = 188/495
    assertEquals(188.0 / 495, model.probability(context(A), B), EPS);

    // Context START A at level 3: START.A.B 2; A = 2; N2 = 1; mass = D2 = 2; gamma = 1. The whole count is
    // discounted, so P(w | START A) = ((2 - 2) + 2 * P2(w|A)) / 2 = P2(w|A) for every w.
    assertArrayEquals(model.probabilities(context(A)), model.probabilities(context(START, A)), EPS);
    assertEquals(188.0 / 495, model.probability(context(START, A), B), EPS);
  }

  @Test
  void discountEstimatesAndFallbacks() {
    assertDiscounts(3.0 / 5, 11.0 / 10, 3.0 / 5, KneserNeyModel.Discounts.estimate(6, 2, 1, 1));
    // D2 = 2 - 3 * 1/3 * 10/1 = -8 is out of range: falls back to Y = 1/3; D3+ = 3 - 4 * 1/3 * 1/10 = 43/15.
    assertDiscounts(1.0 / 3, 1.0 / 3, 43.0 / 15, KneserNeyModel.Discounts.estimate(1, 1, 10, 1));
    // nothing seen once: Y = 0, so D1 = 0 falls back to 0.5; D2 = 2 - 0 = 2 and D3+ = 3 - 0 = 3 are in range
    assertDiscounts(0.5, 2.0, 3.0, KneserNeyModel.Discounts.estimate(0, 3, 2, 1));
    // nothing at all: every discount falls back to 0.5
    assertDiscounts(0.5, 0.5, 0.5, KneserNeyModel.Discounts.estimate(0, 0, 0, 0));
    KneserNeyModel.Discounts d = new KneserNeyModel.Discounts(0.25, 0.5, 0.75);
    assertEquals(0.0, d.of(0));
    assertEquals(0.25, d.of(1));
    assertEquals(0.5, d.of(2));
    assertEquals(0.75, d.of(3));
    assertEquals(0.75, d.of(40));
    assertThrows(IllegalArgumentException.class, () -> new KneserNeyModel.Discounts(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new KneserNeyModel.Discounts(0.5, 2.5, 1));
  }

  @Test
  void everyContextSumsToOneExhaustivelyOnASmallVocabulary() {
    // V = 5 (ids 0..4, START = 1, END = 2), 30 random sequences; every context of length 0..order-1.
    int vocabulary = 5;
    List<int[]> training = randomSequences(new Random(42), 30, vocabulary, 12);
    for (int order = 1; order <= KneserNeyModel.MAX_ORDER; order++) {
      KneserNeyModel model = KneserNeyModel.fit(training, vocabulary, order);
      int checked = 0;
      for (int length = 0; length < order; length++) {
        int contexts = (int) Math.pow(vocabulary, length);
        for (int code = 0; code < contexts; code++) {
          int[] context = decode(code, length, vocabulary);
          assertSumsToOne(model, context);
          checked++;
        }
      }
      assertEquals((int) ((Math.pow(vocabulary, order) - 1) / (vocabulary - 1)), checked);
    }
  }

  @Test
  void sequencesShorterThanTheOrderStillGiveDistributions() {
    // Only START END and START A END: no 4-gram or 5-gram exists, every context falls back to shorter ones.
    List<int[]> training = List.of(new int[] {START, END}, new int[] {START, A, END});
    KneserNeyModel model = KneserNeyModel.fit(training, V, 5);
    assertEquals(0, model.ngramTypes(4));
    assertEquals(0, model.ngramTypes(5));
    assertSumsToOne(model, context(START));
    assertSumsToOne(model, context(START, A));
    assertSumsToOne(model, context(START, A, END, B));
    Likelihood likelihood = model.score(training);
    assertEquals(3, likelihood.tokens());
    assertTrue(likelihood.perplexity() > 1 && likelihood.perplexity() < V);
  }

  @Test
  void randomContextsSumToOneOnARealVocabulary() {
    // RS200 analyses split on whitespace: 229 ids. Per order, 100 contexts cut from held-out sequences (mostly seen
    // in training) and 100 of random ids (mostly unseen).
    Rs200WhitespaceCorpus corpus = Rs200WhitespaceCorpus.load();
    Random random = new Random(7);
    for (int order = 2; order <= KneserNeyModel.MAX_ORDER; order++) {
      KneserNeyModel model = KneserNeyModel.fit(corpus.training, corpus.vocabularySize, order);
      for (int i = 0; i < 100; i++) {
        int[] sequence = corpus.heldOut.get(random.nextInt(corpus.heldOut.size()));
        int end = 1 + random.nextInt(sequence.length - 1);
        assertSumsToOne(model, Arrays.copyOfRange(sequence, Math.max(0, end - (order - 1)), end));
        int[] noise = random.ints(order - 1, 0, corpus.vocabularySize).toArray();
        assertSumsToOne(model, noise);
      }
    }
  }

  @Test
  void scoreIsTheSumOfLogProbabilitiesOverEveryTokenAfterTheFirst() {
    Rs200WhitespaceCorpus corpus = Rs200WhitespaceCorpus.load();
    List<int[]> sample = corpus.heldOut.subList(0, 3);
    for (int order = 1; order <= KneserNeyModel.MAX_ORDER; order++) {
      KneserNeyModel model = KneserNeyModel.fit(corpus.training, corpus.vocabularySize, order);
      double expected = 0;
      long tokens = 0;
      for (int[] sequence : sample) {
        for (int i = 1; i < sequence.length; i++) {
          // the whole history: the model itself keeps the last order - 1 tokens
          expected += model.logProbability(Arrays.copyOfRange(sequence, 0, i), sequence[i]);
          tokens++;
        }
      }
      Likelihood likelihood = model.score(sample);
      assertEquals(tokens, likelihood.tokens());
      assertEquals(expected, likelihood.logLikelihood(), 1e-9);
    }
  }

  @Test
  void badArgumentsAreClearErrors() {
    assertEquals("n-gram order must be 1..5, got 6", assertThrows(IllegalArgumentException.class,
        () -> KneserNeyModel.fit(SEQUENCES, V, 6)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.fit(SEQUENCES, V, 0));
    assertEquals("sequence 1, position 2: token id 6 is outside the vocabulary (valid ids are 0..5)",
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.fit(
            List.of(new int[] {START, A, END}, new int[] {START, B, 6, END}), V, 3)).getMessage());
    assertEquals("sequence 0, position 1: token id -2 is outside the vocabulary (valid ids are 0..5)",
        assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.fit(
            List.<int[]>of(new int[] {START, -2, END}), V, 3)).getMessage());
    assertEquals("sequence 0 is empty: a token sequence holds at least START and END (every token after the first"
        + " is predicted)", assertThrows(IllegalArgumentException.class,
            () -> KneserNeyModel.fit(List.<int[]>of(new int[0]), V, 2)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.fit(List.of(), V, 2));
    assertThrows(IllegalArgumentException.class, () -> KneserNeyModel.fit(SEQUENCES, 0, 2));

    KneserNeyModel model = KneserNeyModel.fit(SEQUENCES, V, 3);
    assertThrows(IllegalArgumentException.class, () -> model.logProbability(context(START), -1));
    assertThrows(IllegalArgumentException.class, () -> model.logProbability(context(START), V));
    assertThrows(IllegalArgumentException.class, () -> model.probabilities(context(START, 7)));
    assertThrows(IllegalArgumentException.class, () -> model.score(List.<int[]>of(new int[] {START})));
    assertThrows(IllegalArgumentException.class, () -> model.score(List.of()));
    assertThrows(IllegalArgumentException.class, () -> model.discounts(4));
    assertThrows(IllegalArgumentException.class, () -> model.adjustedCount(A, B, C, A));
  }

  private static void assertSumsToOne(KneserNeyModel model, int[] context) {
    double[] p = model.probabilities(context);
    double sum = 0;
    double sumOfExpLog = 0;
    for (int w = 0; w < p.length; w++) {
      assertTrue(p[w] > 0, () -> "zero probability after " + Arrays.toString(context));
      sum += p[w];
      sumOfExpLog += Math.exp(model.logProbability(context, w));
    }
    assertEquals(1.0, sum, EPS, () -> "order " + model.order() + ", context " + Arrays.toString(context));
    assertEquals(1.0, sumOfExpLog, EPS, () -> "order " + model.order() + ", context " + Arrays.toString(context));
  }

  private static int[] decode(int code, int length, int vocabulary) {
    int[] context = new int[length];
    for (int i = length - 1; i >= 0; i--) {
      context[i] = code % vocabulary;
      code /= vocabulary;
    }
    return context;
  }

  /**
   * START, 1..maxBody random ids, END. The body is mostly ids 3..vocabulary-1, with an occasional START or PAD so
   * that the counts also meet START away from the head of a sequence.
   */
  private static List<int[]> randomSequences(Random random, int count, int vocabulary, int maxBody) {
    List<int[]> sequences = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      int[] sequence = new int[2 + 1 + random.nextInt(maxBody)];
      sequence[0] = START;
      for (int i = 1; i < sequence.length - 1; i++) {
        int draw = random.nextInt(10);
        sequence[i] = draw == 0 ? START : draw == 1 ? PAD : 3 + random.nextInt(vocabulary - 3);
      }
      sequence[sequence.length - 1] = END;
      sequences.add(sequence);
    }
    return sequences;
  }

  private static void assertDiscounts(double d1, double d2, double d3Plus, KneserNeyModel.Discounts actual) {
    assertEquals(d1, actual.d1(), EPS, "D1");
    assertEquals(d2, actual.d2(), EPS, "D2");
    assertEquals(d3Plus, actual.d3Plus(), EPS, "D3+");
  }
}
