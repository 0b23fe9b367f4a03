package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import java.nio.file.Path;

/**
 * Where in a corpus file something was found: the file, the 1-based line (0 when the problem concerns the
 * whole file) and the offending text as it stands in the file.
 */
public record SourcePosition(Path file, int line, String text) {

  public SourcePosition {
    Preconditions.checkNotNull(file, "file");
    Preconditions.checkArgument(line >= 0, "line must be >= 0, was %s", line);
    text = text == null ? "" : text;
  }

  /** The whole file, no particular line. */
  public static SourcePosition wholeFile(Path file) {
    return new SourcePosition(file, 0, "");
  }

  /** {@code path:line: 'text'}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line : file.toString();
    return text.isEmpty() ? where : where + ": '" + abbreviate(text) + "'";
  }

  private static String abbreviate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
  }
}
