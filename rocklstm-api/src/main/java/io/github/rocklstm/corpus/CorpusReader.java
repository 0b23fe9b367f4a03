package io.github.rocklstm.corpus;

import java.nio.file.Path;

/**
 * Reads the songs of one chord-corpus format from a folder.
 *
 * <p>In {@link ReadMode#STRICT} mode the first problem throws {@link CorpusFormatException} (file, line, offending
 * text, what was expected). In {@link ReadMode#LENIENT} mode the reader skips the offending unit (a line, a bar,
 * or a whole file that cannot be read at all; each reader says which) and lists every skip in
 * {@link ReadResult#problems()}. Songs come in a deterministic order (sorted by source path).
 */
public interface CorpusReader {

  /**
   * Reads every song under {@code folder}: either the corpus's standard folder (e.g. {@code mcgill-billboard/},
   * with its metadata files) or any folder holding files of the format.
   *
   * @throws CorpusFormatException in strict mode, at the first problem
   * @throws java.io.UncheckedIOException when the folder or a file cannot be read at all
   */
  ReadResult<Song> read(Path folder, ReadMode mode);

  /** Reads one file of the format, without the corpus's metadata files: 0 or 1 songs. */
  ReadResult<Song> readFile(Path file, ReadMode mode);
}
