package io.github.rocklstm.sample;

import static io.github.rocklstm.sample.Rows.logs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Samplers against hand-computed distributions and seeded draw counts. */
class CompositeSamplerTest {

  private static final int[] NO_HISTORY = {};
  private static final double EPS = 1e-6; // rows are floats: ln p carries a relative error near 6e-8

  @Test
  void greedyTakesTheMostProbableTokenAndTheLowestIdOnTiesWithoutRandomness() {
    Sampler greedy = Sampler.greedy();
    assertEquals(2, greedy.sample(logs(0.05, 0.1, 0.4, 0.3, 0.15), NO_HISTORY, Rows.untouchable()));
    assertEquals(1, greedy.sample(logs(0.2, 0.4, 0.4), NO_HISTORY, Rows.untouchable()));
    assertEquals(2, greedy.sample(logs(0, 0, 0.1), NO_HISTORY, Rows.untouchable()));
    assertArrayEquals(new double[] {0, 1, 0}, greedy.probabilities(logs(0.2, 0.4, 0.4), NO_HISTORY));
  }

  @Test
  void temperatureZeroIsExactlyGreedy() {
    Sampler zero = Sampler.temperature(0);
    SplittableRandom rows = new SplittableRandom(7);
    for (int trial = 0; trial < 500; trial++) {
      double[] p = new double[6];
      for (int i = 0; i < p.length; i++) {
        p[i] = rows.nextInt(4) == 0 ? 0 : rows.nextDouble();
      }
      p[rows.nextInt(6)] = 0.5;
      float[] row = logs(p);
      assertEquals(Sampler.greedy().sample(row, NO_HISTORY, Rows.untouchable()),
          zero.sample(row, NO_HISTORY, Rows.untouchable()));
    }
  }

  @Test
  void temperatureNearZeroEqualsGreedyOverManySeeds() {
    // The best token leads the runner-up by ln(0.4 / 0.3) = 0.288 nats; at T = 1e-4 the runner-up's weight is
    // exp(-2877), which is 0 in double precision.
    float[] row = logs(0, 0.05, 0.1, 0.4, 0.3, 0.15);
    Sampler cold = Sampler.temperature(1e-4);
    for (long seed = 0; seed < 2000; seed++) {
      assertEquals(3, cold.sample(row, NO_HISTORY, new SplittableRandom(seed)), "seed " + seed);
    }
    // Even a temperature in the subnormal range keeps the best token (the maximum is subtracted before dividing).
    assertEquals(3, Sampler.temperature(Double.MIN_VALUE).sample(row, NO_HISTORY, new SplittableRandom(1)));
  }

