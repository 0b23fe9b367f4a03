package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.model.Device;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ServiceLoader finds the backend; discovery and {@code isAvailable()} load no ND4J class and no native code. */
class Dl4jBackendDiscoveryTest {

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
  void serviceLoaderFindsTheAvailableDl4jBackend() {
    Backend backend = Backends.get("dl4j");
    assertTrue(backend instanceof Dl4jBackend);
    assertTrue(backend.isAvailable(), backend.unavailableReason());
    assertEquals("", backend.unavailableReason());
    assertEquals(List.of(Device.cpu()), backend.devices());
  }

  @Test
  void discoveryAndAvailabilityLoadNoNd4jClasses() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (IsolatedLoader loader = new IsolatedLoader(urls.toArray(new URL[0]))) {
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> backends = loader.loadClass("io.github.rocklstm.backend.Backends");
      Object backend = backends.getMethod("get", String.class).invoke(null, "dl4j");
      Class<?> backendType = loader.loadClass("io.github.rocklstm.backend.Backend");
      assertEquals("dl4j", backendType.getMethod("name").invoke(backend));
      assertEquals(true, backendType.getMethod("isAvailable").invoke(backend));
      assertEquals(loader, backend.getClass().getClassLoader());
      for (String nd4jClass :
          List.of("org.nd4j.linalg.factory.Nd4j", "org.nd4j.linalg.factory.Nd4jBackend",
              "org.nd4j.linalg.cpu.nativecpu.CpuBackend", "org.nd4j.nativeblas.NativeOpsHolder",
              "org.bytedeco.javacpp.Loader")) {
        assertFalse(loader.hasLoaded(nd4jClass), nd4jClass + " was loaded by discovery");
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
