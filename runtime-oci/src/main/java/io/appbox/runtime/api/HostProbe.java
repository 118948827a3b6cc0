package io.appbox.runtime.api;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the host offers a box that the engine's request depends on: a POSIX message queue
 * filesystem, and which of its mounts propagate. Read from this host's files; a test gives its own.
 */
class HostProbe {
  private MountPropagation propagation;

  /** This host: {@code /dev/mqueue}, {@code /proc/self/mountinfo}. */
  static HostProbe ofThisHost() {
    return new HostProbe();
  }

  /**
   * Whether the host has {@code /dev/mqueue}, which Podman binds for the host's IPC namespace and
   * refuses to start without.
   */
  boolean hasMessageQueues() {
    return Files.isDirectory(Path.of("/dev/mqueue"));
  }

  /** Whether {@code path} lies on a shared mount, which a box may follow with {@code rslave}. */
  boolean isShared(Path path) {
    if (propagation == null) {
      propagation = MountPropagation.ofThisProcess();
    }
    return propagation.isShared(path);
  }
}
