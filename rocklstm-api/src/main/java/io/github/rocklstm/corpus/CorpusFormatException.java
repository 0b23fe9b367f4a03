package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;

/**
 * A corpus file does not have the expected format. The message names the file, the line, the offending
 * text and what would have been valid, e.g.
 * {@code salami_chords.txt:12: 'A:foo': unknown chord quality 'foo' (expected one of maj, min, 7, ...)}.
 */
public final class CorpusFormatException extends RuntimeException {

  private final SourcePosition position;
  private final String problem;

  public CorpusFormatException(SourcePosition position, String problem) {
    this(position, problem, null);
  }

  public CorpusFormatException(SourcePosition position, String problem, Throwable cause) {
    super(Preconditions.checkNotNull(position, "position") + ": " + problem, cause);
    this.position = position;
    this.problem = Preconditions.checkNotNull(problem, "problem");
  }

  /** Where the problem is. */
  public SourcePosition position() {
    return position;
  }

  /** What is wrong and what was expected, without the position. */
  public String problem() {
    return problem;
  }
}
