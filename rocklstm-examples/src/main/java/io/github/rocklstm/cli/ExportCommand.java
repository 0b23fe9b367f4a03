package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rocklstm export}: copies a model directory, checked on the way, optionally without the optimizer state
 * (Adam's moments, twice the size of the weights), which only resuming training needs.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Copies a model directory (checking sizes and checksums), optionally without the optimizer state.",
        "Example: rocklstm export --model runs/billboard --out small-model --weights-only"})
final class ExportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model directory or a `rocklstm train` output folder holding model/.")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The new model directory (created).")
  Path out;

  @Option(names = "--weights-only", description = "Leave out the optimizer state (the model can no longer resume"
      + " training exactly, but generates and scores the same).")
  boolean weightsOnly;

  @Override
  public Integer call() throws IOException {
    Path source = ModelDirectory.isModelDirectory(model) || !ModelDirectory.isModelDirectory(model.resolve("model"))
        ? model : model.resolve("model");
    Preconditions.checkArgument(ModelDirectory.isModelDirectory(source), "--model %s holds no %s", model,
        ModelDirectory.MODEL_JSON);
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        Preconditions.checkArgument(Files.isDirectory(out) && entries.findAny().isEmpty(),
            "--out %s exists and is not an empty folder", out);
      }
    }
    SavedModel saved = ModelDirectory.read(source);
    SavedModel exported = new SavedModel(saved.backend(), saved.spec(), saved.weights(),
        weightsOnly ? Optional.empty() : saved.optimizer(), saved.training(), saved.metadata());
    ModelDirectory.write(out, exported);
    long bytes;
    try (Stream<Path> files = Files.list(out)) {
      bytes = files.mapToLong(file -> file.toFile().length()).sum();
    }
    spec.commandLine().getOut().printf("%s: %,d bytes%n", out, bytes);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
