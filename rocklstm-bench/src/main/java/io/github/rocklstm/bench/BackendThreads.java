package io.github.rocklstm.bench;

import com.google.common.base.Preconditions;

/**
 * Pins a backend's compute threads inside a benchmark fork, before its first model is created.
 *
 * <ul>
 *   <li>{@code djl}: sets {@code ai.djl.pytorch.num_threads} (PyTorch's intra-op threads) and
 *       {@code ai.djl.pytorch.num_interop_threads=1}, which DJL reads when its engine starts.
 *   <li>{@code dl4j}: sets {@code rocklstm.dl4j.threads}, OpenBLAS's threads for the matrix products, which the
 *       backend applies when ND4J's natives load; libnd4j's per-operation threads stay at the backend's default, 1
 *       (see rocklstm-dl4j's README, "Threads").
 * </ul>
 *
 * Both libraries also read {@code OMP_NUM_THREADS} when their natives load; JMH cannot set an environment variable
 * per fork, so start it as {@code OMP_NUM_THREADS=N java -jar benchmarks.jar ... -p threads=N}.
 */
public final class BackendThreads {

  private BackendThreads() {}

  /**
   * Applies {@code threads} to the backend called {@code backend}; call before the backend's first model.
   *
   * @throws IllegalArgumentException for an unknown backend name or fewer than one thread
   */
  public static void apply(String backend, int threads) {
    Preconditions.checkArgument(threads >= 1, "threads must be >= 1, got %s", threads);
    switch (backend) {
      case "djl":
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        break;
      case "dl4j":
        System.setProperty("rocklstm.dl4j.threads", Integer.toString(threads));
        break;
      default:
        throw new IllegalArgumentException("unknown backend '" + backend + "': expected djl or dl4j");
    }
  }
}
