/**
 * Turning values into token sequences and back: {@link io.github.rocklstm.token.Vocabulary} (token strings and
 * ids, with the special tokens PAD=0, START=1, END=2, UNK=3, MASK=4), the {@link io.github.rocklstm.token.Tokenizer}
 * interface, and {@link io.github.rocklstm.token.ChordTokenizer} for chord progressions (vocabulary level, time
 * mode, optional section and genre tokens).
 *
 * <p>A token sequence is an {@code int[]} that starts with START and ends with END.
 */
package io.github.rocklstm.token;
