package io.appbox.runtime.attach;

import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's own {@code exec}, through its command-line program: works for every box.
 *
 * <p>The session's variables go as {@code --env NAME}, their values in the program's environment: a
 * command line is every local user's to read ({@code ps}), an environment only its owner's. Only
 * what appbox sets itself or passes by rule ({@code HOME}, {@code PATH}, {@code USER}, the box's
 * name) is written out, because the engine's program needs its own {@code HOME} and {@code PATH}.
 */
final class EngineCliExec {
  /** Values appbox computes for the box, which differ from what the engine's program needs. */
  private static final Set<String> WRITTEN_OUT =
      Set.of("HOME", "PATH", "USER", "LOGNAME", "APPBOX_BOX", "container");

  private EngineCliExec() {}

  /** The program's command line and environment. */
  record Invocation(List<String> argv, Map<String, String> environment) {}

  static Invocation of(
      EngineInfo engine,
      Path cli,
      ContainerState box,
      AttachedCommand command,
      Map<String, String> hostEnv) {
    List<String> argv = new ArrayList<>();
    Map<String, String> env = new HashMap<>(hostEnv);
    target(engine, env);
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
    command.environment().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              argv.add("--env");
              if (WRITTEN_OUT.contains(e.getKey())) {
                argv.add(e.getKey() + "=" + e.getValue());
              } else {
                argv.add(e.getKey());
                env.put(e.getKey(), e.getValue());
              }
            });
    argv.add(box.name().value());
    argv.addAll(command.argv());
    return new Invocation(argv, env);
  }

  /** Points the engine's program at the socket appbox found. */
  static void target(EngineInfo engine, Map<String, String> env) {
    switch (engine.kind()) {
      case DOCKER -> env.put("DOCKER_HOST", "unix://" + engine.endpoint());
      case PODMAN -> {
        // podman talks to its storage directly; a CONTAINER_HOST would make it a remote client.
        env.remove("CONTAINER_HOST");
      }
    }
  }
}
