package io.appbox.core.engine;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container engine as the core needs it. The engine is the source of truth for which boxes
 * exist: a box is a container labelled {@code io.appbox.manager=appbox}.
 */
public interface ContainerEngine {
  EngineInfo info();

  /** Every container appbox manages, running or not. */
  List<ContainerState> list();

  Optional<ContainerState> inspect(BoxName name);

  void create(ContainerSpec spec);

  void start(BoxName name);

  void stop(BoxName name, int timeoutSeconds);

  /** Removes the container, running or not when {@code force}, with its anonymous volumes. */
  void remove(BoxName name, boolean force);

  /**
   * Removes the container, running or not, and keeps its volumes: a restore has carried them into
   * the restored box. An engine that cannot keep them says so rather than deleting them.
   */
  default void removeKeepingVolumes(BoxName name) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " cannot remove a container and keep its volumes");
  }

  /** Runs a command in a running box without a terminal, reporting output as it comes. */
  ExecResult exec(BoxName name, ExecRequest request, OutputListener listener);

  /**
   * The last {@code lines} lines the box's first process wrote (standard output and error), to say
   * why a box stopped; empty when the engine cannot tell.
   */
  default String lastOutput(BoxName name, int lines) {
    return "";
  }

  /**
   * Why this engine cannot give systemd in a box a cgroup of its own, when the adapter can tell
   * from the host (rootless Podman where the user has no cgroup v2 tree); empty otherwise.
   */
  default Optional<String> systemdCgroupProblem() {
    return Optional.empty();
  }

  /** The spec a box's container was created with: image, command, labels, mounts, devices. */
  ContainerSpec specOf(BoxName name);

  /**
   * The box's state and its spec at once; empty when there is no such box. An engine that reads
   * both from one answer says so by overriding this.
   */
  default Optional<InspectedBox> inspectWithSpec(BoxName name) {
    return inspect(name).map(state -> new InspectedBox(state, specOf(name)));
  }

  /** Gives a container another name. */
  void rename(BoxName from, BoxName to);

  /** Commits the box's filesystem (not its bind mounts) to an image with extra labels. */
  void commit(BoxName name, ImageRef tag, Map<String, String> labels);

  /** Images carrying the label {@code key=value}. */
  List<ImageInfo> images(String key, String value);

  void removeImage(String idOrRef);

  boolean imageExists(ImageRef image);

  /**
   * Pulls the image from its registry: exactly the digest when the reference has one, with the
   * user's credentials for that registry when the engine needs them given.
   */
  void pull(ImageRef image, PullListener progress);

  /** Imports a root filesystem tarball as an image tagged {@code tag}. */
  void importRootfs(InputStream tarball, ImageRef tag);
}
