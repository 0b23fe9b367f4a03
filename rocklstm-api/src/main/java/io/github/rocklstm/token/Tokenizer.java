package io.github.rocklstm.token;

/**
 * Turns values into token sequences and back, over a fixed {@link Vocabulary}.
 *
 * <p>{@link #encode} gives a sequence that starts with {@link Vocabulary#START_ID} and ends with
 * {@link Vocabulary#END_ID}; what it cannot name becomes {@link Vocabulary#UNK_ID}. {@link #decode} reads such a
 * sequence back: it skips a leading START and any PAD, stops at the first END (a sequence without END, such as a
 * sample cut off at a length limit, is read to its end), and rejects ids outside the vocabulary and a START or
 * MASK anywhere else with an {@link IllegalArgumentException} naming the position. Implementations are immutable
 * and thread-safe.
 *
 * @param <T> what is tokenized, e.g. a chord progression
 */
public interface Tokenizer<T> {

  /** The tokens of {@code value}: START, the value's tokens, END. */
  int[] encode(T value);

  /** The value a token sequence stands for (see the class comment for what is skipped and rejected). */
  T decode(int[] tokens);

  /** The vocabulary whose ids {@link #encode} writes and {@link #decode} reads. */
  Vocabulary vocabulary();
}
