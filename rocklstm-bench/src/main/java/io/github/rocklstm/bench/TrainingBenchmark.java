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
 * Training throughput on chord-sized models: target tokens per second of {@code SequenceModel.fit} with batches of
 * {@value BenchmarkShapes#TRAINING_BATCH} windows of {@value BenchmarkShapes#TRAINING_BPTT} tokens (the
 * {@code TrainingConfig} defaults), vocabulary {@value BenchmarkShapes#CHORD_VOCABULARY}, dropout 0.3, Adam,
 * clipping at 5. One invocation is one epoch of {@code stepsPerFit} optimiser steps ({@link TrainingRun}); the
 * secondary metric {@code tokens} is trained target tokens per second.
 *
 * <pre>
 *   OMP_NUM_THREADS=1 java -jar rocklstm-bench/target/benchmarks.jar TrainingBenchmark -p size=1x128
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 5, time = 10)
public class TrainingBenchmark {

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

  /** Optimiser steps per {@code fit} call (one invocation), over which its fixed costs spread. */
  @Param({"2"})
  public int stepsPerFit;

  private TrainingRun run;

  /** Creates the model and the training set. */
  @Setup(Level.Trial)
  public void setUp() {
    run = new TrainingRun(backend, threads, device,
        ModelSize.parse(size).spec(BenchmarkShapes.CHORD_VOCABULARY, BenchmarkShapes.TRAINING_DROPOUT),
        BenchmarkShapes.TRAINING_BATCH, BenchmarkShapes.TRAINING_BPTT, stepsPerFit);
  }

  /** One epoch of {@code stepsPerFit} optimiser steps. */
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
