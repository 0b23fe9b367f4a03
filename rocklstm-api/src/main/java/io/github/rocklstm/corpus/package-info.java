/**
 * Corpus readers and corpus-level operations: one reader per real format (McGill Billboard, RS200, Harte
 * {@code .lab}, jazz lead-sheet charts, MusicXML chorales, JSB chorales), {@code Song} and {@code Corpus}
 * with a deterministic split by song id, key finding and transposition.
 *
 * <p>Chord corpora: {@link io.github.rocklstm.corpus.BillboardReader}, {@link io.github.rocklstm.corpus.Rs200Reader},
 * {@link io.github.rocklstm.corpus.HarteLabReader} and {@link io.github.rocklstm.corpus.JazzChartReader} implement
 * {@link io.github.rocklstm.corpus.CorpusReader} and give {@link io.github.rocklstm.corpus.Song}s (timed chord
 * progression with sections and metre changes, key with {@link io.github.rocklstm.corpus.KeyChange}s and where it
 * comes from, metadata). {@link io.github.rocklstm.corpus.CorpusFormat} and
 * {@link io.github.rocklstm.corpus.Corpora} pick a reader by name and find the standard folders.
 * {@link io.github.rocklstm.corpus.Corpus} holds songs and splits them by work id
 * ({@link io.github.rocklstm.corpus.Split}); {@link io.github.rocklstm.corpus.KeyFinder} (Krumhansl-Schmuckler)
 * estimates keys the corpora do not annotate; {@link io.github.rocklstm.corpus.Transposition} moves songs to C major
 * / A minor or into all 12 keys.
 *
 * <p>Readers never guess silently: in {@link io.github.rocklstm.corpus.ReadMode#STRICT} mode a malformed line
 * throws {@link io.github.rocklstm.corpus.CorpusFormatException} naming file, line, offending text and what was
 * expected; in {@link io.github.rocklstm.corpus.ReadMode#LENIENT} mode it is skipped and reported in the
 * {@link io.github.rocklstm.corpus.ReadResult}. Corpora are located with
 * {@link io.github.rocklstm.corpus.DataDirectory} and read in place.
 */
package io.github.rocklstm.corpus;
