package io.github.rocklstm.io;

import com.google.common.base.Preconditions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that nothing is lost on failure: the content goes to a temporary file in the target's folder, is
 * flushed to disk, and is then moved over the target (atomically where the file system can). Readers see the old
 * file or the complete new one, never a part; a failure while writing leaves the target as it was and removes the
 * temporary file. Model files, MIDI, WAV, MusicXML, charts and reports are all written this way.
 */
public final class AtomicFiles {

  /** Writes the content of a file to a stream; the stream is closed by {@link AtomicFiles}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file} atomically, creating missing parent folders. */
  public static void write(Path file, Content content) throws IOException {
    Preconditions.checkNotNull(file, "file");
    Preconditions.checkNotNull(content, "content");
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    Files.createDirectories(folder);
    // Not Files.createTempFile: that makes the file readable by its owner only, and the result should get the
    // ordinary permissions (the umask's) like any other file the user writes.
    Path temporary = folder.resolve("." + target.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code file} atomically. */
  public static void writeString(Path file, String text) throws IOException {
    Preconditions.checkNotNull(text, "text");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    write(file, out -> out.write(bytes));
  }
}
