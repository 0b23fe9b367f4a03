package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic file writes for the render package: the content goes to a temporary file in the target's folder, which
 * is then moved over the target (atomically where the file system can). A failure while writing leaves the target
 * as it was and removes the temporary file, so nothing is lost and no half-written file appears.
 *
 * <p>Package-private stand-in until the model package's {@code AtomicFiles} reaches main; the two are meant to be
 * folded into one.
 */
final class AtomicFiles {

  /** Writes the content of a file to a stream; the stream is closed by the caller. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file} atomically, creating missing parent folders. */
  static void write(Path file, Content content) throws IOException {
    Preconditions.checkNotNull(file, "file");
    Preconditions.checkNotNull(content, "content");
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code file} atomically. */
  static void writeString(Path file, String text) throws IOException {
    Preconditions.checkNotNull(text, "text");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(file, out -> out.write(bytes));
  }
}
