package io.appbox.core.engine;

import java.util.List;
import java.util.Map;

/**
 * A command that runs in a box with the user's own standard input, output and error.
 *
 * @param argv the program and its arguments, untouched
 * @param user {@code root} or {@code UID:GID}
 * @param environment its whole environment
 * @param workdir its working directory inside the box
 * @param terminal whether standard input is a terminal the command should get
 */
public record AttachedCommand(
    List<String> argv,
    String user,
    Map<String, String> environment,
    String workdir,
    boolean terminal,
    boolean asRoot) {
  public AttachedCommand {
    argv = List.copyOf(argv);
    environment = Map.copyOf(environment);
  }
}