  @Test
  void temperatureOneMatchesTheModelDistribution() {
    double[] p = {0, 0.1, 0.2, 0.3, 0.4};
    float[] row = logs(p);
    Sampler sampler = Sampler.temperature(1);
    assertArrayEquals(p, sampler.probabilities(row, NO_HISTORY), EPS);
    int draws = 20000;
    int[] counts = new int[p.length];
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < draws; i++) {
      counts[sampler.sample(row, NO_HISTORY, random)]++;
    }
    assertEquals(0, counts[0], "a masked token was drawn");
    // 3 degrees of freedom: the 0.1% critical value is 16.27.
    double chi = Rows.chiSquare(counts, p, draws);
    assertTrue(chi < 16.27, "chi-square " + chi + " for counts " + java.util.Arrays.toString(counts));
  }

  @Test
  void temperatureTwoFlattensAsTheSquareRoot() {
    // p' = sqrt(p) / sum sqrt(p): sqrt(.1) + sqrt(.2) + sqrt(.3) + sqrt(.4) = 1.943...
    double[] p = {0.1, 0.2, 0.3, 0.4};
    double sum = Math.sqrt(0.1) + Math.sqrt(0.2) + Math.sqrt(0.3) + Math.sqrt(0.4);
    double[] expected = {Math.sqrt(0.1) / sum, Math.sqrt(0.2) / sum, Math.sqrt(0.3) / sum, Math.sqrt(0.4) / sum};
    Sampler sampler = Sampler.temperature(2);
    assertArrayEquals(expected, sampler.probabilities(logs(p), NO_HISTORY), EPS);
    int draws = 20000;
    int[] counts = new int[4];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < draws; i++) {
      counts[sampler.sample(logs(p), NO_HISTORY, random)]++;
    }
    assertTrue(Rows.chiSquare(counts, expected, draws) < 16.27);
  }

  @Test
  void topKNeverSamplesOutsideTheTopK() {
    float[] row = logs(0.05, 0.1, 0.4, 0.3, 0.15);
    Sampler sampler = Sampler.topK(2);
    assertArrayEquals(new double[] {0, 0, 4.0 / 7, 3.0 / 7, 0}, sampler.probabilities(row, NO_HISTORY), EPS);
    SplittableRandom random = new SplittableRandom(11);
    int[] counts = new int[5];
    for (int i = 0; i < 5000; i++) {
      counts[sampler.sample(row, NO_HISTORY, random)]++;
    }
    assertEquals(0, counts[0] + counts[1] + counts[4]);
    assertTrue(counts[2] > counts[3] && counts[3] > 0);
    // Ties at the boundary go to the lower ids: exactly k tokens stay.
    assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, Sampler.topK(2).probabilities(logs(.25, .25, .25, .25),
        NO_HISTORY), EPS);
    // k at or above the number of unmasked tokens cuts nothing.
    assertArrayEquals(new double[] {0, 0.5, 0.5}, Sampler.topK(5).probabilities(logs(0, .5, .5), NO_HISTORY), EPS);
  }

  @Test
  void topPKeepsTheSmallestSetReachingP() {
    // Ranking: token 1 (.4), 3 (.3), 2 (.2), 0 (.1); cumulative .4, .7, .9, 1.0.
    float[] row = logs(0.1, 0.4, 0.2, 0.3);
    assertArrayEquals(new double[] {0, 4.0 / 7, 0, 3.0 / 7}, Sampler.topP(0.6).probabilities(row, NO_HISTORY), EPS);
    // p exactly on a cumulative sum: {1, 3} already reaches 0.7 (float rounding of the row is tolerated).
    assertArrayEquals(new double[] {0, 4.0 / 7, 0, 3.0 / 7}, Sampler.topP(0.7).probabilities(row, NO_HISTORY), EPS);
    assertArrayEquals(new double[] {0, 4.0 / 9, 2.0 / 9, 3.0 / 9}, Sampler.topP(0.71).probabilities(row, NO_HISTORY),
        EPS);
    assertArrayEquals(new double[] {0, 1, 0, 0}, Sampler.topP(0.01).probabilities(row, NO_HISTORY), EPS);
    assertArrayEquals(new double[] {0.1, 0.4, 0.2, 0.3}, Sampler.topP(1).probabilities(row, NO_HISTORY), EPS);
    // Ties: equal probabilities are ranked by id, so at p = 0.7 token 2 is kept and token 3 (equally likely) is not.
    assertArrayEquals(new double[] {0.3 / 0.8, 0.3 / 0.8, 0.2 / 0.8, 0},
        Sampler.topP(0.7).probabilities(logs(0.3, 0.3, 0.2, 0.2), NO_HISTORY), EPS);
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 5000; i++) {
      int token = Sampler.topP(0.6).sample(row, NO_HISTORY, random);
      assertTrue(token == 1 || token == 3, "sampled outside the nucleus: " + token);
    }
  }

  @Test
  void repetitionPenaltyRaisesRepeatedTokensToThePowerOfThePenalty() {
    // History {1, 3, 3}, penalty 2: p(1) = .2^2 = .04, p(3) = .4^2 = .16; with .1 and .3 the total is .6.
    float[] row = logs(0.1, 0.2, 0.3, 0.4);
    Sampler penalty = Sampler.repetitionPenalty(2, Integer.MAX_VALUE);
    assertArrayEquals(new double[] {0.1 / 0.6, 0.04 / 0.6, 0.3 / 0.6, 0.16 / 0.6},
        penalty.probabilities(row, new int[] {1, 3, 3}), EPS);
    // A window of 1 looks only at the last token (3): total .1 + .2 + .3 + .16 = .76.
    assertArrayEquals(new double[] {0.1 / 0.76, 0.2 / 0.76, 0.3 / 0.76, 0.16 / 0.76},
        Sampler.repetitionPenalty(2, 1).probabilities(row, new int[] {1, 3, 3}), EPS);
    // A penalty below 1 favours repeats: p(3) = .4^0.5.
    double favoured = Math.sqrt(0.4);
    double total = 0.6 + favoured;
    assertArrayEquals(new double[] {0.1 / total, 0.2 / total, 0.3 / total, favoured / total},
        Sampler.repetitionPenalty(0.5, 4).probabilities(row, new int[] {3}), EPS);
    // A certain token (ln p = 0) stays certain.
    assertArrayEquals(new double[] {0, 1}, penalty.probabilities(logs(0, 1), new int[] {1}), EPS);
    // Greedy after the penalty: token 3 is the mode before, token 2 after.
    Sampler greedyPenalty = CompositeSampler.builder().temperature(0).repetitionPenalty(2).build();
    assertEquals(2, greedyPenalty.sample(row, new int[] {3}, Rows.untouchable()));
  }

  @Test
  void compositionAppliesPenaltyTemperatureTopKTopPInThatOrder() {
    // p = (.1, .2, .3, .4), history {3}. Penalty 2: (.1, .2, .3, .16). Temperature 0.5 squares: (.01, .04, .09,
    // .0256). Top-3 drops token 0. Top-p 0.6 on (.04, .09, .0256) / .1556 = (.257, .578, .165): token 2 (.578) is
    // below 0.6, token 1 brings .836, so {2, 1} stay: (0, .04, .09, 0) / .13.
    CompositeSampler sampler = CompositeSampler.builder().repetitionPenalty(2).temperature(0.5).topK(3).topP(0.6)
        .build();
    assertArrayEquals(new double[] {0, 4.0 / 13, 9.0 / 13, 0},
        sampler.probabilities(logs(0.1, 0.2, 0.3, 0.4), new int[] {3}), EPS);
  }

  @Test
  void maskedEntriesAreNeverSampledAndAnAllMaskedRowIsAClearError() {
    float[] row = logs(0, 0.5, 0, 0.5);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 2000; i++) {
      int token = Sampler.temperature(1.7).sample(row, NO_HISTORY, random);
      assertTrue(token == 1 || token == 3);
    }
    float[] allMasked = logs(0, 0, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sampler.temperature(1).sample(allMasked, NO_HISTORY, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("every token of the row is masked"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sampler.greedy().sample(allMasked, NO_HISTORY,
        Rows.untouchable()));
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> Sampler.greedy().sample(new float[] {0, Float.NaN}, NO_HISTORY, Rows.untouchable()));
    assertTrue(nan.getMessage().contains("token 1 is NaN"), nan.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Sampler.topP(0.5).probabilities(new float[] {Float.POSITIVE_INFINITY, 0}, NO_HISTORY));
  }

  @Test
  void inputsAreNotModified() {
    float[] row = logs(0.1, 0.2, 0.3, 0.4);
    float[] copy = row.clone();
    int[] history = {3, 3, 1};
    CompositeSampler.builder().repetitionPenalty(3).temperature(0.3).topK(2).topP(0.5).build()
        .sample(row, history, new SplittableRandom(1));
    assertArrayEquals(copy, row);
    assertArrayEquals(new int[] {3, 3, 1}, history);
  }

  @Test
  void badArgumentsNameTheValueAndTheValidRange() {
    assertMessage(() -> Sampler.temperature(-0.5), "temperature", "-0.5", ">= 0");
    assertMessage(() -> Sampler.temperature(Double.NaN), "temperature", "NaN", ">= 0");
    assertMessage(() -> Sampler.temperature(Double.POSITIVE_INFINITY), "temperature", "Infinity", "finite");
    assertMessage(() -> Sampler.topP(0), "top-p", "0.0", "(0, 1]");
    assertMessage(() -> Sampler.topP(1.5), "top-p", "1.5", "(0, 1]");
    assertMessage(() -> Sampler.topP(Double.NaN), "top-p", "NaN", "(0, 1]");
    assertMessage(() -> Sampler.topK(0), "top-k", "0", "at least 1");
    assertMessage(() -> Sampler.topK(-3), "top-k", "-3", "at least 1");
    assertMessage(() -> Sampler.repetitionPenalty(0, 4), "repetition penalty", "0.0", "positive");
    assertMessage(() -> Sampler.repetitionPenalty(Double.NaN, 4), "repetition penalty", "NaN", "positive");
    assertMessage(() -> Sampler.repetitionPenalty(1.2, 0), "repetition window", "0", "at least 1");
    assertMessage(() -> new CompositeSampler(1, 0, 1, 1, 1), "top-k", "0", "at least 1");
    assertMessage(() -> Sampler.greedy().sample(new float[] {0, 0}, new int[] {}, null), "random");
    assertMessage(() -> Sampler.repetitionPenalty(2, 3).sample(new float[] {0, -1}, new int[] {5},
        new SplittableRandom(1)), "token 5", "outside the vocabulary", "0..1");
  }

  private static void assertMessage(Executable executable, String... parts) {
    RuntimeException e = assertThrows(RuntimeException.class, executable);
    assertTrue(e instanceof IllegalArgumentException || e instanceof NullPointerException, e.toString());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
    }
  }
}
