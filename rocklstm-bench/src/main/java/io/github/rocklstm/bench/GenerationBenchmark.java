package io.github.rocklstm.bench;

import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.sample.GenerationConfig;
import io.github.rocklstm.sample.Sampler;
import io.github.rocklstm.sample.SequenceGenerator;
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
 * Generation of 32-bar chord progressions with {@link SequenceGenerator} (temperature-1 sampling, the default
 * banned specials): each progression is START, 160 tokens (per bar a bar line and four beat chords) and END, forced
 * to exactly that length by the minimum and maximum length. One invocation generates {@code batch} progressions in
 * one session of {@code batch} rows (161 steps). The secondary metrics are rates per second: {@code progressions},
 * {@code chords} (128 per progression, one per beat) and {@code tokens} (161 per progression); the time for 1,000
 * progressions is 1,000 / progressions per second (at batch 256 that is three full sessions and one of 232 rows).
 * The model is untrained, which does not change the cost of a step.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class GenerationBenchmark {

  /** The backend, by its {@code Backends} name. */
  @Param({"djl", "dl4j"})
  public String backend;

  /** LSTM layers x hidden units ({@link ModelSize}). */
  @Param({"1x128", "2x256", "3x256"})
  public String size;

  /** Rows per session: progressions generated side by side. */
  @Param({"1", "256"})
  public int batch;

  /** Compute threads of the backend ({@link BackendThreads}). */
  @Param({"1"})
  public int threads;

  /** Where the backend computes ({@link io.github.rocklstm.model.Device#parse}: cpu, gpuN or auto). */
  @Param({"cpu"})
  public String device;

  private SequenceModel model;
  private SequenceGenerator generator;
  private long seed = BenchmarkShapes.SEED;

  /** Creates the model and the generator. */
  @Setup(Level.Trial)
  public void setUp() {
    model = BenchmarkModels.create(backend, threads, device,
        ModelSize.parse(size).spec(BenchmarkShapes.CHORD_VOCABULARY, 0));
    int length = BenchmarkShapes.PROGRESSION_TOKENS + 2;
    generator = new SequenceGenerator(Sampler.temperature(1.0),
        GenerationConfig.builder().batchSize(batch).minLength(length).maxLength(length).build());
  }

  /** Generates {@code batch} progressions. */
  @Benchmark
  public List<int[]> generate(GenerationCounters counters, CpuCounter cpu) {
    List<int[]> progressions = generator.generate(model, batch, seed++);
    counters.progressions += batch;
    counters.chords += (long) batch * BenchmarkShapes.CHORDS_PER_PROGRESSION;
    counters.tokens += (long) batch * BenchmarkShapes.GENERATED_TOKENS_PER_PROGRESSION;
    return progressions;
  }

  /** Releases the model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }
}
