package io.github.rocklstm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

  @TempDir Path folder;

  private final ModelSpec spec = new ModelSpec(9, 3, 2, 4, 0.25);

  private SavedModel trainedModel(long seed) {
    TrainingConfig config = TrainingConfig.builder().maxEpochs(3).seed(seed).build();
    List<EpochEvent> epochs =
        List.of(
            new EpochEvent(1, 10, 2.5, 2.4, 0.002, true, 1234.5, Duration.ofMillis(1500)),
            new EpochEvent(2, 10, 2.0, Double.NaN, 0.00194, false, 1300, Duration.ofMillis(1400)));
    TrainingSummary summary = new TrainingSummary(config, epochs, 20, 1, 2.4, 1, true, Duration.ofMillis(2900));
    Map<String, FloatTensor> moments = ParameterLayout.initialize(spec, seed + 1);
    OptimizerState optimizer = new OptimizerState(20, moments, ParameterLayout.initialize(spec, seed + 2));
    return new SavedModel(
        "test",
        spec,
        ParameterLayout.initialize(spec, seed),
        Optional.of(optimizer),
        Optional.of(summary),
        Map.of("tokenizer", Map.of("level", "triads", "vocabulary", List.of("<pad>", "I", "IV"))));
  }

  @Test
  void roundTripsEverything() {
    SavedModel model = trainedModel(1);
    Path directory = folder.resolve("model");
    ModelDirectory.write(directory, model);
    SavedModel read = ModelDirectory.read(directory);
    assertEquals(model.backend(), read.backend());
    assertEquals(model.spec(), read.spec());
    assertEquals(model.weights(), read.weights());
    assertEquals(model.optimizer().get().step(), read.optimizer().get().step());
    assertEquals(model.optimizer().get().firstMoment(), read.optimizer().get().firstMoment());
    assertEquals(model.optimizer().get().secondMoment(), read.optimizer().get().secondMoment());
    assertEquals(model.training(), read.training());
    assertEquals(model.metadata(), read.metadata());
    assertTrue(Double.isNaN(read.training().get().epochs().get(1).validationLoss()));
  }

  @Test
  void untrainedModelHasNoOptimizerFile() throws Exception {
    SavedModel fresh =
        new SavedModel("test", spec, ParameterLayout.initialize(spec, 3), Optional.empty(), Optional.empty(), Map.of());
    Path directory = folder.resolve("fresh");
    ModelDirectory.write(directory, fresh);
    assertEquals(2, files(directory).size(), files(directory).toString());
    SavedModel read = ModelDirectory.read(directory);
    assertTrue(read.optimizer().isEmpty());
    assertTrue(read.training().isEmpty());
    assertEquals(fresh.weights(), read.weights());
  }

  @Test
  void modelJsonRecordsFormatChecksumsAndLayout() throws Exception {
    Path directory = folder.resolve("model");
    ModelDirectory.write(directory, trainedModel(1));
    Map<String, Object> json = Json.parseObject(Files.readString(directory.resolve("model.json")));
    assertEquals("rocklstm-model", json.get("format"));
    assertEquals(1L, json.get("formatVersion"));
    Map<String, Object> weights = Json.getObject(json, "weights");
    assertEquals("pytorch-lstm-ifgo", weights.get("layout"));
    String file = (String) weights.get("file");
    assertTrue(file.matches("weights-[0-9a-f]{16}\\.bin"), file);
    assertEquals(Files.size(directory.resolve(file)), weights.get("bytes"));
    assertTrue(((String) weights.get("sha256")).startsWith(file.substring(8, 24)));
    assertEquals(20L, Json.getObject(json, "optimizer").get("step"));
    assertEquals(
        List.of("model.json", file, (String) Json.getObject(json, "optimizer").get("file")).stream().sorted()
            .collect(Collectors.toList()),
        files(directory));
  }

  @Test
  void resavingReplacesFilesAndLeavesNoStaleOnes() throws Exception {
    Path directory = folder.resolve("model");
    ModelDirectory.write(directory, trainedModel(1));
    List<String> first = files(directory);
    ModelDirectory.write(directory, trainedModel(2));
    List<String> second = files(directory);
    assertEquals(3, second.size());
    assertFalse(
        second.stream().anyMatch(name -> !name.equals("model.json") && first.contains(name)), second.toString());
    assertEquals(trainedModel(2).weights(), ModelDirectory.read(directory).weights());
  }

  @Test
  void aSaveInterruptedBeforeModelJsonLeavesThePreviousModelReadable() throws Exception {
    Path directory = folder.resolve("model");
    ModelDirectory.write(directory, trainedModel(1));
    // What a kill after the new tensor files were written but before model.json was replaced leaves behind:
    Files.write(directory.resolve("weights-0123456789abcdef.bin"), new byte[] {1, 2, 3});
    Files.write(directory.resolve(".model.json12345.tmp"), new byte[] {'{'});
    assertEquals(trainedModel(1).weights(), ModelDirectory.read(directory).weights());
    ModelDirectory.write(directory, trainedModel(2));
    assertEquals(3, files(directory).size(), "stale files are cleaned up by the next save: " + files(directory));
  }

  @Test
  void damageIsReportedClearly() throws Exception {
    Path directory = folder.resolve("model");
    ModelDirectory.write(directory, trainedModel(1));
    Map<String, Object> json = Json.parseObject(Files.readString(directory.resolve("model.json")));
    Path weights = directory.resolve((String) Json.getObject(json, "weights").get("file"));
    byte[] original = Files.readAllBytes(weights);

    byte[] flipped = original.clone();
    flipped[flipped.length / 2] ^= 0x01;
    Files.write(weights, flipped);
    assertReadFails(directory, "fails its checksum");

    Files.write(weights, Arrays.copyOf(original, original.length - 4));
    assertReadFails(directory, "(truncated)");

    Files.delete(weights);
    assertReadFails(directory, "which is missing");
    Files.write(weights, original);

    String text = Files.readString(directory.resolve("model.json"));
    Files.writeString(directory.resolve("model.json"), text.replace("\"formatVersion\": 1", "\"formatVersion\": 99"));
    assertReadFails(directory, "format version 99");
    Files.writeString(directory.resolve("model.json"), text.replace("\"layers\": 2", "\"layers\": 3"));
    assertReadFails(directory, "lacks tensor 'lstm.2.weight_ih'");
    Files.writeString(directory.resolve("model.json"), text.substring(0, text.length() / 2));
    assertReadFails(directory, "not valid JSON");
    Files.writeString(directory.resolve("model.json"), text.replace("\"dropout\": 0.25", "\"dropout\": 2.0"));
    assertReadFails(directory, "dropout must be in [0, 1)");
    Files.delete(directory.resolve("model.json"));
    assertReadFails(directory, "not a rocklstm model directory");
    assertReadFails(folder.resolve("nowhere"), "does not exist");
  }

  @Test
  void refusesToOverwriteForeignDirectoriesAndFiles() throws Exception {
    Path foreign = Files.createDirectories(folder.resolve("photos"));
    Files.writeString(foreign.resolve("holiday.jpg"), "not a model");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelDirectory.write(foreign, trainedModel(1)));
    assertTrue(e.getMessage().contains("refusing"), e.getMessage());
    Path file = Files.writeString(folder.resolve("file"), "x");
    assertThrows(IllegalArgumentException.class, () -> ModelDirectory.write(file, trainedModel(1)));
  }

  private void assertReadFails(Path directory, String text) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelDirectory.read(directory));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  private static List<String> files(Path directory) throws Exception {
    try (Stream<Path> list = Files.list(directory)) {
      return list.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }
}
