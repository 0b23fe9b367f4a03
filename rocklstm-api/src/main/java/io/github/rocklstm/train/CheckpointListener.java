package io.github.rocklstm.train;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.EpochEvent;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import java.nio.file.Path;

/**
 * Saves checkpoints while a model trains: after every epoch to {@code DIR/last}, and after every improving epoch
 * to {@code DIR/best}. Both are ordinary model directories, written atomically.
 *
 * <p>To resume an interrupted run, load {@code DIR/last} with the same backend SPI and call {@code fit} with the
 * same data and configuration: it continues with the next epoch exactly as the uninterrupted run would have (see
 * {@link TrainingLoop}). {@code DIR/best} holds the best weights seen so far.
 */
public final class CheckpointListener implements TrainingListener {

  private final SequenceModel model;
  private final Path directory;

  /** Checkpoints of {@code model} under {@code directory}. */
  public CheckpointListener(SequenceModel model, Path directory) {
    this.model = Preconditions.checkNotNull(model, "model");
    this.directory = Preconditions.checkNotNull(directory, "directory");
  }

  /** The checkpoint written after the latest epoch. */
  public static Path last(Path directory) {
    return directory.resolve("last");
  }

  /** The checkpoint written after the best epoch so far. */
  public static Path best(Path directory) {
    return directory.resolve("best");
  }

  @Override
  public void onEpoch(EpochEvent event, TrainingSummary summary) {
    model.save(last(directory));
    if (event.improved()) {
      model.save(best(directory));
    }
  }
}
