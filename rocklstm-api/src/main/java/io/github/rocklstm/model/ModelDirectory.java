package io.github.rocklstm.model;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.json.Json;
import io.github.rocklstm.json.JsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes a model directory, the backend-neutral on-disk form of a {@link SequenceModel}.
 *
 * <p>Layout:
 * <pre>
 *   model.json                      format and version, backend, spec, file names with sizes and SHA-256,
 *                                   Adam's step count, training history, the caller's metadata
 *   weights-&lt;sha256 prefix&gt;.bin     the weights, a {@link TensorFile} in the {@link ParameterLayout} layout
 *   optimizer-&lt;sha256 prefix&gt;.bin   Adam's moments, tensors "adam.m.NAME" and "adam.v.NAME" (trained models only)
 * </pre>
 * The tensor files are named after their content, and {@code model.json} names them. Saving writes the new tensor
 * files first, then replaces {@code model.json} with one atomic rename, then deletes files no longer named; a
 * crash or kill at any moment leaves a {@code model.json} whose files are all present and intact, either the
 * previous save or the new one.
 *
 * <p>Reading checks the format name and version, each file's size and SHA-256, and that every tensor matches the
 * spec; any problem is a {@link ModelFileException} saying which file and what is wrong.
 *
 * <p>{@code model.json} (format version 1) looks like:
 * <pre>
 * {
 *   "format": "rocklstm-model", "formatVersion": 1, "backend": "djl", "savedAt": "2025-01-31T12:00:00Z",
 *   "spec": {"vocabularySize": 120, "embeddingSize": 32, "layers": 2, "hiddenSize": 256, "dropout": 0.3},
 *   "weights": {"file": "weights-3fa2c1d0b2e49c77.bin", "bytes": 1234567, "sha256": "3fa2...",
 *               "layout": "pytorch-lstm-ifgo"},
 *   "optimizer": {"algorithm": "adam", "beta1": 0.9, "beta2": 0.999, "epsilon": 1.0E-8, "step": 900,
 *                 "file": "optimizer-...", "bytes": ..., "sha256": "..."},
 *   "training": {"config": {...}, "epochs": [{...}], "steps": 900, "bestEpoch": 7, ...},
 *   "metadata": {... the caller's object ...}
 * }
 * </pre>
 */
public final class ModelDirectory {

  /** The name of the description file. */
  public static final String MODEL_JSON = "model.json";

  /** The value of the {@code format} field. */
  public static final String FORMAT = "rocklstm-model";

  /** The format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The value of {@code weights.layout}: PyTorch's tensor layout and LSTM gate order i, f, g, o. */
  public static final String LAYOUT = "pytorch-lstm-ifgo";

  private static final String FIRST_MOMENT_PREFIX = "adam.m.";
  private static final String SECOND_MOMENT_PREFIX = "adam.v.";
  private static final Pattern DATA_FILE = Pattern.compile("(weights|optimizer)-[0-9a-f]{16}\\.bin");
  private static final Pattern TEMPORARY_FILE = Pattern.compile("\\..+\\.tmp");

  private ModelDirectory() {}

  /** Whether {@code directory} holds a {@code model.json}. */
  public static boolean isModelDirectory(Path directory) {
    return Files.isRegularFile(directory.resolve(MODEL_JSON));
  }

  /**
   * Saves {@code model} to {@code directory}, creating it if needed; atomic as described above.
   *
   * @throws IllegalArgumentException if {@code directory} is a file, or a non-empty folder without a model.json
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Path directory, SavedModel model) {
    Preconditions.checkNotNull(directory, "directory");
    Preconditions.checkNotNull(model, "model");
    try {
      if (Files.exists(directory)) {
        Preconditions.checkArgument(
            Files.isDirectory(directory), "cannot save a model to %s: it is a file, not a directory", directory);
        Preconditions.checkArgument(
            isModelDirectory(directory) || isEmpty(directory),
            "refusing to save a model to %s: the directory holds other files and no %s", directory, MODEL_JSON);
      } else {
        Files.createDirectories(directory);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("format", FORMAT);
      json.put("formatVersion", FORMAT_VERSION);
      json.put("backend", model.backend());
      json.put("savedAt", Instant.now().toString());
      json.put("spec", specToJson(model.spec()));
      Map<String, Object> weights = writeTensors(directory, "weights", model.weights());
      weights.put("layout", LAYOUT);
      json.put("weights", weights);
      if (model.optimizer().isPresent()) {
        OptimizerState state = model.optimizer().get();
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        state.firstMoment().forEach((name, tensor) -> tensors.put(FIRST_MOMENT_PREFIX + name, tensor));
        state.secondMoment().forEach((name, tensor) -> tensors.put(SECOND_MOMENT_PREFIX + name, tensor));
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("algorithm", "adam");
        optimizer.put("beta1", OptimizerState.BETA1);
        optimizer.put("beta2", OptimizerState.BETA2);
        optimizer.put("epsilon", OptimizerState.EPSILON);
        optimizer.put("step", state.step());
        optimizer.putAll(writeTensors(directory, "optimizer", tensors));
        json.put("optimizer", optimizer);
      }
      model.training().ifPresent(summary -> json.put("training", summaryToJson(summary)));
      json.put("metadata", model.metadata());
      String text = Json.writePretty(json) + "\n";
      AtomicFiles.write(directory.resolve(MODEL_JSON), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
      deleteUnreferenced(directory, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads and checks a model directory.
   *
   * @throws ModelFileException if anything is missing, damaged, of another format version or inconsistent
   */
  public static SavedModel read(Path directory) {
    Preconditions.checkNotNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new ModelFileException("model directory " + directory + " does not exist or is not a directory");
    }
    Path jsonFile = directory.resolve(MODEL_JSON);
    if (!Files.isRegularFile(jsonFile)) {
      throw new ModelFileException(
          directory + " holds no " + MODEL_JSON + ", so it is not a rocklstm model directory");
    }
    Map<String, Object> json;
    try {
      json = Json.parseObject(Files.readString(jsonFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + jsonFile + ": " + e.getMessage(), e);
    } catch (JsonException e) {
      throw new ModelFileException(jsonFile + " is not valid JSON: " + e.getMessage(), e);
    }
    try {
      String format = Json.get(json, "format", String.class);
      if (!format.equals(FORMAT)) {
        throw new ModelFileException(jsonFile + " has format '" + format + "', expected '" + FORMAT + "'");
      }
      int version = Json.get(json, "formatVersion", Integer.class);
      if (version != FORMAT_VERSION) {
        throw new ModelFileException(
            jsonFile + " has format version " + version + " but this rocklstm reads version " + FORMAT_VERSION
                + (version > FORMAT_VERSION ? ": upgrade rocklstm to load it" : ""));
      }
      String backend = Json.get(json, "backend", String.class);
      ModelSpec spec = specFromJson(Json.getObject(json, "spec"));
      Map<String, Object> weightsJson = Json.getObject(json, "weights");
      String layout = Json.get(weightsJson, "layout", String.class);
      if (!layout.equals(LAYOUT)) {
        throw new ModelFileException(jsonFile + " has weight layout '" + layout + "', expected '" + LAYOUT + "'");
      }
      Map<String, FloatTensor> weights = readTensors(directory, weightsJson);
      ParameterLayout.check(spec, weights, weightsJson.get("file") + " in " + directory);
      Optional<OptimizerState> optimizer = Optional.empty();
      if (json.containsKey("optimizer")) {
        Map<String, Object> optimizerJson = Json.getObject(json, "optimizer");
        String algorithm = Json.get(optimizerJson, "algorithm", String.class);
        if (!algorithm.equals("adam")) {
          throw new ModelFileException(jsonFile + " has optimizer '" + algorithm + "'; only 'adam' is supported");
        }
        Map<String, FloatTensor> tensors = readTensors(directory, optimizerJson);
        Map<String, FloatTensor> first = new LinkedHashMap<>();
        Map<String, FloatTensor> second = new LinkedHashMap<>();
        String source = optimizerJson.get("file") + " in " + directory;
        for (Map.Entry<String, FloatTensor> entry : tensors.entrySet()) {
          if (entry.getKey().startsWith(FIRST_MOMENT_PREFIX)) {
            first.put(entry.getKey().substring(FIRST_MOMENT_PREFIX.length()), entry.getValue());
          } else if (entry.getKey().startsWith(SECOND_MOMENT_PREFIX)) {
            second.put(entry.getKey().substring(SECOND_MOMENT_PREFIX.length()), entry.getValue());
          } else {
            throw new ModelFileException(source + " holds unexpected tensor '" + entry.getKey() + "'");
          }
        }
        ParameterLayout.check(spec, first, source + " (first moments)");
        ParameterLayout.check(spec, second, source + " (second moments)");
        optimizer = Optional.of(new OptimizerState(Json.get(optimizerJson, "step", Long.class), first, second));
      }
      Optional<TrainingSummary> training =
          json.containsKey("training")
              ? Optional.of(summaryFromJson(Json.getObject(json, "training")))
              : Optional.empty();
      Map<String, Object> metadata = json.containsKey("metadata") ? Json.getObject(json, "metadata") : Map.of();
      return new SavedModel(backend, spec, weights, optimizer, training, metadata);
    } catch (IllegalArgumentException e) { // JsonException included
      throw new ModelFileException(jsonFile + " is inconsistent: " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      return !entries.iterator().hasNext();
    }
  }

  private static Map<String, Object> writeTensors(Path directory, String kind, Map<String, FloatTensor> tensors)
      throws IOException {
    Path temporary = Files.createTempFile(directory, "." + kind, ".bin.tmp");
    try {
      String sha256 = TensorFile.write(temporary, tensors);
      String name = kind + "-" + sha256.substring(0, 16) + ".bin";
      long bytes = Files.size(temporary);
      Files.move(
          temporary,
          directory.resolve(name),
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Map<String, Object> description = new LinkedHashMap<>();
      description.put("file", name);
      description.put("bytes", bytes);
      description.put("sha256", sha256);
      return description;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static Map<String, FloatTensor> readTensors(Path directory, Map<String, Object> description) {
    String name = Json.get(description, "file", String.class);
    if (!DATA_FILE.matcher(name).matches()) {
      throw new ModelFileException(
          directory.resolve(MODEL_JSON) + " names the data file '" + name + "', which is not a valid data file name");
    }
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new ModelFileException(
          directory.resolve(MODEL_JSON) + " names " + name + ", which is missing from " + directory);
    }
    long expectedBytes = Json.get(description, "bytes", Long.class);
    String expectedSha = Json.get(description, "sha256", String.class);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (bytes.length != expectedBytes) {
      throw new ModelFileException(
          file + " has " + bytes.length + " bytes but model.json records " + expectedBytes
              + (bytes.length < expectedBytes ? " (truncated)" : " (modified)"));
    }
    String actualSha = Hashing.sha256().hashBytes(bytes).toString();
    if (!actualSha.equals(expectedSha)) {
      throw new ModelFileException(
          file + " fails its checksum: model.json records SHA-256 " + expectedSha + " but the file has " + actualSha
              + " (modified or damaged after saving)");
    }
    try {
      return TensorFile.read(new java.io.ByteArrayInputStream(bytes), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteUnreferenced(Path directory, Map<String, Object> json) throws IOException {
    Set<Object> keep = new java.util.HashSet<>();
    for (String section : List.of("weights", "optimizer")) {
      Object description = json.get(section);
      if (description instanceof Map) {
        keep.add(((Map<?, ?>) description).get("file"));
      }
    }
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        boolean ours = DATA_FILE.matcher(name).matches() || TEMPORARY_FILE.matcher(name).matches();
        if (ours && !keep.contains(name)) {
          stale.add(entry);
        }
      }
    }
    for (Path path : stale) {
      Files.deleteIfExists(path);
    }
  }

  // ---- JSON mapping -------------------------------------------------------------------------------------------

  static Map<String, Object> specToJson(ModelSpec spec) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("vocabularySize", spec.vocabularySize());
    json.put("embeddingSize", spec.embeddingSize());
    json.put("layers", spec.layers());
    json.put("hiddenSize", spec.hiddenSize());
    json.put("dropout", spec.dropout());
    return json;
  }

  static ModelSpec specFromJson(Map<String, Object> json) {
    return new ModelSpec(
        Json.get(json, "vocabularySize", Integer.class),
        Json.get(json, "embeddingSize", Integer.class),
        Json.get(json, "layers", Integer.class),
        Json.get(json, "hiddenSize", Integer.class),
        Json.get(json, "dropout", Double.class));
  }

  static Map<String, Object> configToJson(TrainingConfig config) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("batchSize", config.batchSize());
    json.put("bptt", config.bptt());
    json.put("maxEpochs", config.maxEpochs());
    json.put("learningRate", config.learningRate());
    json.put("learningRateDecay", config.learningRateDecay());
    json.put("decayEvery", config.decayEvery());
    json.put("gradientClip", config.gradientClip());
    json.put("earlyStoppingPatience", config.earlyStoppingPatience());
    json.put("seed", config.seed());
    json.put("maxStepsPerEpoch", config.maxStepsPerEpoch());
    return json;
  }

  static TrainingConfig configFromJson(Map<String, Object> json) {
    return new TrainingConfig(
        Json.get(json, "batchSize", Integer.class),
        Json.get(json, "bptt", Integer.class),
        Json.get(json, "maxEpochs", Integer.class),
        Json.get(json, "learningRate", Double.class),
        Json.get(json, "learningRateDecay", Double.class),
        Json.get(json, "decayEvery", Integer.class),
        Json.get(json, "gradientClip", Double.class),
        Json.get(json, "earlyStoppingPatience", Integer.class),
        Json.get(json, "seed", Long.class),
        Json.get(json, "maxStepsPerEpoch", Integer.class));
  }

  static Map<String, Object> summaryToJson(TrainingSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("config", configToJson(summary.config()));
    List<Object> epochs = new ArrayList<>();
    for (EpochEvent epoch : summary.epochs()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("epoch", epoch.epoch());
      e.put("steps", epoch.steps());
      e.put("trainLoss", finiteOrNull(epoch.trainLoss()));
      e.put("validationLoss", finiteOrNull(epoch.validationLoss()));
      e.put("learningRate", epoch.learningRate());
      e.put("improved", epoch.improved());
      e.put("tokensPerSecond", finiteOrNull(epoch.tokensPerSecond()));
      e.put("seconds", seconds(epoch.duration()));
      epochs.add(e);
    }
    json.put("epochs", epochs);
    json.put("steps", summary.steps());
    json.put("bestEpoch", summary.bestEpoch());
    json.put("bestValidationLoss", finiteOrNull(summary.bestValidationLoss()));
    json.put("weightsEpoch", summary.weightsEpoch());
    json.put("stoppedEarly", summary.stoppedEarly());
    json.put("trainingSeconds", seconds(summary.trainingTime()));
    return json;
  }

  static TrainingSummary summaryFromJson(Map<String, Object> json) {
    ImmutableList.Builder<EpochEvent> epochs = ImmutableList.builder();
    for (Object item : Json.getList(json, "epochs")) {
      if (!(item instanceof Map)) {
        throw new JsonException("training.epochs holds a non-object entry: " + item);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> e = (Map<String, Object>) item;
      epochs.add(
          new EpochEvent(
              Json.get(e, "epoch", Integer.class),
              Json.get(e, "steps", Integer.class),
              doubleOrNaN(e, "trainLoss"),
              doubleOrNaN(e, "validationLoss"),
              Json.get(e, "learningRate", Double.class),
              Json.get(e, "improved", Boolean.class),
              doubleOrNaN(e, "tokensPerSecond"),
              duration(Json.get(e, "seconds", Double.class))));
    }
    return new TrainingSummary(
        configFromJson(Json.getObject(json, "config")),
        epochs.build(),
        Json.get(json, "steps", Long.class),
        Json.get(json, "bestEpoch", Integer.class),
        doubleOrNaN(json, "bestValidationLoss"),
        Json.get(json, "weightsEpoch", Integer.class),
        Json.get(json, "stoppedEarly", Boolean.class),
        duration(Json.get(json, "trainingSeconds", Double.class)));
  }

  private static Object finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double doubleOrNaN(Map<String, Object> json, String name) {
    if (!json.containsKey(name)) {
      throw new JsonException("missing field '" + name + "' (present: " + json.keySet() + ")");
    }
    return json.get(name) == null ? Double.NaN : Json.get(json, name, Double.class);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  private static Duration duration(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }
}
