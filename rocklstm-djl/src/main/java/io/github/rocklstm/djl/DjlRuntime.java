package io.github.rocklstm.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import io.github.rocklstm.model.Device;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to DJL's PyTorch engine: offline mode, availability without loading natives, device mapping.
 *
 * <p>Nothing here loads native code until {@link #engine()} is called.
 */
final class DjlRuntime {

  static final String ENGINE_NAME = "PyTorch";
  static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";
  static final String JNI_PROPERTIES = "jnilib/pytorch.properties";

  private static final Logger LOG = LoggerFactory.getLogger(DjlRuntime.class);

  private DjlRuntime() {}

  /**
   * Why the engine cannot load here, or the empty string when its classes and both native jars are present. Reads
   * two small properties files from the classpath; loads no native code.
   */
  static String unavailableReason() {
    ClassLoader loader = DjlRuntime.class.getClassLoader();
    try {
      Class.forName("ai.djl.pytorch.engine.PtEngineProvider", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return "the DJL PyTorch engine classes are missing: add ai.djl.pytorch:pytorch-engine";
    }
    if (loader.getResource(JNI_PROPERTIES) == null) {
      return "the DJL PyTorch JNI jar is missing: add ai.djl.pytorch:pytorch-jni (2.7.1-0.36.0)";
    }
    Properties natives = new Properties();
    try (InputStream in = loader.getResourceAsStream(NATIVE_PROPERTIES)) {
      if (in == null) {
        return "the PyTorch native library jar is missing: add ai.djl.pytorch:pytorch-native-cpu:2.7.1 with "
            + "classifier linux-x86_64 (or the CUDA flavour of the 'cuda' Maven profile)";
      }
      natives.load(in);
    } catch (IOException e) {
      return "cannot read " + NATIVE_PROPERTIES + ": " + e.getMessage();
    }
    if (Boolean.parseBoolean(natives.getProperty("placeholder"))) {
      return "the pytorch-native jar on the classpath is DJL's placeholder without native libraries (it would "
          + "download them): depend on pytorch-native-cpu with <classifier>linux-x86_64</classifier>";
    }
    return "";
  }

  /**
   * The PyTorch engine, loading the native library on first use. Before that, switches DJL to offline mode unless
   * the user chose otherwise ({@code DJL_OFFLINE} or {@code -Dai.djl.offline}), so a missing native jar fails at
   * once instead of downloading. The native cache directory is DJL's: {@code DJL_CACHE_DIR} /
   * {@code ENGINE_CACHE_DIR} if set, else {@code ~/.djl.ai}. Thread counts come from
   * {@code -Dai.djl.pytorch.num_threads} and {@code -Dai.djl.pytorch.num_interop_threads}.
   *
   * @throws IllegalStateException naming what is missing when the engine cannot load
   */
  static Engine engine() {
    if (System.getenv("DJL_OFFLINE") == null && System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    String problem = unavailableReason();
    if (!problem.isEmpty()) {
      throw new IllegalStateException("the djl backend cannot start: " + problem);
    }
    try {
      return Engine.getEngine(ENGINE_NAME);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "the PyTorch engine of DJL failed to load its native library (" + rootMessage(e) + "); rocklstm-djl needs "
              + "ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 and pytorch-native-cpu:2.7.1:linux-x86_64 on the classpath "
              + "and a writable DJL cache directory (DJL_CACHE_DIR, default ~/.djl.ai); offline mode is "
              + System.getProperty("ai.djl.offline", System.getenv("DJL_OFFLINE")),
          e);
    }
  }

  /** The number of CUDA GPUs the engine can use: 0 with CPU natives. */
  static int gpuCount(Engine engine) {
    if (!engine.hasCapability(StandardCapabilities.CUDA)) {
      return 0;
    }
    return engine.getGpuCount();
  }

  /** {@code cpu} followed by every GPU the engine can use. */
  static List<Device> devices() {
    Engine engine = engine();
    List<Device> devices = new ArrayList<>();
    devices.add(Device.cpu());
    for (int i = 0; i < gpuCount(engine); i++) {
      devices.add(Device.gpu(i));
    }
    return devices;
  }

  /**
   * Maps a rocklstm device to a DJL device, resolving {@code auto}.
   *
   * @throws IllegalArgumentException for a GPU the engine cannot use
   */
  static ai.djl.Device toDjl(Device device) {
    Engine engine = engine();
    int gpus = gpuCount(engine);
    switch (device.type()) {
      case CPU:
        return ai.djl.Device.cpu();
      case AUTO:
        if (gpus > 0) {
          return ai.djl.Device.gpu(0);
        }
        LOG.info("device auto: no CUDA GPU visible to the PyTorch engine, using the CPU");
        return ai.djl.Device.cpu();
      default:
        if (gpus == 0) {
          throw new IllegalArgumentException(
              "device " + device + " requested, but no CUDA GPU is visible to the PyTorch engine (PyTorch "
                  + engine.getVersion() + ", " + (engine.hasCapability(StandardCapabilities.CUDA)
                      ? "CUDA natives but no usable GPU or driver" : "CPU natives on the classpath")
                  + "); see rocklstm-djl/README.md for the 'cuda' Maven profile, or use cpu or auto");
        }
        if (device.index() >= gpus) {
          throw new IllegalArgumentException(
              "device " + device + " requested, but the PyTorch engine sees " + gpus + " GPU(s): gpu0..gpu"
                  + (gpus - 1));
        }
        return ai.djl.Device.gpu(device.index());
    }
  }

  /** The rocklstm form of a DJL device. */
  static Device fromDjl(ai.djl.Device device) {
    return device.isGpu() ? Device.gpu(device.getDeviceId()) : Device.cpu();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
