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
}
