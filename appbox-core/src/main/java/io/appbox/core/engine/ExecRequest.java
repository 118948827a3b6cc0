package io.appbox.core.engine;

import java.util.List;
import java.util.Map;

/**
 * A command to run inside a box.
 *
 * @param argv the program and its arguments, passed as they are, never through a shell
 * @param user {@code root}, or {@code UID:GID}
 * @param environment variables to set
 * @param workdir the working directory, or null for the engine's default
 */
public record ExecRequest(
    List<String> argv, String user, Map<String, String> environment, String workdir) {
  public ExecRequest {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }

  public static ExecRequest asRoot(List<String> argv, Map<String, String> environment) {
    return new ExecRequest(argv, "root", environment, null);
  }
}
