package io.appbox.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A whole HTTP response from the engine. */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
