package io.appbox.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An image as the engine lists it.
 *
 * @param id its id
 * @param tags its references
 * @param labels its labels
 * @param created when it was made
 * @param size its size in bytes
 */
public record ImageInfo(
    String id, List<String> tags, Map<String, String> labels, Instant created, long size) {
  public ImageInfo {
    tags = List.copyOf(tags);
    labels = Map.copyOf(labels);
  }
}
