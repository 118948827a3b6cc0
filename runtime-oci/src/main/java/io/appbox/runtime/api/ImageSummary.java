package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.array;
import static io.appbox.core.json.JsonObjects.number;
import static io.appbox.core.json.JsonObjects.string;
import static io.appbox.core.json.JsonObjects.stringMap;

import io.appbox.core.engine.ImageInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One image as {@code GET /images/json} lists it. */
record ImageSummary(
    String id, List<String> tags, Map<String, String> labels, Instant created, long size) {
  static ImageSummary from(Map<String, Object> json) {
    return new ImageSummary(
        string(json, "Id"),
        array(json, "RepoTags").stream().map(String::valueOf).toList(),
        stringMap(json, "Labels"),
        Instant.ofEpochSecond(number(json, "Created", 0)),
        number(json, "Size", 0));
  }

  ImageInfo info() {
    return new ImageInfo(id, tags, labels, created, size);
  }
}
