/**
 * Sequence models: the user-facing types and the backend-neutral model files.
 *
 * <p>Using a model: {@link io.github.rocklstm.model.SequenceModel} (fit, score, newSession, save),
 * {@link io.github.rocklstm.model.Session} (batched, stateful stepping for sampling and beam search),
 * {@link io.github.rocklstm.model.ModelSpec} (architecture), {@link io.github.rocklstm.model.TrainingConfig}
 * (optimiser and schedule), {@link io.github.rocklstm.model.TrainingListener} with
 * {@link io.github.rocklstm.model.StepEvent} and {@link io.github.rocklstm.model.EpochEvent} (progress),
 * {@link io.github.rocklstm.model.TrainingSummary}, {@link io.github.rocklstm.model.ScoreResult} and
 * {@link io.github.rocklstm.model.Device}.
 *
 * <p>Model files, identical for every backend: {@link io.github.rocklstm.model.ModelDirectory} (layout of a
 * model directory, atomic save, checked load), {@link io.github.rocklstm.model.TensorFile} (named float32
 * tensors), {@link io.github.rocklstm.model.ParameterLayout} (tensor names, shapes, the PyTorch LSTM gate order
 * i, f, g, o, and seeded initialisation), {@link io.github.rocklstm.model.OptimizerState} (Adam's moments and the
 * exact update rule every backend applies). A model saved by one backend loads in the other.
 *
 * <p>Conventions: a token sequence is an {@code int[]} starting with START and ending with END; likelihood counts
 * the prediction of every token after the first; losses are nats per predicted token.
 */
package io.github.rocklstm.model;
