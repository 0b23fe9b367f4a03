package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFileTest {

  @TempDir Path folder;

  @Test
  void writesTheDocumentedBytes() throws Exception {
    Path file = folder.resolve("a.bin");
    String sha = TensorFile.write(file, Map.of("a", FloatTensor.of(new float[] {1.0f, -2.0f}, 2)));
    byte[] expected = {
      'R', 'L', 'S', 'T', 'M', 'T', 'N', 'S', // magic
      1, 0, 0, 0, // version
      1, 0, 0, 0, // one tensor
      1, 0, 0, 0, 'a', // name
      1, 0, 0, 0, 2, 0, 0, 0, // rank 1, [2]
      0, 0, (byte) 0x80, 0x3F, // 1.0f
      0, 0, 0, (byte) 0xC0 // -2.0f
    };
    byte[] actual = Files.readAllBytes(file);
    assertArrayEquals(expected, actual);
    assertEquals(Hashing.sha256().hashBytes(expected).toString(), sha);
    assertEquals(List.of("a.bin"), listFolder());
  }

  @Test
  void roundTripsShapesOrderAndValues() {
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    tensors.put("z.last.first", FloatTensor.of(new float[] {Float.MIN_VALUE, -0.0f, 3.4e38f, 1e-30f, 5, 6}, 2, 3));
    tensors.put("scalar", FloatTensor.of(new float[] {42}));
    tensors.put("empty", FloatTensor.zeros(0, 4));
    tensors.put("név", FloatTensor.zeros(1, 1, 1));
    Path file = folder.resolve("t.bin");
    TensorFile.write(file, tensors);
    Map<String, FloatTensor> read = TensorFile.read(file);
    assertEquals(List.copyOf(tensors.keySet()), List.copyOf(read.keySet()));
    assertEquals(tensors, read);
    assertArrayEquals(new int[] {2, 3}, read.get("z.last.first").shape());
    assertEquals(0, read.get("scalar").rank());
  }

  @Test
  void truncatedFileNamesTheTensorCutOff() throws Exception {
    Path file = folder.resolve("t.bin");
    Map<String, FloatTensor> tensors = new LinkedHashMap<>();
    tensors.put("first", FloatTensor.zeros(3));
    tensors.put("second", FloatTensor.zeros(4, 4));
    TensorFile.write(file, tensors);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
    ModelFileException e = assertThrows(ModelFileException.class, () -> TensorFile.read(file));
    assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("'second'"), e.getMessage());
    Files.write(file, Arrays.copyOf(bytes, 30));
    e = assertThrows(ModelFileException.class, () -> TensorFile.read(file));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsTrailingBytesWrongMagicAndMissingFile() throws Exception {
    Path file = folder.resolve("t.bin");
    TensorFile.write(file, Map.of("x", FloatTensor.zeros(2)));
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));
    ModelFileException e = assertThrows(ModelFileException.class, () -> TensorFile.read(file));
    assertTrue(e.getMessage().contains("3 unexpected bytes"), e.getMessage());
    Files.writeString(file, "{\"not\": \"tensors\"}");
    e = assertThrows(ModelFileException.class, () -> TensorFile.read(file));
    assertTrue(e.getMessage().contains("not a rocklstm tensor file"), e.getMessage());
    e = assertThrows(ModelFileException.class, () -> TensorFile.read(folder.resolve("missing.bin")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  private List<String> listFolder() throws Exception {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList());
    }
  }
}
