package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.number;
import static io.appbox.core.json.JsonObjects.object;
import static io.appbox.core.json.JsonObjects.string;

import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the JSON Lines a pull ({@code POST /images/create?fromImage=}) or an import ({@code
 * ?fromSrc=}) streams: a layer's progress, or the error that ended it.
 *
 * @param layer the layer's id, or "" for the image as a whole
 * @param status {@code Downloading}, {@code Pull complete}, an image id, ...; null with an error
 * @param done bytes done, or -1 when not said
 * @param total bytes in all, or -1 when not said
 * @param error the engine's error, or null
 */
record ProgressEvent(String layer, String status, long done, long total, String error) {
  static ProgressEvent from(Map<String, Object> json) {
    Map<String, Object> detail = object(json, "progressDetail");
    Object error = json.get("error");
    Object status = json.get("status");
    String layer = string(json, "id");
    return new ProgressEvent(
        layer == null ? "" : layer,
        status == null ? null : String.valueOf(status),
        number(detail, "current", -1),
        number(detail, "total", -1),
        error == null ? null : String.valueOf(error));
  }

  /** The line's event; empty for a blank line. A line that is not a JSON object throws. */
  static Optional<ProgressEvent> parse(String line) throws JsonException {
    if (line.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(from(Json.parseObject(line)));
  }

  boolean failed() {
    return error != null;
  }
}
