package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import org.junit.jupiter.api.Test;

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

  @Test
  void offlineModeIsOnOnceTheEngineLoads() {
    DjlRuntime.engine();
    String offline = System.getenv("DJL_OFFLINE") != null ? System.getenv("DJL_OFFLINE")
        : System.getProperty("ai.djl.offline");
    assertEquals("true", offline);
  }
}
