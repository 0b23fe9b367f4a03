package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import com.google.common.hash.Hashing;
import com.google.common.hash.HashingOutputStream;
import com.google.common.io.ByteStreams;
import io.github.rocklstm.io.AtomicFiles;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float32 tensors in one backend-neutral binary file: how weights ({@code weights-*.bin}) and optimiser
 * state ({@code optimizer-*.bin}) are stored in a model directory.
 *
 * <p>Layout, all integers and floats little-endian:
 * <pre>
 *   8 bytes   magic, ASCII "RLSTMTNS"
 *   int32     format version, 1
 *   int32     tensor count N
 *   N times:
 *     int32     name length in bytes, then the name in UTF-8 (e.g. "lstm.0.weight_ih")
 *     int32     rank R (0 to 8), then R int32 dimensions
 *     float32   the values in row-major (C) order, product-of-dimensions of them
 * </pre>
 * There is no padding and nothing after the last tensor. Tensor order is kept. Reading checks every length
 * against the bytes left, so a truncated file gives a {@link ModelFileException} naming the tensor that is cut
 * off. Writing is atomic (temporary file, then move).
 */
public final class TensorFile {

  /** The first eight bytes of every tensor file. */
  public static final String MAGIC = "RLSTMTNS";

  /** The version written in the header. */
  public static final int VERSION = 1;

  private static final int MAX_RANK = 8;
  private static final int MAX_NAME_BYTES = 1024;

  private TensorFile() {}

  /**
   * Writes the tensors to {@code file} atomically.
   *
   * @return the SHA-256 of the file's bytes, lower-case hex
   * @throws UncheckedIOException if writing fails
   */
  public static String write(Path file, Map<String, FloatTensor> tensors) {
    Preconditions.checkNotNull(file, "file");
    Preconditions.checkNotNull(tensors, "tensors");
    String[] hash = new String[1];
    try {
      AtomicFiles.write(
          file,
          out -> {
            HashingOutputStream hashing = new HashingOutputStream(Hashing.sha256(), out);
            writeTo(hashing, tensors);
            hashing.flush();
            hash[0] = hashing.hash().toString();
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write tensor file " + file + ": " + e.getMessage(), e);
    }
    return hash[0];
  }

  /** Writes the tensors in the tensor-file layout to {@code out} (which is not closed). */
  public static void writeTo(OutputStream out, Map<String, FloatTensor> tensors) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(VERSION).putInt(tensors.size());
    data.write(header.array());
    ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
      byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
      Preconditions.checkArgument(
          name.length > 0 && name.length <= MAX_NAME_BYTES, "tensor name '%s' must be 1..%s bytes", entry.getKey(),
          MAX_NAME_BYTES);
      FloatTensor tensor = entry.getValue();
      Preconditions.checkArgument(tensor.rank() <= MAX_RANK, "tensor '%s' has rank > %s", entry.getKey(), MAX_RANK);
      ByteBuffer meta = ByteBuffer.allocate(8 + name.length + 4 * tensor.rank()).order(ByteOrder.LITTLE_ENDIAN);
      meta.putInt(name.length).put(name).putInt(tensor.rank());
      for (int dimension : tensor.shape()) {
        meta.putInt(dimension);
      }
      data.write(meta.array());
      java.nio.FloatBuffer values = tensor.asBuffer();
      while (values.hasRemaining()) {
        chunk.clear();
        while (chunk.remaining() >= Float.BYTES && values.hasRemaining()) {
          chunk.putFloat(values.get());
        }
        data.write(chunk.array(), 0, chunk.position());
      }
    }
    data.flush();
  }

  /**
   * Reads every tensor of {@code file}, in file order.
   *
   * @throws ModelFileException if the file is missing, truncated, has trailing bytes or is not a tensor file
   */
  public static Map<String, FloatTensor> read(Path file) {
    Preconditions.checkNotNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ModelFileException("tensor file " + file + " does not exist");
    } catch (IOException e) {
      throw new ModelFileException("cannot read tensor file " + file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Reads tensors from a stream holding a whole tensor file; {@code source} names it in error messages. */
  public static Map<String, FloatTensor> read(InputStream in, String source) throws IOException {
    return parse(ByteStreams.toByteArray(in), source);
  }

  private static Map<String, FloatTensor> parse(byte[] bytes, String source) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length < magic.length + 8
        || !Arrays.equals(Arrays.copyOf(bytes, magic.length), magic)) {
      throw new ModelFileException(
          source + " is not a rocklstm tensor file (it should start with \"" + MAGIC + "\" and a header; it has "
              + bytes.length + " bytes)");
    }
    buffer.position(magic.length);
    int version = buffer.getInt();
    if (version != VERSION) {
      throw new ModelFileException(
          source + " has tensor-file version " + version + "; this rocklstm reads version " + VERSION);
    }
    int count = buffer.getInt();
    if (count < 0) {
      throw new ModelFileException(source + " declares a negative tensor count " + count);
    }
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    String name = null;
    try {
      for (int i = 0; i < count; i++) {
        name = "#" + i;
        int nameLength = buffer.getInt();
        if (nameLength <= 0 || nameLength > MAX_NAME_BYTES || nameLength > buffer.remaining()) {
          throw new ModelFileException(
              source + ": tensor " + name + " has a name length of " + nameLength + " bytes, which is invalid or "
                  + "runs past the end of the file (truncated or damaged)");
        }
        byte[] nameBytes = new byte[nameLength];
        buffer.get(nameBytes);
        name = "'" + new String(nameBytes, StandardCharsets.UTF_8) + "'";
        int rank = buffer.getInt();
        if (rank < 0 || rank > MAX_RANK) {
          throw new ModelFileException(source + ": tensor " + name + " has rank " + rank + " (0.." + MAX_RANK + ")");
        }
        int[] shape = new int[rank];
        long size = 1;
        for (int axis = 0; axis < rank; axis++) {
          shape[axis] = buffer.getInt();
          if (shape[axis] < 0) {
            throw new ModelFileException(source + ": tensor " + name + " has a negative dimension");
          }
          size *= shape[axis];
          if (size > Integer.MAX_VALUE) {
            throw new ModelFileException(source + ": tensor " + name + " is too large");
          }
        }
        if (size * Float.BYTES > buffer.remaining()) {
          throw new ModelFileException(
              source + " is truncated: tensor " + name + " " + Arrays.toString(shape) + " needs " + size * Float.BYTES
                  + " bytes of values but only " + buffer.remaining() + " remain");
        }
        float[] values = new float[(int) size];
        buffer.asFloatBuffer().get(values);
        buffer.position(buffer.position() + values.length * Float.BYTES);
        String key = name.substring(1, name.length() - 1);
        if (tensors.put(key, FloatTensor.wrap(values, shape)) != null) {
          throw new ModelFileException(source + " holds tensor " + name + " twice");
        }
      }
    } catch (BufferUnderflowException e) {
      throw new ModelFileException(
          source + " is truncated: it ends inside the header of tensor " + name + " (" + count + " declared)");
    }
    if (buffer.hasRemaining()) {
      throw new ModelFileException(
          source + " has " + buffer.remaining() + " unexpected bytes after its " + count + " tensors (damaged?)");
    }
    return Collections.unmodifiableMap(tensors);
  }
}
