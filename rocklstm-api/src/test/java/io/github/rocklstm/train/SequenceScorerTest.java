package io.github.rocklstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rocklstm.model.ScoreResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceScorerTest {

  /** A network whose log-probability of target y after input x is -(x + y / 1000). */
  private static final class PairNetwork extends ScriptedNetwork {
    int batches;

    PairNetwork() {
      super(step -> 0, steps -> 0);
    }

    @Override
    public float[] targetLogProbabilities(TokenBatch batch) {
      batches++;
      float[] result = new float[batch.rows() * batch.length()];
      for (int row = 0; row < batch.rows(); row++) {
        for (int t = 0; t < batch.rowLength(row); t++) {
          result[row * batch.length() + t] = -(batch.input(row, t) + batch.target(row, t) / 1000f);
        }
      }
      return result;
    }
  }

  @Test
  void scoresEveryTokenAfterTheFirstInTheCallersOrder() {
    List<int[]> sequences = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      int[] sequence = new int[2 + (i * 7) % 300];
      for (int t = 0; t < sequence.length; t++) {
        sequence[t] = (i + t) % 50;
      }
      sequences.add(sequence);
    }
    PairNetwork network = new PairNetwork();
    ScoreResult result = SequenceScorer.score(network, sequences);
    assertEquals(600, result.sequenceCount());
    long tokens = 0;
    for (int i = 0; i < sequences.size(); i++) {
      int[] s = sequences.get(i);
      float[] expected = new float[s.length - 1];
      double sum = 0;
      for (int t = 1; t < s.length; t++) {
        expected[t - 1] = -(s[t - 1] + s[t] / 1000f);
        sum += expected[t - 1];
      }
      assertArrayEquals(expected, result.tokenLogProbabilities(i), "sequence " + i);
      assertEquals(sum, result.logLikelihood(i), 1e-9);
      tokens += s.length - 1;
    }
    assertEquals(tokens, result.tokenCount());
    assertEquals(-result.totalLogLikelihood() / tokens, result.natsPerToken(), 1e-12);
    // 600 rows need several batches (at most 256 rows and 32768 positions each).
    assertEquals(true, network.batches >= 3, "batches: " + network.batches);
  }

  @Test
  void handCheckedTwoTokenSequence() {
    ScoreResult result = SequenceScorer.score(new PairNetwork(), List.of(new int[] {1, 2}));
    assertEquals(1, result.tokenCount());
    assertEquals(-1.002, result.totalLogLikelihood(), 1e-6);
    assertEquals(Math.exp(1.002), result.perplexity(), 1e-5);
    assertEquals(1.002 / Math.log(2), result.bitsPerToken(), 1e-5);
  }

}
