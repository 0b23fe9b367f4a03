package io.github.rocklstm.model;

/**
 * Receives progress while {@link SequenceModel#fit} runs: after every optimiser step and after every epoch. A
 * command-line progress bar or a checkpoint writer hangs here.
 *
 * <p>Both methods run on the training thread between two steps, when the model is in a consistent state: calling
 * {@link SequenceModel#save} from {@link #onEpoch} writes a checkpoint that training can resume from (see
 * {@code io.github.rocklstm.train.CheckpointListener}). Both do nothing by default. An exception thrown here stops
 * training and propagates out of {@code fit}.
 */
public interface TrainingListener {

  /** A listener that ignores every event. */
  TrainingListener NONE = new TrainingListener() {};

  /** Called after each optimiser step. */
  default void onStep(StepEvent event) {}

  /**
   * Called after each epoch, once the validation loss is known and the model's {@link TrainingSummary} includes
   * this epoch.
   *
   * @param event the epoch just finished
   * @param summary the model's training history so far, this epoch included
   */
  default void onEpoch(EpochEvent event, TrainingSummary summary) {}

  /** A listener that forwards every event to {@code first}, then to {@code second}. */
  static TrainingListener both(TrainingListener first, TrainingListener second) {
    return new TrainingListener() {
      @Override
      public void onStep(StepEvent event) {
        first.onStep(event);
        second.onStep(event);
      }

      @Override
      public void onEpoch(EpochEvent event, TrainingSummary summary) {
        first.onEpoch(event, summary);
        second.onEpoch(event, summary);
      }
    };
  }
}
