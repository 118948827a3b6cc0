package io.appbox.runtime.attach;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.AttachedRunner;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.log.Log;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a command in a box with the user's own terminal and streams: through the box's namespaces
 * when the user owns them, else through the engine's {@code exec}. Which of the two it took is
 * logged (info): {@code appbox -v run ...} says it.
 */
public final class BoxProcessRunner implements AttachedRunner {
  private final EngineInfo engine;
  private final NamespaceEntry namespaces;
  private final BoxProcessCache cache;
  private final Map<String, String> hostEnv;

  public BoxProcessRunner(
      EngineInfo engine,
      NamespaceEntry namespaces,
      BoxProcessCache cache,
      Map<String, String> hostEnv) {
    this.engine = engine;
    this.namespaces = namespaces;
    this.cache = cache;
    this.hostEnv = Map.copyOf(hostEnv);
  }

  @Override
  public int run(ContainerState box, AttachedCommand command) {
    return ChildProcess.waitFor(ChildProcess.start(processFor(box, command).inheritIO()));
  }

  /** The program that runs the command: the enter script, or the engine's program. */
  ProcessBuilder processFor(ContainerState box, AttachedCommand command) {
    Optional<String> closed = namespaces.unavailable(box);
    Optional<Path> cacheFile =
        closed.isEmpty() ? cache.remember(engine.id(), box, engine.rootless()) : Optional.empty();
    if (closed.isEmpty() && cacheFile.isEmpty()) {
      closed = Optional.of("cannot record the box's process in the runtime directory");
    }
    List<String> argv;
    Map<String, String> env;
    if (closed.isEmpty()) {
      if (Log.info()) {
        Log.info("run", "entering box " + box.name() + " through its namespaces (fast path)");
      }
      // The script takes the session from the host environment, as the launchers do.
      argv = namespaces.argv(cacheFile.get(), command);
      env = hostEnv;
    } else {
      if (Log.info()) {
        Log.info(
            "run", "entering box " + box.name() + " through the engine's exec: " + closed.get());
      }
      if (engine.cli().isEmpty()) {
        throw new AppboxException(
            ErrorCode.ENGINE_FAILED,
            "Cannot enter box "
                + box.name()
                + ": "
                + closed.get()
                + ", and the "
                + engine.kind().id()
                + " program is not installed.",
            "Install the " + engine.kind().id() + " command-line program.");
      }
      EngineCliExec.Invocation exec =
          EngineCliExec.of(engine, engine.cli().get(), box, command, hostEnv);
      argv = exec.argv();
      env = exec.environment();
    }
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb;
  }
}
