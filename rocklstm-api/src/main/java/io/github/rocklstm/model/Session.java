package io.github.rocklstm.model;

/**
 * A batch of independent rows that each advance one token per {@link #step}, keeping their LSTM state between
 * steps: the building block of sampling and beam search.
 *
 * <p>A new session's rows start from the zero state, exactly as {@link SequenceModel#score} starts each sequence,
 * so feeding a sequence token by token gives the same log-probabilities that {@code score} reports (to float
 * rounding). A session holds native memory: close it before its model. A session is not thread-safe.
 */
public interface Session extends AutoCloseable {

  /** The number of rows. */
  int batchSize();

  /** The vocabulary size, which is the length of each row that {@link #step} returns. */
  int vocabularySize();

  /**
   * Feeds one token to each row and advances its state.
   *
   * @param tokens one token id per row, {@code tokens.length == batchSize()}
   * @return for each row, the natural-log probabilities of the next token, {@code [batchSize][vocabularySize]}:
   *     log-softmax of the logits, so {@code exp} of a row sums to 1; temperature sampling on these equals
   *     sampling on the raw logits
   * @throws IllegalArgumentException if the length is wrong or an id is outside the vocabulary
   */
  float[][] step(int[] tokens);

  /**
   * Rebuilds the rows from the current ones: new row {@code i} gets the state of old row {@code rows[i]}. Rows may
   * repeat or be dropped, so the batch size becomes {@code rows.length} (beam search keeps its best hypotheses
   * this way).
   *
   * @param rows indices into the current rows, at least one
   * @throws IllegalArgumentException if an index is outside {@code [0, batchSize())}
   */
  void select(int[] rows);

  /** Puts every row back to the zero state. */
  void reset();

  /** Releases the session's native memory; closing twice does nothing. */
  @Override
  void close();
}
