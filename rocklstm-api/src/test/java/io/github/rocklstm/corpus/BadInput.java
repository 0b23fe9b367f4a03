package io.github.rocklstm.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes the malformed files every reader is tested with. */
final class BadInput {

  private BadInput() {}

  /** Writes {@code text} (with {@code \n} line ends) to {@code file}, creating folders. */
  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The same text with CRLF line ends. */
  static Path writeCrlf(Path file, String text) throws IOException {
    return write(file, text.replace("\n", "\r\n"));
  }

  /** 4 KB of random bytes from a fixed seed. */
  static Path writeGarbage(Path file) throws IOException {
    byte[] bytes = new byte[4096];
    new Random(20240611L).nextBytes(bytes);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  /** The text cut after {@code keep} characters, as a download that stopped would leave it. */
  static String truncated(String text, int keep) {
    return text.substring(0, keep);
  }
}
