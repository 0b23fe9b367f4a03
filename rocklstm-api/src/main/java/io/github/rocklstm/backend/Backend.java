package io.github.rocklstm.backend;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import java.nio.file.Path;
import java.util.List;

/**
 * A deep-learning backend that creates and loads {@link SequenceModel}s: the service-provider interface that
 * {@code rocklstm-djl} and {@code rocklstm-dl4j} implement and register in
 * {@code META-INF/services/io.github.rocklstm.backend.Backend}. Find one with {@link Backends#get()}.
 *
 * <p>Discovery must stay cheap: the constructor, {@link #name()}, {@link #isAvailable()} and
 * {@link #unavailableReason()} never load native libraries. Natives load on the first {@link #devices()},
 * {@link #create} or {@link #load}, and a failure there is an {@link IllegalStateException} that says what is
 * missing. Models from every backend save the same model directory format, so {@link #load} reads models saved by
 * any backend.
 */
public interface Backend {

  /** The short name used to pick this backend: {@code djl} or {@code dl4j}. */
  String name();

  /** Whether the backend's classes and native-library jars are on the classpath (cheap: loads no natives). */
  boolean isAvailable();

  /** Why {@link #isAvailable()} is false, naming what to add; empty when available. */
  default String unavailableReason() {
    return isAvailable() ? "" : "its native libraries are not on the classpath";
  }

  /** The devices this backend can compute on here: always {@code cpu}, then every usable GPU. Loads natives. */
  List<Device> devices();

  /**
   * A new untrained model with weights drawn by {@link io.github.rocklstm.model.ParameterLayout#initialize} from
   * {@code seed}, so the same spec and seed give the same initial weights in every backend.
   *
   * @param device {@code cpu}, {@code gpuN}, or {@code auto} (first GPU if any, else CPU)
   * @throws IllegalArgumentException if the device is a GPU this backend cannot use here, saying why
   */
  SequenceModel create(ModelSpec spec, Device device, long seed);

  /** {@link #create(ModelSpec, Device, long)} with seed 0. */
  default SequenceModel create(ModelSpec spec, Device device) {
    return create(spec, device, 0L);
  }

  /**
   * Loads a model directory saved by any backend ({@link io.github.rocklstm.model.ModelDirectory}).
   *
   * @throws io.github.rocklstm.model.ModelFileException if the directory is missing, damaged or of an unknown
   *     format version
   * @throws IllegalArgumentException if the device is a GPU this backend cannot use here
   */
  SequenceModel load(Path directory, Device device);
}
