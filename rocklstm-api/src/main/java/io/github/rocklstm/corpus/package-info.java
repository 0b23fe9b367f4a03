/**
 * Corpus readers and corpus-level operations: one reader per real format (McGill Billboard, RS200, Harte
 * {@code .lab}, jazz lead-sheet charts, MusicXML chorales, JSB chorales), {@code Song} and {@code Corpus}
 * with a deterministic split by song id, key finding and transposition.
 *
 * <p>Readers never guess silently: in {@link io.github.rocklstm.corpus.ReadMode#STRICT} mode a malformed line
 * throws {@link io.github.rocklstm.corpus.CorpusFormatException} naming file, line, offending text and what was
 * expected; in {@link io.github.rocklstm.corpus.ReadMode#LENIENT} mode it is skipped and reported in the
 * {@link io.github.rocklstm.corpus.ReadResult}. Corpora are located with
 * {@link io.github.rocklstm.corpus.DataDirectory} and read in place.
 */
package io.github.rocklstm.corpus;
