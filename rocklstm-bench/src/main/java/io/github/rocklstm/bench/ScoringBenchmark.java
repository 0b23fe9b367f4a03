package io.github.rocklstm.bench;

import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring throughput: {@code SequenceModel.score} of {@value BenchmarkShapes#SCORED_SEQUENCES} whole sequences of
 * 162 tokens (the length of a generated 32-bar progression), 10,304 scored targets per invocation, dropout off. The
 * secondary metric {@code tokens} is scored target tokens per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class ScoringBenchmark {

  /** The backend, by its {@code Backends} name. */
  @Param({"djl", "dl4j"})
  public String backend;

  /** LSTM layers x hidden units ({@link ModelSize}). */
  @Param({"1x128", "2x256", "3x256"})
  public String size;

  /** Compute threads of the backend ({@link BackendThreads}). */
  @Param({"1"})
  public int threads;

  /** Where the backend computes ({@link io.github.rocklstm.model.Device#parse}: cpu, gpuN or auto). */
  @Param({"cpu"})
  public String device;

  private SequenceModel model;
  private List<int[]> sequences;
  private long targets;

  /** Creates the model and the sequences. */
  @Setup(Level.Trial)
  public void setUp() {
    model = BenchmarkModels.create(backend, threads, device,
        ModelSize.parse(size).spec(BenchmarkShapes.CHORD_VOCABULARY, 0));
    sequences = SyntheticTokens.sequences(BenchmarkShapes.SCORED_SEQUENCES, BenchmarkShapes.PROGRESSION_TOKENS + 2,
        BenchmarkShapes.CHORD_VOCABULARY, BenchmarkShapes.SEED);
    targets = sequences.stream().mapToLong(s -> s.length - 1).sum();
  }

  /** Scores every sequence. */
  @Benchmark
  public ScoreResult score(TokenCounter counter, CpuCounter cpu) {
    ScoreResult result = model.score(sequences);
    counter.tokens += targets;
    return result;
  }

  /** Releases the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }
}
