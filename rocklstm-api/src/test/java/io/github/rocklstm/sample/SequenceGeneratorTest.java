package io.github.rocklstm.sample;

import static io.github.rocklstm.sample.Tables.A;
import static io.github.rocklstm.sample.Tables.B;
import static io.github.rocklstm.sample.Tables.C;
import static io.github.rocklstm.sample.Tables.END;
import static io.github.rocklstm.sample.Tables.START;
import static io.github.rocklstm.sample.Tables.UNK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Sampling whole sequences from fake models with hand-known distributions. */
class SequenceGeneratorTest {

  private static final int V = 12;

  private static GenerationConfig.Builder config() {
    return GenerationConfig.builder();
  }

  @Test
  void everySequenceStartsWithStartAndPrimerEndsWithEndAndRespectsTheLengths() {
    FakeModel model = Tables.randomBigram(3, V, 0.5);
    GenerationConfig config = config().minLength(4).maxLength(12).primer(A, B).batchSize(16).build();
    List<int[]> sequences = new SequenceGenerator(Sampler.temperature(1), config).generate(model, 200, 11);
    assertEquals(200, sequences.size());
    for (int[] sequence : sequences) {
      assertArrayEquals(new int[] {START, A, B}, Arrays.copyOf(sequence, 3));
      assertTrue(sequence.length >= 4 && sequence.length <= 12, Arrays.toString(sequence));
      assertEquals(END, sequence[sequence.length - 1]);
      for (int i = 3; i < sequence.length - 1; i++) {
        assertTrue(sequence[i] > Tables.MASK, "special token at " + i + ": " + Arrays.toString(sequence));
      }
    }
    assertEquals(0, model.sessionsOpen, "every session is closed");
    assertEquals(16, model.largestSession);
    assertEquals(13, model.sessionsOpened); // ceil(200 / 16)
  }

  @Test
  void sameSeedGivesTheSameSequencesWhateverTheBatchSizeAndCount() {
    FakeModel model = Tables.randomBigram(5, V, 0.3);
    Sampler sampler = CompositeSampler.builder().temperature(0.9).topK(6).topP(0.95).repetitionPenalty(1.3).build();
    List<int[]> reference = new SequenceGenerator(sampler, config().maxLength(30).batchSize(64).build())
        .generate(model, 40, 99);
    for (int batchSize : new int[] {1, 2, 5, 16, 39, 40, 1000}) {
      List<int[]> sequences = new SequenceGenerator(sampler, config().maxLength(30).batchSize(batchSize).build())
          .generate(model, 40, 99);
      for (int i = 0; i < 40; i++) {
        assertArrayEquals(reference.get(i), sequences.get(i), "batch size " + batchSize + ", sequence " + i);
      }
    }
    List<int[]> fewer = new SequenceGenerator(sampler, config().maxLength(30).batchSize(3).build())
        .generate(model, 10, 99);
    for (int i = 0; i < 10; i++) {
      assertArrayEquals(reference.get(i), fewer.get(i));
    }
    List<int[]> otherSeed = new SequenceGenerator(sampler, config().maxLength(30).build()).generate(model, 40, 100);
    int same = 0;
    for (int i = 0; i < 40; i++) {
      same += Arrays.equals(reference.get(i), otherSeed.get(i)) ? 1 : 0;
    }
    assertTrue(same < 10, same + " of 40 sequences equal under another seed");
  }

  @Test
  void rowsThatFinishEarlyLeaveTheSessionWithoutDisturbingTheOthers() {
    // The model looks two tokens back, so if dropping finished rows mixed up the survivors' states, batched output
    // would differ from one-row batches (which never reorder anything).
    for (long table = 0; table < 5; table++) {
      FakeModel model = Tables.historyDependent(table, 10);
      List<int[]> single = new SequenceGenerator(Sampler.temperature(1), config().maxLength(20).batchSize(1).build())
          .generate(model, 30, table);
      List<int[]> batched = new SequenceGenerator(Sampler.temperature(1), config().maxLength(20).batchSize(30)
          .build()).generate(model, 30, table);
      for (int i = 0; i < 30; i++) {
        assertArrayEquals(single.get(i), batched.get(i), "table " + table + ", sequence " + i);
      }
    }
  }

