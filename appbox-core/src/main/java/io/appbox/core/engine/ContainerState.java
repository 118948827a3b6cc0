package io.appbox.core.engine;

import io.appbox.core.BoxName;
import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param name its name
 * @param id the engine's id
 * @param image the image reference it was created from
 * @param running whether it is running
 * @param status the engine's status word (running, exited, created, ...)
 * @param pid its first process on the host, 0 when not running
 * @param labels its labels
 */
public record ContainerState(
    BoxName name,
    String id,
    String image,
    boolean running,
    String status,
    long pid,
    Map<String, String> labels) {
  public ContainerState {
    labels = Map.copyOf(labels);
  }
}
