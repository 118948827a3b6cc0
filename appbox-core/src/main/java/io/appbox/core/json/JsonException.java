package io.appbox.core.json;

/** Text that is not the JSON it should be. */
public class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