  @Test
  void greedyFollowsTheLocallyBestPath() {
    List<int[]> sequences = new SequenceGenerator(Sampler.greedy(), config().build())
        .generate(Tables.beamTable(), 5, 1);
    for (int[] sequence : sequences) {
      assertArrayEquals(new int[] {START, A, C, END}, sequence);
    }
  }

  @Test
  void temperatureOneSequencesFollowTheModelDistribution() {
    // The five sequences of the beam table and their probabilities (see Tables.beamTable).
    Map<List<Integer>, Double> expected = new HashMap<>();
    expected.put(List.of(START, A, C, END), .33);
    expected.put(List.of(START, A, B, C, END), .243);
    expected.put(List.of(START, A, B, END), .027);
    expected.put(List.of(START, B, C, END), .36);
    expected.put(List.of(START, B, END), .04);
    int draws = 20000;
    List<int[]> sequences = new SequenceGenerator(Sampler.temperature(1), config().batchSize(512).build())
        .generate(Tables.beamTable(), draws, 2024);
    Map<List<Integer>, Integer> counts = new HashMap<>();
    for (int[] sequence : sequences) {
      counts.merge(Arrays.stream(sequence).boxed().toList(), 1, Integer::sum);
    }
    assertEquals(expected.keySet(), counts.keySet());
    double chi = 0;
    for (Map.Entry<List<Integer>, Double> entry : expected.entrySet()) {
      double e = entry.getValue() * draws;
      double o = counts.get(entry.getKey());
      chi += (o - e) * (o - e) / e;
    }
    assertTrue(chi < 18.47, "chi-square " + chi + " (4 degrees of freedom, 0.1% critical value 18.47): " + counts);
  }

  @Test
  void endIsForbiddenBeforeTheMinimumAndForcedAtTheMaximum() {
    // END has probability 1/2 after every symbol: without limits most sequences would be very short.
    FakeModel endHappy = Tables.randomBigram(8, V, 12.0);
    List<int[]> atLeast = new SequenceGenerator(Sampler.temperature(1), config().minLength(6).maxLength(40).build())
        .generate(endHappy, 300, 1);
    int exactlyMinimum = 0;
    for (int[] sequence : atLeast) {
      assertTrue(sequence.length >= 6, Arrays.toString(sequence));
      exactlyMinimum += sequence.length == 6 ? 1 : 0;
    }
    assertTrue(exactlyMinimum > 100, exactlyMinimum + " of 300 end as soon as allowed");
    // END is rare here (weight 0.001): sequences run to the maximum, where END is forced.
    FakeModel endShy = Tables.randomBigram(9, V, 0.001);
    List<int[]> atMost = new SequenceGenerator(Sampler.temperature(1), config().maxLength(7).build())
        .generate(endShy, 300, 1);
    int atMaximum = 0;
    for (int[] sequence : atMost) {
      assertTrue(sequence.length <= 7, Arrays.toString(sequence));
      assertEquals(END, sequence[sequence.length - 1]);
      for (int i = 1; i < sequence.length - 1; i++) {
        assertTrue(sequence[i] != END);
      }
      atMaximum += sequence.length == 7 ? 1 : 0;
    }
    assertTrue(atMaximum > 290, atMaximum + " of 300 reach the maximum length");
  }

