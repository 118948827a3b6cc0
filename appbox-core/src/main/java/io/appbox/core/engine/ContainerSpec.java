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
 * @param init systemd is the container's first process ({@code create --init}): it gets a process
 *     namespace of its own and what systemd needs of the engine (a fresh {@code /run} and {@code
 *     /tmp}, its cgroup, SIGRTMIN+3 to stop)
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
    boolean removedWhenStopped,
    boolean init) {
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
        name,
        image,
        command,
        labels,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        false,
        false);
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
        removedWhenStopped,
        init);
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
        removedWhenStopped,
        init);
  }

  /** The same container, removed by the engine once its process ends. */
  public ContainerSpec removedWhenItStops() {
    return new ContainerSpec(
        name,
        image,
        command,
        labels,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        true,
        init);
  }

  /** The same container with systemd, {@code command}, as its first process. */
  public ContainerSpec withInit(List<String> initCommand) {
    return new ContainerSpec(
        name,
        image,
        initCommand,
        labels,
        mounts,
        devices,
        environment,
        sameUserAsHost,
        volumes,
        removedWhenStopped,
        true);
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
        removedWhenStopped,
        init);
  }
}
