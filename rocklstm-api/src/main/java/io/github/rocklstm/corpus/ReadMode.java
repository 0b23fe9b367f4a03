package io.github.rocklstm.corpus;

/** How a corpus reader treats a malformed line or file. */
public enum ReadMode {
  /** The first problem throws {@link CorpusFormatException}. */
  STRICT,
  /** Problems are skipped (the line, or the file when it cannot be read at all) and reported in {@link ReadResult}. */
  LENIENT
}
