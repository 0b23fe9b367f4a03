package io.github.rocklstm.bench;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Model load time: {@code Backend.load} of a model directory saved once in the setup, then {@code close}. The
 * model was trained for one step first, so the directory holds the weights, Adam's two moments and the training
 * history, as a real checkpoint does. The backend's natives are already loaded (the setup created a model), so
 * this is the time to read, check and build a model, not the cold start of a JVM.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class LoadBenchmark {

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

  private Backend loader;
  private Device on;
  private Path directory;

  /** Trains a model one step and saves it. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    loader = BenchmarkModels.backend(backend, threads);
    on = Device.parse(device);
    directory = Files.createTempDirectory("rocklstm-bench-load");
    try (SequenceModel model = loader.create(
        ModelSize.parse(size).spec(BenchmarkShapes.CHORD_VOCABULARY, BenchmarkShapes.TRAINING_DROPOUT), on,
        BenchmarkShapes.SEED)) {
      List<int[]> train = SyntheticTokens.sequences(4, BenchmarkShapes.TRAINING_BPTT + 1,
          BenchmarkShapes.CHORD_VOCABULARY, BenchmarkShapes.SEED);
      model.fit(train, List.of(), TrainingConfig.builder().maxEpochs(1).batchSize(4).build());
      model.save(directory.resolve("model"));
    }
  }

  /** Loads the saved model and closes it again. */
  @Benchmark
  public long load() {
    try (SequenceModel model = loader.load(directory.resolve("model"), on)) {
      return model.spec().parameterCount();
    }
  }

  /** Deletes the saved model. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
