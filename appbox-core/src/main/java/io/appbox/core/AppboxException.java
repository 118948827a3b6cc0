package io.appbox.core;

/** A failure the user can act on: what failed, and a hint saying what to do about it. */
public class AppboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String hint;

  public AppboxException(ErrorCode code, String message, String hint) {
    this(code, message, hint, null);
  }

  public AppboxException(ErrorCode code, String message, String hint, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.hint = hint == null ? "" : hint;
  }

  public static AppboxException invalid(String message, String hint) {
    return new AppboxException(ErrorCode.INVALID_INPUT, message, hint);
  }

  public ErrorCode code() {
    return code;
  }

  public String hint() {
    return hint;
  }
}
