package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.sample.FakeModel;
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** {@link ModelLikelihood} on bigram tables of powers of 1/2, so every figure is a multiple of ln 2 by hand. */
class ModelLikelihoodTest {

  private static final double LN2 = Math.log(2);
  /** The fake model works in float: ln(1/2) as a float is off by about 3e-8 per token. */
  private static final double FLOAT = 1e-6;

  private static final int S = Vocabulary.START_ID;
  private static final int E = Vocabulary.END_ID;
  // Chord vocabulary: PAD 0, START 1, END 2, UNK 3, MASK 4, bar line 5, C 6, G 7, F 8.
  private static final int BAR = 5;
  private static final int C = 6;
  private static final int G = 7;
  private static final int F = 8;
  private static final IntPredicate CHORD = t -> t >= C;

  /** START: C, G half each; bar line: C, G, F, END a quarter each; C: bar, G; G: bar, END; F: bar. */
  private static final double[][] CHORDS = table(9, new double[][] {
      {S, C, 0.5}, {S, G, 0.5},
      {BAR, C, 0.25}, {BAR, G, 0.25}, {BAR, F, 0.25}, {BAR, E, 0.25},
      {C, BAR, 0.5}, {C, G, 0.5},
      {G, BAR, 0.5}, {G, E, 0.5},
      {F, BAR, 1.0}});

  // START C | C | G END: 1/2 1/2 1/4 1/2 1/4 1/2 = -8 ln 2 over 6 tokens; changes C, G, END = 3.
  // START G END: 1/2 1/2 = -2 ln 2 over 2 tokens; changes G, END = 2.
  private static final List<int[]> SONGS = List.of(new int[] {S, C, BAR, C, BAR, G, E}, new int[] {S, G, E});

  private static final PianoRollTokenizer T = PianoRollTokenizer.create();
  private static final int FRAME = PianoRollTokenizer.FRAME_END_ID;
  private static final int P60 = T.pitchId(60);
  private static final int P64 = T.pitchId(64);

  /** START: p60, | half each; p60: p64, | half each; p64: | always; |: p60, END half each. */
  private static final double[][] ROLL = table(T.vocabulary().size(), new double[][] {
      {S, P60, 0.5}, {S, FRAME, 0.5},
      {P60, P64, 0.5}, {P60, FRAME, 0.5},
      {P64, FRAME, 1.0},
      {FRAME, P60, 0.5}, {FRAME, E, 0.5}});

  // Frames {60, 64} (-2 ln 2) and {60} (-2 ln 2), END -ln 2; then one silent frame (-ln 2), END -ln 2.
  private static final List<int[]> PIECES = List.of(new int[] {S, P60, P64, FRAME, P60, FRAME, E},
      new int[] {S, FRAME, E});

  /** {@code size x size} next-token probabilities from (previous, next, probability) triples, 0 elsewhere. */
  private static double[][] table(int size, double[][] entries) {
    double[][] p = new double[size][size];
    for (double[] entry : entries) {
      p[(int) entry[0]][(int) entry[1]] = entry[2];
    }
    return p;
  }

  /** The same bigram table as a count-based model, in double precision. */
  private static LanguageModel bigram(double[][] p) {
    return new LanguageModel() {
      @Override
      public int order() {
        return 2;
      }

      @Override
      public int vocabularySize() {
        return p.length;
      }

      @Override
      public double logProbability(int[] context, int token) {
        return Math.log(p[context[context.length - 1]][token]);
      }
    };
  }

  private static void assertChordFigures(Metrics m, double tolerance) {
    assertEquals(2, m.value(ModelLikelihood.SEQUENCES));
    assertEquals(8, m.value(ModelLikelihood.TOKENS));
    assertEquals(-10 * LN2, m.value(ModelLikelihood.LOG_LIKELIHOOD), tolerance);
    assertEquals(1.25 * LN2, m.value(ModelLikelihood.TOKEN_NATS), tolerance);
    assertEquals(1.25, m.value(ModelLikelihood.TOKEN_BITS), tolerance);
    assertEquals(Math.pow(2, 1.25), m.value(ModelLikelihood.TOKEN_PERPLEXITY), tolerance);
    assertEquals(5, m.value(ModelLikelihood.CHANGES));
    assertEquals(2 * LN2, m.value(ModelLikelihood.CHANGE_NATS), tolerance);
    assertEquals(2.0, m.value(ModelLikelihood.CHANGE_BITS), tolerance);
    assertEquals(4.0, m.value(ModelLikelihood.CHANGE_PERPLEXITY), tolerance);
  }

