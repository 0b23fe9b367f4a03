package io.github.rocklstm.model;

/**
 * A model directory or tensor file cannot be used: missing, truncated, modified after saving, of an unknown
 * format version, or inconsistent with its {@code model.json}. The message names the file and the problem.
 */
public final class ModelFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error with a complete message. */
  public ModelFileException(String message) {
    super(message);
  }

  /** An error with a complete message and the underlying cause. */
  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
