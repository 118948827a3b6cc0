package io.appbox.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A whole HTTP response from the engine.
 *
 * @param request the request it answers, {@code GET /v1.41/containers/json}, for messages
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body, String request) {
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
