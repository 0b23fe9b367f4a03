package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;

/**
 * Which backend a command uses: the {@code --backend} option when given; otherwise the library's rule
 * ({@code -Drocklstm.backend}, {@code ROCKLSTM_BACKEND}, or the only backend present). The runnable jar carries both
 * backends, and there — with several present and none named — the command line prefers {@value #DEFAULT}, the faster
 * one on CPU, instead of failing as the library does.
 */
final class BackendChoice {

  /** The backend the command line picks when several are present and none is named. */
  static final String DEFAULT = "djl";

  private BackendChoice() {}

  /**
   * Asks both backends for {@code threads} compute threads, unless the JVM was started with its own setting: DJL's
   * PyTorch intra-op threads ({@code ai.djl.pytorch.num_threads}, one inter-op thread) and DL4J's OpenBLAS threads
   * ({@code rocklstm.dl4j.threads}; libnd4j's per-operation threads stay at 1). Both are read when the backend's
   * natives load, so call this before the first model.
   *
   * @throws IllegalArgumentException for fewer than one thread
   */
  static void pinThreads(int threads) {
    Preconditions.checkArgument(threads >= 1, "--threads must be >= 1, got %s", threads);
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    if (System.getProperty("rocklstm.dl4j.threads") == null) {
      System.setProperty("rocklstm.dl4j.threads", String.valueOf(threads));
    }
  }

  static Backend resolve(String option) {
    if (option != null) {
      return Backends.get(option);
    }
    boolean named = System.getProperty(Backends.PROPERTY) != null
        || System.getenv(Backends.ENVIRONMENT_VARIABLE) != null;
    long available = Backends.all().stream().filter(Backend::isAvailable).count();
    if (!named && available > 1) {
      return Backends.get(DEFAULT);
    }
    return Backends.get();
  }
}
