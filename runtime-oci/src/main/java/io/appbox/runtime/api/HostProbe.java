package io.appbox.runtime.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the host offers a box that the engine's request depends on: a POSIX message queue
 * filesystem, which of its mounts propagate, and whether the user has cgroups of their own. Read
 * from this host's files; a test gives its own.
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

  /**
   * Whether this user has a cgroup tree of their own, which rootless Podman hands to a container
   * (and systemd in it needs): the unified (v2) hierarchy alone, with this process's cgroup
   * writable, as the host's systemd delegates it to the user's session.
   */
  boolean delegatesCgroups() {
    if (!Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))) {
      return false; // v1 or hybrid: no tree is the user's
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
        if (line.startsWith("0::")) {
          return Files.isWritable(Path.of("/sys/fs/cgroup", line.substring(3)));
        }
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
    return false;
  }

  /** Whether {@code path} lies on a shared mount, which a box may follow with {@code rslave}. */
  boolean isShared(Path path) {
    if (propagation == null) {
      propagation = MountPropagation.ofThisProcess();
    }
    return propagation.isShared(path);
  }
}
