package io.github.rocklstm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path temp;

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.sorted().toList();
    }
  }

  @Test
  void writesAndReplaces() throws IOException {
    Path file = temp.resolve("a.txt");
    AtomicFiles.writeString(file, "first");
    AtomicFiles.writeString(file, "second, longer");
    assertEquals("second, longer", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(file), listing());
  }

  @Test
  void aFailureKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = temp.resolve("b.txt");
    AtomicFiles.writeString(file, "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(file));
    assertEquals(List.of(file), listing());
  }

  @Test
  void createsMissingFolders() throws IOException {
    Path file = temp.resolve("x/y/c.txt");
    AtomicFiles.writeString(file, "deep");
    assertEquals("deep", Files.readString(file));
  }
}