  @Test
  void fixedPositionsAlwaysHoldOverManySeeds() {
    FakeModel model = Tables.randomBigram(13, V, 0.8);
    GenerationConfig config = config().maxLength(15).fix(2, C).fix(5, A).fix(6, B).fix(9, UNK).batchSize(7).build();
    SequenceGenerator generator = new SequenceGenerator(Sampler.temperature(1.2), config);
    for (long seed = 0; seed < 100; seed++) {
      for (int[] sequence : generator.generate(model, 20, seed)) {
        assertTrue(sequence.length >= 11, Arrays.toString(sequence)); // END is masked up to the last fixed position
        assertEquals(C, sequence[2]);
        assertEquals(A, sequence[5]);
        assertEquals(B, sequence[6]);
        assertEquals(UNK, sequence[9]); // given tokens win over the banned specials
      }
    }
    // A fixed END ends every sequence exactly there.
    for (int[] sequence : new SequenceGenerator(Sampler.temperature(1), config().fix(4, END).build())
        .generate(model, 50, 3)) {
      assertEquals(5, sequence.length, Arrays.toString(sequence));
      assertEquals(END, sequence[4]);
    }
  }

  @Test
  void noCopyGuardHoldsOverManySeeds() {
    // Training data sampled from the very model we generate with, so copies are likely without the guard.
    FakeModel model = Tables.randomBigram(21, V, 0.15);
    List<int[]> training = new SequenceGenerator(Sampler.temperature(1), config().maxLength(30).build())
        .generate(model, 100, 1);
    int n = 3;
    Set<List<Integer>> trainingNGrams = Tables.ngrams(training, n + 1);
    GenerationConfig unguarded = config().maxLength(25).batchSize(10).build();
    int copiedWithoutGuard = 0;
    for (int[] sequence : new SequenceGenerator(Sampler.temperature(1), unguarded).generate(model, 100, 5)) {
      copiedWithoutGuard += Tables.copiedWindows(sequence, trainingNGrams, n + 1);
    }
    assertTrue(copiedWithoutGuard > 100, "only " + copiedWithoutGuard + " copied windows without the guard");
    GenerationConfig guarded = config().maxLength(25).batchSize(10).constraint(NoCopyConstraint.of(training, n))
        .build();
    SequenceGenerator generator = new SequenceGenerator(Sampler.temperature(1), guarded);
    for (long seed = 0; seed < 50; seed++) {
      for (int[] sequence : generator.generate(model, 20, seed)) {
        assertEquals(0, Tables.copiedWindows(sequence, trainingNGrams, n + 1), Arrays.toString(sequence));
      }
    }
  }

  @Test
  void noCopyGuardHoldsOnTheRs200Corpus() {
    // A bigram model estimated from RS200 (counts + 0.01) reproduces long runs of the corpus; N = 8 forbids any
    // run of 9 or more tokens copied from it.
    Rs200Tokens corpus = Rs200Tokens.load();
    int v = corpus.vocabularySize;
    double[][] p = new double[v][v];
    for (int[] sequence : corpus.sequences) {
      for (int i = 1; i < sequence.length; i++) {
        p[sequence[i - 1]][sequence[i]]++;
      }
    }
    for (double[] row : p) {
      double sum = 0;
      for (int j = 0; j < v; j++) {
        row[j] += 0.01;
        sum += row[j];
      }
      for (int j = 0; j < v; j++) {
        row[j] /= sum;
      }
    }
    FakeModel model = FakeModel.bigram(p);
    int n = 8;
    Set<List<Integer>> corpusNGrams = Tables.ngrams(corpus.sequences, n + 1);
    GenerationConfig.Builder base = config().minLength(40).maxLength(80).batchSize(50);
    int copiedWithoutGuard = 0;
    for (int[] sequence : new SequenceGenerator(Sampler.temperature(1), base.build()).generate(model, 100, 7)) {
      copiedWithoutGuard += Tables.copiedWindows(sequence, corpusNGrams, n + 1) > 0 ? 1 : 0;
    }
    // 53 of 100 measured
    assertTrue(copiedWithoutGuard > 25, copiedWithoutGuard + " of 100 unguarded sequences copy a 9-gram");
    List<int[]> guarded = new SequenceGenerator(Sampler.temperature(1),
        base.constraint(NoCopyConstraint.of(corpus.sequences, n)).build()).generate(model, 100, 7);
    for (int[] sequence : guarded) {
      assertEquals(0, Tables.copiedWindows(sequence, corpusNGrams, n + 1), Arrays.toString(sequence));
    }
  }

