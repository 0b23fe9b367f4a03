package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import java.util.Locale;

/**
 * Where a model computes: the CPU, one GPU by index, or {@code auto} (the first GPU the backend can use, else the
 * CPU).
 *
 * <p>A value type: {@code Device.parse("gpu0").equals(Device.gpu(0))}. Its text form, {@link #toString()}, is
 * {@code cpu}, {@code gpu0}, {@code gpu1}, ... or {@code auto}, which is also what {@link #parse(String)} reads. A
 * model always reports a concrete device ({@code cpu} or {@code gpuN}), never {@code auto}.
 *
 * @param type CPU, GPU or AUTO
 * @param index the GPU index (0 for the first GPU); 0 for CPU and AUTO
 */
public record Device(Type type, int index) {

  /** The kind of device. */
  public enum Type {
    /** The host processor. */
    CPU,
    /** A GPU, chosen by {@link Device#index()}. */
    GPU,
    /** The first GPU the backend can use, else the CPU. */
    AUTO
  }

  private static final Device CPU = new Device(Type.CPU, 0);
  private static final Device AUTO = new Device(Type.AUTO, 0);

  /** Checks the index: non-negative for a GPU, 0 otherwise. */
  public Device {
    Preconditions.checkNotNull(type, "type");
    Preconditions.checkArgument(
        type == Type.GPU ? index >= 0 : index == 0,
        "device index must be >= 0 for a GPU and 0 for %s, got %s",
        type,
        index);
  }

  /** The CPU. */
  public static Device cpu() {
    return CPU;
  }

  /** The GPU with index {@code index} (0 is the first). */
  public static Device gpu(int index) {
    Preconditions.checkArgument(index >= 0, "GPU index must be >= 0, got %s", index);
    return new Device(Type.GPU, index);
  }

  /** The first GPU the backend can use, falling back to the CPU. */
  public static Device auto() {
    return AUTO;
  }

  /** Whether this is a GPU. */
  public boolean isGpu() {
    return type == Type.GPU;
  }

  /**
   * Reads {@code cpu}, {@code auto}, {@code gpu} (same as {@code gpu0}) or {@code gpuN}; case is ignored.
   *
   * @throws IllegalArgumentException naming the text and the valid forms
   */
  public static Device parse(String text) {
    Preconditions.checkNotNull(text, "text");
    String lower = text.trim().toLowerCase(Locale.ROOT);
    if (lower.equals("cpu")) {
      return CPU;
    }
    if (lower.equals("auto")) {
      return AUTO;
    }
    if (lower.startsWith("gpu")) {
      String digits = lower.substring(3);
      if (digits.isEmpty()) {
        return gpu(0);
      }
      if (digits.length() <= 4 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return gpu(Integer.parseInt(digits));
      }
    }
    throw new IllegalArgumentException(
        "unknown device '" + text + "': expected cpu, auto, gpu or gpuN with N = 0, 1, ... (e.g. gpu0)");
  }

  /** {@code cpu}, {@code gpuN} or {@code auto}. */
  @Override
  public String toString() {
    switch (type) {
      case CPU:
        return "cpu";
      case GPU:
        return "gpu" + index;
      default:
        return "auto";
    }
  }
}
