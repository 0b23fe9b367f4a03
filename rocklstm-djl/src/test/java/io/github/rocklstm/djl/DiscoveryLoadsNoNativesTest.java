package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ServiceLoader discovery and {@code isAvailable()} must not touch DJL's engine or native library: checked in a
 * fresh class loader, which records every class it loads.
 */
class DiscoveryLoadsNoNativesTest {

  /** A class loader over the test classpath that can say which classes it has loaded. */
  private static final class IsolatedLoader extends URLClassLoader {
    IsolatedLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    boolean hasLoaded(String name) {
      return findLoadedClass(name) != null;
    }
  }

  @Test
  void discoveryAndAvailabilityLoadNoEngineClasses() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (IsolatedLoader loader = new IsolatedLoader(urls.toArray(new URL[0]))) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> backends = loader.loadClass("io.github.rocklstm.backend.Backends");
      Object backend = backends.getMethod("get", String.class).invoke(null, "djl");
      Class<?> backendType = loader.loadClass("io.github.rocklstm.backend.Backend");
      assertEquals("djl", backendType.getMethod("name").invoke(backend));
      assertEquals(true, backendType.getMethod("isAvailable").invoke(backend));
      assertEquals(loader, backend.getClass().getClassLoader());
      for (String engineClass :
          List.of("ai.djl.engine.Engine", "ai.djl.pytorch.engine.PtEngine", "ai.djl.pytorch.jni.LibUtils",
              "ai.djl.pytorch.jni.PyTorchLibrary", "ai.djl.ndarray.NDManager")) {
        assertFalse(loader.hasLoaded(engineClass), engineClass + " was loaded by discovery");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
