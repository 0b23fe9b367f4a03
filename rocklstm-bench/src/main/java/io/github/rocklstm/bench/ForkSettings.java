package io.github.rocklstm.bench;

/**
 * JVM options of every benchmark fork (each benchmark class lists them in {@code @Fork(jvmArgsAppend = ...)}).
 * Environment variables cannot be set per fork: start JMH with {@code OMP_NUM_THREADS} set to the thread count (see
 * {@link BackendThreads}).
 */
public final class ForkSettings {

  /** Heap of a fork; the backends' tensors live off-heap. */
  public static final String HEAP = "-Xmx2g";

  /** DJL never reaches for the network (a missing native jar fails at once). */
  public static final String DJL_OFFLINE = "-Dai.djl.offline=true";

  /** One inter-op thread for PyTorch (the intra-op count is the {@code threads} parameter). */
  public static final String DJL_INTEROP_THREADS = "-Dai.djl.pytorch.num_interop_threads=1";

  /** Quiet ND4J start-up. */
  public static final String ND4J_QUIET = "-Dorg.nd4j.log.initialization=false";

  /** ND4J's off-heap limit. */
  public static final String JAVACPP_MAX_BYTES = "-Dorg.bytedeco.javacpp.maxbytes=4g";

  /** ND4J's limit on the whole process's resident memory, above heap plus off-heap. */
  public static final String JAVACPP_MAX_PHYSICAL_BYTES = "-Dorg.bytedeco.javacpp.maxphysicalbytes=8g";

  private ForkSettings() {}
}
