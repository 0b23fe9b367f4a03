package io.github.rocklstm.dl4j;

import io.github.rocklstm.model.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to ND4J: availability without loading natives, which ND4J backend runs, device mapping.
 *
 * <p>Nothing here loads native code until {@link #backendName()} (or anything after it) is called.
 */
final class Nd4jRuntime {

  /** ND4J's CPU backend class, in {@code org.nd4j:nd4j-native}. */
  static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

  /** ND4J's CUDA backend class, in {@code org.nd4j:nd4j-cuda-11.6} (the {@code cuda} Maven profile). */
  static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

  /** The ND4J release this module is built and tested against. */
  static final String ND4J_VERSION = "1.0.0-M2.1";

  /**
   * System property: threads of OpenBLAS, which computes ND4J's matrix products (default: {@code OMP_NUM_THREADS} if
   * set, else the number of processors the JVM sees). Read once, when ND4J's natives load.
   */
  static final String THREADS_PROPERTY = "rocklstm.dl4j.threads";

  /**
   * System property: threads libnd4j may split one element-wise, broadcast or reduction operation over (default 1).
   * Read once, when ND4J's natives load.
   *
   * <p>Why 1: an LSTM step is many small operations (a few thousand floats each). libnd4j splits every operation over
   * 1,024 elements across its threads and every reduction along a dimension regardless of size, and the hand-off
   * costs more than the work: with 2 threads on 2 idle cores training ran 2 to 4 times slower than with 1, and on a
   * busy machine the CPU time per token grew about 5 times (2x256: 552 against 2,722 tokens per CPU-second). The
   * matrix products, where nearly all the arithmetic is, still use {@link #THREADS_PROPERTY} threads.
   */
  static final String OP_THREADS_PROPERTY = "rocklstm.dl4j.op_threads";

  private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);

  private Nd4jRuntime() {}

  /** The JavaCPP platform name of this machine, e.g. {@code linux-x86_64}. */
  static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String osName = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : "linux";
    String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
        : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
    return osName + "-" + archName;
  }

  /**
   * Why ND4J cannot start here, or the empty string when its classes and a native backend jar for this platform are
   * present. Looks up class files and one library as resources: loads no ND4J class and no native code.
   */
  static String unavailableReason() {
    ClassLoader loader = Nd4jRuntime.class.getClassLoader();
    if (!classPresent(loader, "org.nd4j.linalg.factory.Nd4j")) {
      return "ND4J is missing: add org.nd4j:nd4j-native (" + ND4J_VERSION + ")";
    }
    boolean cpu = classPresent(loader, CPU_BACKEND_CLASS);
    boolean cuda = classPresent(loader, CUDA_BACKEND_CLASS);
    if (!cpu && !cuda) {
      return "no ND4J backend is on the classpath: add org.nd4j:nd4j-native (" + ND4J_VERSION + ") and its "
          + platform() + " classifier jar";
    }
    if (cpu && !cuda) {
      String library = "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform() + "/";
      if (loader.getResource(library + "libjnind4jcpu.so") == null
          && loader.getResource(library + "libjnind4jcpu.dylib") == null
          && loader.getResource(library + "jnind4jcpu.dll") == null) {
        return "the ND4J native library for " + platform() + " is missing: add org.nd4j:nd4j-native:" + ND4J_VERSION
            + " with <classifier>" + platform() + "</classifier>";
      }
    }
    return "";
  }

  private static boolean classPresent(ClassLoader loader, String name) {
    return loader.getResource(name.replace('.', '/') + ".class") != null;
  }

  /**
   * Loads ND4J's natives (once per JVM) and returns the backend it chose, {@code CPU} or {@code CUDA}.
   *
   * @throws IllegalStateException naming what is missing when ND4J cannot start
   */
  static String backendName() {
    String problem = unavailableReason();
    if (!problem.isEmpty()) {
      throw new IllegalStateException("the dl4j backend cannot start: " + problem);
    }
    blasThreadsSetting();
    opThreadsSetting();
    try {
      return ThreadPolicy.BACKEND_NAME;
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "ND4J failed to load its native library (" + rootMessage(e) + "); rocklstm-dl4j needs "
              + "org.nd4j:nd4j-native:" + ND4J_VERSION + " and its " + platform() + " classifier jar on the classpath "
              + "(not the module path) and off-heap room: -Dorg.bytedeco.javacpp.maxbytes / maxphysicalbytes",
          e);
    }
  }

  /** Whether ND4J runs its CUDA backend (then every array lives on a GPU and the CPU is not a device). */
  static boolean isCuda() {
    return backendName().equals("CUDA");
  }

  /** The GPUs ND4J's CUDA backend sees; 0 on the CPU backend. */
  static int gpuCount() {
    return isCuda() ? Nd4j.getAffinityManager().getNumberOfDevices() : 0;
  }

  /** {@code cpu} on ND4J's CPU backend; {@code gpu0..gpuN-1} on its CUDA backend. */
  static List<Device> devices() {
    List<Device> devices = new ArrayList<>();
    if (!isCuda()) {
      devices.add(Device.cpu());
    }
    for (int i = 0; i < gpuCount(); i++) {
      devices.add(Device.gpu(i));
    }
    return devices;
  }

  /**
   * Resolves {@code auto} and checks that ND4J can compute on {@code device}.
   *
   * @throws IllegalArgumentException for a device the running ND4J backend cannot use, saying why
   */
  static Device resolve(Device device) {
    boolean cuda = isCuda();
    int gpus = gpuCount();
    switch (device.type()) {
      case AUTO:
        if (cuda) {
          return Device.gpu(0);
        }
        LOG.info("device auto: ND4J runs its CPU backend (nd4j-native), using the CPU");
        return Device.cpu();
      case CPU:
        if (cuda) {
          throw new IllegalArgumentException(
              "device cpu requested, but this rocklstm-dl4j build runs ND4J's CUDA backend (the 'cuda' Maven "
                  + "profile), which computes on GPUs only: use gpu0..gpu" + (gpus - 1) + " or auto");
        }
        return device;
      default:
        if (!cuda) {
          throw new IllegalArgumentException(
              "device " + device + " requested, but ND4J runs its CPU backend (nd4j-native " + ND4J_VERSION + "), so "
                  + "the dl4j backend sees no GPU; a GPU needs the 'cuda' Maven profile of rocklstm-dl4j "
                  + "(nd4j-cuda-11.6, which cannot run on Hopper GPUs or newer), see rocklstm-dl4j/README.md; "
                  + "use cpu or auto");
        }
        if (device.index() >= gpus) {
          throw new IllegalArgumentException(
              "device " + device + " requested, but ND4J's CUDA backend sees " + gpus + " GPU(s): gpu0..gpu"
                  + (gpus - 1));
        }
        return device;
    }
  }

  /**
   * Makes the calling thread compute on {@code device}: ND4J's CUDA backend binds devices to threads. Nothing to do
   * on the CPU backend.
   */
  static void bindThread(Device device) {
    if (device.isGpu()) {
      Nd4j.getAffinityManager().unsafeSetDevice(device.index());
    }
  }

  /** The threads applied when ND4J loaded, as {@code "blas=N, ops=M"} (for logs and tests). */
  static String threadSummary() {
    backendName();
    return "blas=" + Nd4j.factory().blas().getMaxThreads() + ", ops=" + Nd4j.getEnvironment().maxThreads();
  }

  /** The OpenBLAS threads asked for: {@link #THREADS_PROPERTY}, else {@code OMP_NUM_THREADS}, else the processors. */
  static int blasThreadsSetting() {
    return positiveSetting(THREADS_PROPERTY, System.getProperty(THREADS_PROPERTY),
        positiveSetting("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"),
            Runtime.getRuntime().availableProcessors()));
  }

  /** The libnd4j threads per operation asked for: {@link #OP_THREADS_PROPERTY}, else 1. */
  static int opThreadsSetting() {
    return positiveSetting(OP_THREADS_PROPERTY, System.getProperty(OP_THREADS_PROPERTY), 1);
  }

  /** Positive integer value of a system property or environment variable, or {@code fallback} when unset. */
  static int positiveSetting(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number >= 1, got '" + value + "'");
  }

  /**
   * Loads ND4J's natives and sets their threads, once per JVM (the initialisation-on-demand holder idiom: the JVM runs
   * this class's initialiser once, on first use, under its class-initialisation lock).
   */
  private static final class ThreadPolicy {

    static final String BACKEND_NAME = load();

    private static String load() {
      String name = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "CPU")
          .toUpperCase(Locale.ROOT);
      int blasThreads = blasThreadsSetting();
      int opThreads = opThreadsSetting();
      if (name.equals("CPU")) {
        Nd4j.getEnvironment().setMaxThreads(opThreads);
        Nd4j.getEnvironment().setMaxMasterThreads(opThreads);
        Nd4j.factory().blas().setMaxThreads(blasThreads);
        LOG.debug("ND4J CPU threads: {} for matrix products (OpenBLAS), {} per element-wise operation (libnd4j)",
            blasThreads, opThreads);
      }
      return name;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
