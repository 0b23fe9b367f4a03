package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

/**
 * The library, not the test set-up, switches DJL to offline mode. This class runs in its own surefire execution
 * ({@code offline-mode} in this module's pom) whose JVM gets neither {@code DJL_OFFLINE} nor
 * {@code -Dai.djl.offline}; the other tests' JVM has both, so there it is skipped with that reason.
 */
class DjlOfflineModeTest {

  /** Set only by the {@code offline-mode} surefire execution. */
  private static final String EXECUTION_MARKER = "rocklstm.test.offline-execution";

  @Test
  void loadingTheEngineSwitchesDjlToOfflineMode() {
    assumeTrue(Boolean.getBoolean(EXECUTION_MARKER),
        "runs only in the offline-mode surefire execution, where neither DJL_OFFLINE nor -Dai.djl.offline is set");
    assertNull(System.getenv("DJL_OFFLINE"), "the offline-mode execution must not set DJL_OFFLINE");
    assertNull(System.getProperty("ai.djl.offline"), "the offline-mode execution must not set -Dai.djl.offline");
    assertFalse(Utils.isOfflineMode(), "DJL is offline before the backend ran");

    DjlRuntime.engine();

    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertTrue(Utils.isOfflineMode(), "DJL's own offline check after the engine loaded");
  }
}
