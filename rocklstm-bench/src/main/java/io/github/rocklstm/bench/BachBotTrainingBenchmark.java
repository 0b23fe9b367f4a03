package io.github.rocklstm.bench;

import io.github.rocklstm.model.TrainingSummary;
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
 * The anchor: BachBot's training configuration (Liang 2016) — 3 LSTM layers of 256 units, embedding 32, dropout
 * 0.3, batches of {@value BenchmarkShapes#BACHBOT_BATCH} windows of {@value BenchmarkShapes#BACHBOT_BPTT} tokens,
 * vocabulary {@value BenchmarkShapes#BACHBOT_VOCABULARY} — for which BachBot reports about 1.5k tokens/s on a CPU
 * and 12.5k tokens/s on a GPU (Torch7, 2016). One invocation is one {@code fit} epoch of one optimiser step
 * (6,400 target tokens; a step takes seconds, so its fixed costs are small); {@code tokens} is target tokens per
 * second.
 *
 * <pre>
 *   OMP_NUM_THREADS=1 java -jar rocklstm-bench/target/benchmarks.jar BachBotTrainingBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 3, time = 20)
public class BachBotTrainingBenchmark {

  /** The backend, by its {@code Backends} name. */
  @Param({"djl", "dl4j"})
  public String backend;

  /** Compute threads of the backend ({@link BackendThreads}). */
  @Param({"1"})
  public int threads;

  /** Where the backend computes ({@link io.github.rocklstm.model.Device#parse}: cpu, gpuN or auto). */
  @Param({"cpu"})
  public String device;

  private TrainingRun run;

  /** Creates the 3x256 model and one batch of training windows. */
  @Setup(Level.Trial)
  public void setUp() {
    run = new TrainingRun(backend, threads, device,
        BenchmarkShapes.BACHBOT_SIZE.spec(BenchmarkShapes.BACHBOT_VOCABULARY, BenchmarkShapes.TRAINING_DROPOUT),
        BenchmarkShapes.BACHBOT_BATCH, BenchmarkShapes.BACHBOT_BPTT, 1);
  }

  /** One optimiser step on 50 x 128 tokens. */
  @Benchmark
  public TrainingSummary fit(TokenCounter counter, CpuCounter cpu) {
    TrainingSummary summary = run.epoch();
    counter.tokens += run.tokensPerEpoch();
    return summary;
  }

  /** Releases the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    run.close();
  }
}
