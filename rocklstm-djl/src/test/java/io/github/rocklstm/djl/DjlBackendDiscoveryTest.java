package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import org.junit.jupiter.api.Test;

/** Discovery through ServiceLoader; offline mode is checked in its own JVM by {@link DjlOfflineModeTest}. */
class DjlBackendDiscoveryTest {

  @Test
  void serviceLoaderFindsTheAvailableDjlBackend() {
    Backend backend = Backends.get("djl");
    assertTrue(backend instanceof DjlBackend);
    assertTrue(backend.isAvailable(), backend.unavailableReason());
    assertEquals("", backend.unavailableReason());
    // It is the only backend on this module's classpath, so the plain lookup picks it.
    assertEquals("djl", Backends.get().name());
  }
}
