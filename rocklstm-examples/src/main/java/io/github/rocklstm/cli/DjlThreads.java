package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;

/**
 * The {@code --threads N} option of the training commands: sets the intra-op thread count of the DJL/PyTorch engine
 * (read when the engine starts, i.e. on the first model a command creates) and one inter-op thread.
 */
final class DjlThreads {

  private DjlThreads() {}

  /** Applies {@code threads} when given; {@code null} leaves PyTorch's own choice (one thread per core). */
  static void apply(Integer threads) {
    if (threads == null) {
      return;
    }
    Preconditions.checkArgument(threads >= 1, "--threads must be >= 1, got %s", threads);
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
  }
}