  @Test
  void perTokenAndPerChangeFiguresOfASequenceModel() {
    try (SequenceModel model = FakeModel.bigram(CHORDS)) {
      ModelLikelihood evaluator = ModelLikelihood.of(model).withChordChanges(CHORD);
      assertEquals("lstm", evaluator.name());
      Metrics m = evaluator.evaluate(SONGS);
      assertChordFigures(m, FLOAT);
      assertEquals(List.of("sequences", "tokens", "log_likelihood", "token.nats", "token.bits", "token.perplexity",
          "changes", "change.nats", "change.bits", "change.perplexity"), m.names());
      assertEquals(List.of(Metric.COUNT, Metric.COUNT, Metric.NATS, Metric.NATS_PER_TOKEN, Metric.BITS_PER_TOKEN,
          Metric.PERPLEXITY, Metric.COUNT, Metric.NATS_PER_CHANGE, Metric.BITS_PER_CHANGE, Metric.PERPLEXITY),
          m.asList().stream().map(Metric::unit).toList());
    }
  }

  @Test
  void aCountBasedModelIsReportedTheSameWay() {
    ModelLikelihood evaluator = ModelLikelihood.of("bigram", bigram(CHORDS)).withChordChanges(CHORD);
    assertEquals("bigram", evaluator.name());
    assertChordFigures(evaluator.evaluate(SONGS), 1e-12);
  }

  @Test
  void withoutChordChangesOnlyTheTokenFigures() {
    try (SequenceModel model = FakeModel.bigram(CHORDS)) {
      Metrics m = ModelLikelihood.of(model).evaluate(SONGS);
      assertEquals(6, m.size());
      assertEquals(1.25 * LN2, m.value(ModelLikelihood.TOKEN_NATS), FLOAT);
      assertFalse(m.contains(ModelLikelihood.CHANGES));
    }
  }

  @Test
  void perFrameFiguresOfASequenceModelAndOfACountBasedModel() {
    try (SequenceModel model = FakeModel.bigram(ROLL)) {
      Metrics lstm = ModelLikelihood.of(model).withFrames().evaluate(PIECES);
      Metrics counted = ModelLikelihood.of("bigram", bigram(ROLL)).withFrames().evaluate(PIECES);
      for (Metrics m : List.of(lstm, counted)) {
        assertEquals(8, m.value(ModelLikelihood.TOKENS));
        assertEquals(7.0 / 8 * LN2, m.value(ModelLikelihood.TOKEN_NATS), FLOAT);
        assertEquals(3, m.value(ModelLikelihood.FRAMES));
        // Frames -2, -2 and -1 (x ln 2) over 3 frames; END adds -2; the first frames are -2 and -1.
        assertEquals(5.0 / 3 * LN2, m.value(ModelLikelihood.FRAME_NATS), FLOAT);
        assertEquals(5.0 / 3, m.value(ModelLikelihood.FRAME_BITS), FLOAT);
        assertEquals(Math.pow(2, 5.0 / 3), m.value(ModelLikelihood.FRAME_PERPLEXITY), FLOAT);
        assertEquals(7.0 / 3 * LN2, m.value(ModelLikelihood.FRAME_NATS_WITH_END), FLOAT);
        assertEquals(2 * LN2, m.value(ModelLikelihood.FRAME_NATS_AFTER_FIRST), FLOAT);
        assertEquals(Metric.NATS_PER_FRAME, m.get(ModelLikelihood.FRAME_NATS).unit());
        assertEquals(Metric.BITS_PER_FRAME, m.get(ModelLikelihood.FRAME_BITS).unit());
      }
    }
  }

  @Test
  void framesAfterTheFirstAreLeftOutWhenNoPieceHasASecondFrame() {
    Metrics m = ModelLikelihood.of("bigram", bigram(ROLL)).withFrames().evaluate(List.of(PIECES.get(1)));
    assertEquals(1, m.value(ModelLikelihood.FRAMES));
    assertEquals(LN2, m.value(ModelLikelihood.FRAME_NATS), 1e-12);
    assertFalse(m.contains(ModelLikelihood.FRAME_NATS_AFTER_FIRST));
  }

  @Test
  void aPositiveTotalLogLikelihoodIsABugAndFailsLoudly() {
    double[] positive = new double[9];
    Arrays.fill(positive, 0.25);
    try (SequenceModel broken = new FakeModel(9, history -> positive)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> ModelLikelihood.of(broken).evaluate(SONGS));
      assertTrue(e.getMessage().contains("cannot be positive"), e.getMessage());
      assertTrue(e.getMessage().contains("over 8 tokens is 2.0"), e.getMessage());
    }
  }

  @Test
  void badInputIsAnIllegalArgument() {
    ModelLikelihood evaluator = ModelLikelihood.of("bigram", bigram(CHORDS)).withChordChanges(CHORD);
    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(List.of()));
    IllegalArgumentException noFrame = assertThrows(IllegalArgumentException.class,
        () -> ModelLikelihood.of("bigram", bigram(ROLL)).withFrames().evaluate(List.of(new int[] {S, E})));
    assertTrue(noFrame.getMessage().contains("no frame"), noFrame.getMessage());
    IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
        () -> ModelLikelihood.of("bigram", bigram(ROLL)).withFrames().evaluate(List.of(new int[] {S, P60, E})));
    assertTrue(open.getMessage().contains("ends inside a frame"), open.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelLikelihood.of("two words", bigram(CHORDS)));
  }
}
