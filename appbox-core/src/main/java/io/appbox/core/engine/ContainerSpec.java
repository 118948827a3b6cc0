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
 * @param volumes the engine's volumes mounted in the box (its image's anonymous volumes)
 * @param removedWhenStopped the engine removes the container once its process ends (a throwaway
 *     box, whose process ends with the appbox that made it)
 */
public record ContainerSpec(
    BoxName name,
    ImageRef image,
    List<String> command,
    Map<String, String> labels,
    List<Mount> mounts,
    List<Path> devices,
    Map<String, String> environment,
    boolean sameUserAsHost,
    List<NamedVolume> volumes,
    boolean removedWhenStopped) {
  public ContainerSpec {
    command = List.copyOf(command);
    labels = Map.copyOf(labels);
    mounts = List.copyOf(mounts);
    devices = List.copyOf(devices);
    environment = Map.copyOf(environment);
    volumes = List.copyOf(volumes);
  }

  /** A long-lived container. */
  public ContainerSpec(
      BoxName name,
      ImageRef image,
      List<String> command,
      Map<String, String> labels,
      List<Mount> mounts,
      List<Path> devices,
      Map<String, String> environment,
      boolean sameUserAsHost,
      List<NamedVolume> volumes) {
    this(
        name, image, command, labels, mounts, devices, environment, sameUserAsHost, volumes, false);
  }

  /** A new box's container: the engine gives it the volumes its image declares. */
  public ContainerSpec(
      BoxName name,
      ImageRef image,
      List<String> command,
      Map<String, String> labels,
      List<Mount> mounts,
      List<Path> devices,
      Map<String, String> environment,
      boolean sameUserAsHost) {
    this(name, image, command, labels, mounts, devices, environment, sameUserAsHost, List.of());
  }

  /** The same container from another image: how a box is restored from a snapshot. */
  public ContainerSpec withImage(ImageRef other) {
    return new ContainerSpec(
        name,
        other,
        command,
        labels,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        removedWhenStopped);
  }

  /** The same container with one more label (or another value for it). */
  public ContainerSpec withLabel(String key, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(labels);
    more.put(key, value);
    return new ContainerSpec(
        name,
        image,
        command,
        more,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        removedWhenStopped);
  }

  /** The same container, removed by the engine once its process ends. */
  public ContainerSpec removedWhenItStops() {
    return new ContainerSpec(
        name, image, command, labels, mounts, devices, environment, sameUserAsHost, volumes, true);
  }

  /** The same container under another name: a box put back from the container set aside. */
  public ContainerSpec withName(BoxName other) {
    return new ContainerSpec(
        other,
        image,
        command,
        labels,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        removedWhenStopped);
  }
}
