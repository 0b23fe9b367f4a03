package io.github.rocklstm.json;

/** A JSON document could not be read or a value could not be written; the message says where and why. */
public final class JsonException extends IllegalArgumentException {
  public JsonException(String message) {
    super(message);
  }
}
