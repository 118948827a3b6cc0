package io.appbox.core.engine;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A box's container, as the core wants it. The adapter turns intent such as {@code sameUserAsHost}
 * into what its engine needs ({@code keep-id} on rootless Podman).
 *
 * @param name container name
 * @param image the image it starts from
 * @param command the long-running process that keeps the box up
 * @param labels appbox's metadata
 * @param mounts host paths shared with the box
 * @param devices host devices shared with the box (a directory shares every device in it)
 * @param environment variables of every process in the box
 * @param sameUserAsHost map the host user to the same UID inside the box
 */
public record ContainerSpec(
    BoxName name,
    ImageRef image,
    List<String> command,
    Map<String, String> labels,
    List<Mount> mounts,
    List<Path> devices,
    Map<String, String> environment,
    boolean sameUserAsHost) {
  public ContainerSpec {
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
    mounts = List.copyOf(mounts);
    devices = List.copyOf(devices);
    environment = Map.copyOf(environment);
  }

  /** The same container from another image: how a box is restored from a snapshot. */
  public ContainerSpec withImage(ImageRef other) {
    return new ContainerSpec(
        name, other, command, labels, mounts, devices, environment, sameUserAsHost);
  }
}
