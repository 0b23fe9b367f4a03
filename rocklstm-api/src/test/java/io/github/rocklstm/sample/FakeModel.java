package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only {@link SequenceModel} whose next-token distribution is an explicit function of the whole history, so
 * expectations can be computed by hand. A session row's state is its history, so {@link Session#select} and
 * {@link Session#reset} are exact, and a caller that forgets to reorder rows gets visibly wrong distributions when
 * the table looks further back than one token. Rows never influence each other. Only {@code score} and
 * {@code newSession} work; training and saving are unsupported. Public so that the evaluation tests
 * ({@code io.github.rocklstm.eval}) score with it too.
 */
public final class FakeModel implements SequenceModel {

  /** Natural-log next-token probabilities given a history that starts with START. */
  public interface Table {
    double[] logProbabilities(int[] history);
  }

  private final int vocabularySize;
  private final Table table;
  int sessionsOpened;
  int sessionsOpen;
  int largestSession;
  long stepCalls;

  public FakeModel(int vocabularySize, Table table) {
    this.vocabularySize = vocabularySize;
    this.table = table;
  }

  /** A bigram model: {@code probabilities[previous][next]}, each row summing to 1 (0 = impossible). */
  public static FakeModel bigram(double[][] probabilities) {
    double[][] logs = logs(probabilities);
    return new FakeModel(probabilities.length, history -> logs[history[history.length - 1]]);
  }

  static double[][] logs(double[][] probabilities) {
    double[][] logs = new double[probabilities.length][];
    for (int i = 0; i < logs.length; i++) {
      double sum = 0;
      logs[i] = new double[probabilities[i].length];
      for (int j = 0; j < logs[i].length; j++) {
        logs[i][j] = Math.log(probabilities[i][j]);
        sum += probabilities[i][j];
      }
      Preconditions.checkArgument(Math.abs(sum - 1) < 1e-9 || sum == 0, "row %s sums to %s", i, (Object) sum);
    }
    return logs;
  }

  double[] logProbabilities(int[] history) {
    double[] row = table.logProbabilities(history);
    Preconditions.checkState(row.length == vocabularySize, "table row of %s entries", row.length);
    return row;
  }

  @Override
  public ModelSpec spec() {
    return new ModelSpec(vocabularySize, 1, 1, 1, 0);
  }

  @Override
  public String backendName() {
    return "fake";
  }

  @Override
  public Device device() {
    return Device.cpu();
  }

  @Override
  public TrainingSummary fit(List<int[]> train, List<int[]> validation, TrainingConfig config,
      TrainingListener listener) {
    throw new UnsupportedOperationException("the fake model does not train");
  }

  @Override
  public Optional<TrainingSummary> trainingSummary() {
    return Optional.empty();
  }

  @Override
  public ScoreResult score(List<int[]> sequences) {
    Preconditions.checkArgument(!sequences.isEmpty(), "no sequences");
    float[][] tokenLogProbabilities = new float[sequences.size()][];
    for (int s = 0; s < sequences.size(); s++) {
      int[] sequence = sequences.get(s);
      Preconditions.checkArgument(sequence.length >= 2, "sequence %s is shorter than 2", s);
      tokenLogProbabilities[s] = new float[sequence.length - 1];
      for (int t = 1; t < sequence.length; t++) {
        tokenLogProbabilities[s][t - 1] =
            (float) logProbabilities(Arrays.copyOf(sequence, t))[sequence[t]];
      }
    }
    return new ScoreResult(tokenLogProbabilities);
  }

  /** The exact (double) log-likelihood of a sequence, for expectations. */
  double logLikelihood(int[] sequence) {
    double sum = 0;
    for (int t = 1; t < sequence.length; t++) {
      sum += logProbabilities(Arrays.copyOf(sequence, t))[sequence[t]];
    }
    return sum;
  }

  @Override
  public Session newSession(int batchSize) {
    Preconditions.checkArgument(batchSize >= 1, "batch size %s", batchSize);
    sessionsOpened++;
    sessionsOpen++;
    largestSession = Math.max(largestSession, batchSize);
    return new FakeSession(batchSize);
  }

  @Override
  public Map<String, Object> metadata() {
    return Map.of();
  }

  @Override
  public void setMetadata(Map<String, Object> metadata) {
    throw new UnsupportedOperationException("the fake model has no metadata");
  }

  @Override
  public void save(Path directory) {
    throw new UnsupportedOperationException("the fake model cannot be saved");
  }

  @Override
  public void close() {}

  private final class FakeSession implements Session {
    private List<int[]> histories = new ArrayList<>();
    private boolean closed;

    FakeSession(int rows) {
      for (int row = 0; row < rows; row++) {
        histories.add(new int[0]);
      }
    }

    @Override
    public int batchSize() {
      return histories.size();
    }

    @Override
    public int vocabularySize() {
      return vocabularySize;
    }

    @Override
    public float[][] step(int[] tokens) {
      Preconditions.checkState(!closed, "session closed");
      Preconditions.checkArgument(tokens.length == histories.size(), "%s tokens for %s rows", tokens.length,
          histories.size());
      stepCalls++;
      float[][] out = new float[tokens.length][];
      for (int row = 0; row < tokens.length; row++) {
        Preconditions.checkArgument(tokens[row] >= 0 && tokens[row] < vocabularySize, "token %s", tokens[row]);
        int[] history = Arrays.copyOf(histories.get(row), histories.get(row).length + 1);
        history[history.length - 1] = tokens[row];
        histories.set(row, history);
        double[] logs = logProbabilities(history);
        out[row] = new float[vocabularySize];
        for (int token = 0; token < vocabularySize; token++) {
          out[row][token] = (float) logs[token];
        }
      }
      return out;
    }

    @Override
    public void select(int[] rows) {
      Preconditions.checkState(!closed, "session closed");
      Preconditions.checkArgument(rows.length >= 1, "no rows");
      List<int[]> selected = new ArrayList<>();
      for (int row : rows) {
        Preconditions.checkArgument(row >= 0 && row < histories.size(), "row %s", row);
        selected.add(histories.get(row));
      }
      histories = selected;
    }

    @Override
    public void reset() {
      histories.replaceAll(history -> new int[0]);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        sessionsOpen--;
      }
    }
  }
}
