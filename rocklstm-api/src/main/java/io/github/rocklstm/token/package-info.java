/**
 * Turning values into token sequences and back: {@link io.github.rocklstm.token.Vocabulary} (token strings and
 * ids, with the special tokens PAD=0, START=1, END=2, UNK=3, MASK=4), the {@link io.github.rocklstm.token.Tokenizer}
 * interface, {@link io.github.rocklstm.token.ChordTokenizer} for chord progressions (vocabulary level, time
 * mode, optional section and genre tokens), and {@link io.github.rocklstm.token.ChoraleTokenizer} for four-voice
 * chorales (the BachBot encoding: 16th-note frames of {@code (midi, tied)} tokens in SATB order, {@code (.)}
 * fermatas, {@code |||} frame ends), with what goes with it: chorale preparation and its
 * {@link io.github.rocklstm.token.QuantisationReport}, the 90/10 {@link io.github.rocklstm.token.ChoraleSplit},
 * {@link io.github.rocklstm.token.ChoraleCorpus}, strict and lenient decoding, frame validation and
 * {@link io.github.rocklstm.token.HarmonisationTemplate}s for harmonising a given soprano; and
 * {@link io.github.rocklstm.token.PianoRollTokenizer} for 88-key piano-roll frames (the JSB Chorales benchmark).
 *
 * <p>A token sequence is an {@code int[]} that starts with START and ends with END.
 */
package io.github.rocklstm.token;
