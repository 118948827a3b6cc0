package io.appbox.core.host;

import java.nio.file.Path;
import java.util.Map;

/** The host machine as the core needs it: the user, their environment, their files. */
public interface Host {
  HostUser user();

  Map<String, String> environment();

  /** The directory appbox was started in. */
  Path workingDirectory();

  boolean exists(Path path);

  /**
   * The host-exec program of this appbox (its {@code libexec/host-exec}), which boxes copy to run
   * programs on the host; empty when this appbox has none (a build without it, a unit test).
   */
  default java.util.Optional<Path> hostExec() {
    return java.util.Optional.empty();
  }
}
