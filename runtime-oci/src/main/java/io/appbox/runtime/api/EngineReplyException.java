package io.appbox.runtime.api;

import java.io.IOException;
import java.time.Duration;

/**
 * The engine's reply to a request did not come in time, or is not HTTP appbox can read: a status
 * line or header that is not HTTP, a chunk size that is not hexadecimal, a body shorter than it
 * said. The message names the request; the engine adapter maps it to the engine's error code.
 */
public final class EngineReplyException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String request;
  private final boolean stalled;

  private EngineReplyException(String message, String request, boolean stalled) {
    super(message);
    this.request = request;
    this.stalled = stalled;
  }

  /** Nothing came for {@code waited}. */
  static EngineReplyException stalled(String request, Duration waited) {
    return new EngineReplyException(
        "sent nothing for " + seconds(waited) + " in reply to " + request, request, true);
  }

  /** The reply broke the protocol; {@code what} says how. */
  static EngineReplyException malformed(String request, String what) {
    return new EngineReplyException(
        "sent a malformed reply to " + request + ": " + what, request, false);
  }

  /** The request, {@code GET /v1.41/containers/json}. */
  public String request() {
    return request;
  }

  /** True when the engine went silent, false when it answered something unreadable. */
  public boolean stalled() {
    return stalled;
  }

  private static String seconds(Duration d) {
    long s = d.toSeconds();
    return s == 1 ? "1 second" : s > 0 ? s + " seconds" : d.toMillis() + " ms";
  }
}
