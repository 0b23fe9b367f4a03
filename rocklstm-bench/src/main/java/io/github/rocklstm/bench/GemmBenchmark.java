package io.github.rocklstm.bench;

import io.github.rocklstm.model.Device;
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
 * The machine's attainable float32 matrix-multiply rate through each backend's own library (DJL: PyTorch
 * {@code NDArray.matMul}; dl4j: {@code Nd4j.gemm}, OpenBLAS), with the same thread pinning as the model
 * benchmarks, on the device of the {@code device} parameter: the limit every throughput is compared with. One
 * invocation multiplies two {@code n x n} matrices; the secondary metric {@code flops} is FLOP/s ({@code 2 n^3} per
 * product).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.HEAP, ForkSettings.DJL_OFFLINE, ForkSettings.DJL_INTEROP_THREADS,
    ForkSettings.ND4J_QUIET, ForkSettings.JAVACPP_MAX_BYTES, ForkSettings.JAVACPP_MAX_PHYSICAL_BYTES})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class GemmBenchmark {

  /** The backend whose library multiplies, by its {@code Backends} name. */
  @Param({"djl", "dl4j"})
  public String backend;

  /** Rows and columns of the square matrices. */
  @Param({"512", "1024"})
  public int n;

  /** Compute threads of the library ({@link BackendThreads}). */
  @Param({"1"})
  public int threads;

  /** Where the backend computes ({@link io.github.rocklstm.model.Device#parse}: cpu, gpuN or auto). */
  @Param({"cpu"})
  public String device;

  private SquareProduct product;

  /** Pins the threads, loads the library and fills the matrices. */
  @Setup(Level.Trial)
  public void setUp() {
    // devices() loads the natives the backend's way (offline for DJL) and says which GPUs it can use.
    Device on = BenchmarkModels.resolve(BenchmarkModels.backend(backend, threads), device);
    product = SquareProduct.of(backend, on, n, BenchmarkShapes.SEED);
  }

  /** One product. */
  @Benchmark
  public float multiply(FlopCounter counter, CpuCounter cpu) {
    float corner = product.multiply();
    counter.flops += ModelFlops.squareGemm(n);
    return corner;
  }

  /** Releases the matrices. */
  @TearDown(Level.Trial)
  public void tearDown() {
    product.close();
  }
}
