package io.github.rocklstm.cli;

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
