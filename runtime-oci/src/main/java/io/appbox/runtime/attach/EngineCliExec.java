package io.appbox.runtime.attach;

import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine's own {@code exec}, through its command-line program: works for every box. */
final class EngineCliExec {
  private EngineCliExec() {}

  static List<String> argv(Path cli, ContainerState box, AttachedCommand command) {
    List<String> argv = new ArrayList<>();
    argv.add(cli.toString());
    argv.add("exec");
    argv.add("--interactive");
    if (command.terminal()) {
      argv.add("--tty");
    }
    argv.add("--user");
    argv.add(command.user());
    argv.add("--workdir");
    argv.add(command.workdir());
    command
        .environment()
        .forEach(
            (k, v) -> {
              argv.add("--env");
              argv.add(k + "=" + v);
            });
    argv.add(box.name().value());
    argv.addAll(command.argv());
    return argv;
  }

  /** Points the engine's program at the socket appbox found. */
  static void target(EngineInfo engine, java.util.Map<String, String> env) {
    switch (engine.kind()) {
      case DOCKER -> env.put("DOCKER_HOST", "unix://" + engine.endpoint());
      case PODMAN -> {
        // podman talks to its storage directly; a CONTAINER_HOST would make it a remote client.
        env.remove("CONTAINER_HOST");
      }
    }
  }
}