  @Test
  void abandonedAttemptsAreRetriedWithoutBreakingDeterminism() {
    // A constraint that leaves nothing allowed at position 2 after START A: half of all attempts fail.
    Constraint noA = (prefixes, rows) -> {
      for (int r = 0; r < rows.length; r++) {
        if (prefixes[r].length == 2 && prefixes[r][1] == A) {
          Arrays.fill(rows[r], Float.NEGATIVE_INFINITY);
        }
      }
    };
    FakeModel model = Tables.beamTable();
    List<List<int[]>> runs = new ArrayList<>();
    for (int batchSize : new int[] {1, 7, 64}) {
      GenerationConfig config = config().constraint(noA).maxAttempts(40).batchSize(batchSize).build();
      List<int[]> sequences = new SequenceGenerator(Sampler.temperature(1), config).generate(model, 30, 4);
      for (int[] sequence : sequences) {
        assertEquals(B, sequence[1], Arrays.toString(sequence));
      }
      runs.add(sequences);
    }
    for (int i = 0; i < 30; i++) {
      assertArrayEquals(runs.get(0).get(i), runs.get(1).get(i));
      assertArrayEquals(runs.get(0).get(i), runs.get(2).get(i));
    }
  }

  @Test
  void runningOutOfAllowedTokensInEveryAttemptIsAClearError() {
    // A never follows A in the beam table, so fixing A at 1 and at 2 leaves nothing allowed at position 2.
    GenerationConfig config = config().fix(1, A).fix(2, A).maxAttempts(3).build();
    FakeModel model = Tables.beamTable();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new SequenceGenerator(Sampler.temperature(1), config).generate(model, 4, 1));
    assertTrue(e.getMessage().contains("could not generate sequence 0 in 3 attempts"), e.getMessage());
    assertTrue(e.getMessage().contains("every token was masked at position 2 after the prefix [1, 5]"),
        e.getMessage());
    assertEquals(0, model.sessionsOpen);
  }

  @Test
  void badArgumentsNameTheValueAndTheValidRange() {
    SequenceGenerator generator = new SequenceGenerator(Sampler.greedy(), config().build());
    assertMessage(() -> generator.generate(Tables.beamTable(), 0, 1), "count must be at least 1, got 0");
    assertMessage(() -> config().batchSize(0).build(), "batch size must be at least 1, got 0");
    assertMessage(() -> config().maxAttempts(0).build(), "max attempts must be at least 1, got 0");
    assertMessage(() -> config().minLength(1).build(), "minimum length must be at least 2", "got 1");
    assertMessage(() -> config().minLength(9).maxLength(8).build(), "at least the minimum length 9, got 8");
    assertMessage(() -> config().primer(START, A).build(), "primer position 1 holds START");
    assertMessage(() -> config().primer(A, END).build(), "primer position 2 holds END");
    assertMessage(() -> config().primer(A, B, C).maxLength(4).build(), "a primer of 3 tokens leaves no room for END",
        "maximum length 4");
    assertMessage(() -> config().primer(A, B).fix(2, C).build(), "position 2 is fixed to token 7 but the primer holds"
        + " 6");
    assertMessage(() -> config().maxLength(6).fix(6, A).build(), "position 6 is fixed, beyond the maximum length 6");
    assertMessage(() -> config().maxLength(6).fix(5, A).build(), "END is forced there by the maximum length 6");
    assertMessage(() -> config().minLength(6).fix(3, END).build(), "END is fixed at position 3", "minimum length 6");
    assertMessage(() -> new SequenceGenerator(Sampler.greedy(), config().fix(3, 9).build())
        .generate(Tables.beamTable(), 1, 1), "fixed position 3: token 9 is outside the model's vocabulary",
        "0..7");
    assertMessage(() -> new SequenceGenerator(Sampler.greedy(), config().primer(8).build())
        .generate(Tables.beamTable(), 1, 1), "primer position 1: token 8 is outside");
    assertFalse(config().build().constraints().iterator().hasNext());
  }

  static void assertMessage(Executable executable, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' lacks '" + part + "'");
    }
  }
}
