package io.github.rocklstm.token;

/**
 * A token sequence that is not a well-formed {@link ChoraleTokenizer} encoding, thrown by
 * {@link ChoraleTokenizer#decode(int[])}; the message names the token index, the frame and what would be valid.
 * {@link ChoraleTokenizer#decodeLenient(int[])} repairs such sequences instead.
 */
public final class MalformedChoraleTokensException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int tokenIndex;
  private final int frame;

  /**
   * An exception about the token at {@code tokenIndex} (the sequence's length when it ends too early), in frame
   * {@code frame} (counted from 0).
   */
  public MalformedChoraleTokensException(String message, int tokenIndex, int frame) {
    super(message);
    this.tokenIndex = tokenIndex;
    this.frame = frame;
  }

  /** The index in the token array of the offending token, or the array's length when it ends too early. */
  public int tokenIndex() {
    return tokenIndex;
  }

  /** The frame (16th-note step, from 0) the offending token is in. */
  public int frame() {
    return frame;
  }
}
