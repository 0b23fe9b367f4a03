package io.github.rocklstm.bench;

import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
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
 * Sampling throughput of the model itself: one {@code Session.step} of {@code batch} rows per invocation, which
 * returns {@code [batch][vocabulary]} log-probabilities on the Java heap (so the result is on the host when the
 * timer stops). No sampler runs here ({@link GenerationBenchmark} measures the whole generator). The secondary
 * metric {@code tokens} is rows stepped per second; the primary score is steps per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class SamplingBenchmark {

  private static final int COLUMNS = 1024;

  /** The backend, by its {@code Backends} name. */
  @Param({"djl", "dl4j"})
  public String backend;

  /** LSTM layers x hidden units ({@link ModelSize}). */
  @Param({"1x128", "2x256", "3x256"})
  public String size;

  /** Rows of the session. */
  @Param({"1", "64", "256"})
  public int batch;

  /** Compute threads of the backend ({@link BackendThreads}). */
  @Param({"1"})
  public int threads;

  /** Where the backend computes ({@link io.github.rocklstm.model.Device#parse}: cpu, gpuN or auto). */
  @Param({"cpu"})
  public String device;

  private SequenceModel model;
  private Session session;
  private int[][] columns;
  private int next;

  /** Creates the model, a session and the input tokens. */
  @Setup(Level.Trial)
  public void setUp() {
    model = BenchmarkModels.create(backend, threads, device,
        ModelSize.parse(size).spec(BenchmarkShapes.CHORD_VOCABULARY, 0));
    session = model.newSession(batch);
    columns = SyntheticTokens.columns(COLUMNS, batch, BenchmarkShapes.CHORD_VOCABULARY, BenchmarkShapes.SEED);
  }

  /** One step of every row. */
  @Benchmark
  public float[][] step(TokenCounter counter, CpuCounter cpu) {
    float[][] logProbabilities = session.step(columns[next]);
    next = (next + 1) % COLUMNS;
    counter.tokens += batch;
    return logProbabilities;
  }

  /** Releases the session and the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    session.close();
    model.close();
  }
}
