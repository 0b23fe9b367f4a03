package io.github.rocklstm.music;

/**
 * A chord symbol, interval or roman numeral that does not parse. The message names the text, the position
 * (0-based) where reading stopped, and what was expected there, e.g.
 * {@code cannot read Harte chord 'C:foo' at position 2: expected a quality shorthand (maj min ...) or '('}.
 */
public final class ChordSyntaxException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String text;
  private final int position;
  private final String expected;

  /**
   * @param notation what was being read, e.g. {@code "Harte chord"}
   * @param text the whole text
   * @param position 0-based index where reading stopped
   * @param expected what would have been valid there
   */
  public ChordSyntaxException(String notation, String text, int position, String expected) {
    super("cannot read " + notation + " '" + printable(text) + "' at position " + position + ": expected "
        + expected);
    this.text = text;
    this.position = position;
    this.expected = expected;
  }

  /** The text that did not parse. */
  public String text() {
    return text;
  }

  /** The 0-based position where reading stopped. */
  public int position() {
    return position;
  }

  /** What would have been valid at {@link #position()}. */
  public String expected() {
    return expected;
  }

  /** The text with control characters and non-ASCII shown as {@code \\uXXXX}, so binary junk stays readable. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 200; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\u266F' || c == '\u266D' || c == '\u00F8' || c == '\u00B0' || c == '\u0394') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04X", (int) c));
      }
    }
    if (text.length() > 200) {
      out.append("...(").append(text.length()).append(" chars)");
    }
    return out.toString();
  }
}
