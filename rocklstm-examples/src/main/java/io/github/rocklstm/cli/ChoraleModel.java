package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.backend.Backend;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelDirectory;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.ChoraleTokenizerMetadata;
import java.nio.file.Path;
import java.util.Map;

/**
 * A chorale model ready for the {@code chorale} commands: the loaded {@link SequenceModel} and the
 * {@link ChoraleTokenizer} rebuilt from its metadata ({@code rocklstm train --task chorale} writes both).
 *
 * @param model the model; closed by {@link #close()}
 * @param tokenizer the tokenizer the model was trained with
 * @param source where the model came from, for messages
 */
record ChoraleModel(SequenceModel model, ChoraleTokenizer tokenizer, String source) implements AutoCloseable {

  /** The {@code task} metadata value of a chorale model. */
  static final String TASK = "chorale";

  /**
   * Loads {@code directory}: a model directory, or a {@code rocklstm train --task chorale} output folder holding
   * {@code model/}.
   *
   * @throws IllegalArgumentException if the folder holds no model or the model is not a chorale model
   */
  static ChoraleModel load(Path directory, String backendName, int threads) {
    Preconditions.checkNotNull(directory, "--model is required");
    BackendChoice.pinThreads(threads);
    Backend backend = BackendChoice.resolve(backendName);
    Path modelDirectory = directory;
    if (!ModelDirectory.isModelDirectory(modelDirectory)
        && ModelDirectory.isModelDirectory(directory.resolve("model"))) {
      modelDirectory = directory.resolve("model");
    }
    Preconditions.checkArgument(ModelDirectory.isModelDirectory(modelDirectory),
        "--model %s holds no %s (give a model directory or a `rocklstm train --task chorale` output folder holding"
            + " model/)", directory, ModelDirectory.MODEL_JSON);
    SequenceModel model = backend.load(modelDirectory, Device.cpu());
    return of(model, modelDirectory.toString());
  }

  /** Wraps a loaded model, checking that it is a chorale model; closes it on failure. */
  @SuppressWarnings("unchecked")
  static ChoraleModel of(SequenceModel model, String source) {
    try {
      Map<String, Object> metadata = model.metadata();
      Object task = metadata.get("task");
      Preconditions.checkArgument(TASK.equals(task) && metadata.get("tokenizer") instanceof Map,
          "%s is not a chorale model (metadata task %s, expected \"%s\" with a tokenizer; train one with"
              + " `rocklstm train --task chorale`)", source, task, TASK);
      ChoraleTokenizer tokenizer = ChoraleTokenizerMetadata.fromJson((Map<String, Object>) metadata.get("tokenizer"));
      Preconditions.checkArgument(tokenizer.vocabulary().size() == model.spec().vocabularySize(),
          "%s: the tokenizer has %s tokens but the model %s", source, tokenizer.vocabulary().size(),
          model.spec().vocabularySize());
      return new ChoraleModel(model, tokenizer, source);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
