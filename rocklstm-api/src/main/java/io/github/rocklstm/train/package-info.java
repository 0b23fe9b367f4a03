/**
 * Training orchestration shared by every backend: {@link io.github.rocklstm.train.SequenceBatcher} (truncated-BPTT
 * windows, independent and non-overlapping, shuffled per epoch by seed), {@link io.github.rocklstm.train.TokenBatch},
 * {@link io.github.rocklstm.train.TrainingLoop} (epochs, learning-rate decay, validation, early stopping with the
 * best weights kept, listener events, exact resumption), {@link io.github.rocklstm.train.SequenceScorer} (batched
 * whole-sequence scoring), {@link io.github.rocklstm.train.CheckpointListener} (atomic {@code last/} and
 * {@code best/} checkpoints), {@link io.github.rocklstm.train.Sequences} (argument checks) and the interface a
 * backend implements, {@link io.github.rocklstm.train.TrainableNetwork}, which only turns tensors.
 *
 * <p>Datasets: {@link io.github.rocklstm.train.ChordDataset} (chord corpora) and
 * {@link io.github.rocklstm.train.ChoraleDataset} (the music21 Bach chorales in the BachBot encoding, 90/10 split).
 */
package io.github.rocklstm.train;
