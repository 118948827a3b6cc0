package io.appbox.runtime.attach;

import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fast way into a running box: join its namespaces with {@code nsenter}, as the engine's own
 * exec would, without the round trips through the engine. Open to the box's owner: root for a
 * rootful engine, the user for rootless Podman (the box's user namespace is the user's own).
 */
public final class NamespaceEntry {
  private final EngineInfo engine;
  private final int uid;
  private final Optional<Path> nsenter;

  public NamespaceEntry(EngineInfo engine, int uid, Optional<Path> nsenter) {
    this.engine = engine;
    this.uid = uid;
    this.nsenter = nsenter;
  }

  /** Why the fast path is closed for this box, or empty when it is open. */
  public Optional<String> unavailable(ContainerState box) {
    if (nsenter.isEmpty()) {
      return Optional.of("nsenter is not installed");
    }
    if (box.pid() <= 0) {
      return Optional.of("the box reports no process");
    }
    boolean owner =
        uid == 0 ? !engine.rootless() : engine.rootless() && engine.kind() == EngineKind.PODMAN;
    if (!owner) {
      return Optional.of("the box's namespaces belong to the engine, not to you");
    }
    try {
      Files.readSymbolicLink(Path.of("/proc", Long.toString(box.pid()), "ns", "mnt"));
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot open the namespaces of process " + box.pid());
    }
  }

  /**
   * Changes to the working directory inside the box. nsenter's own {@code --wd} would open the
   * directory on the host before joining, leaving a working directory outside the box's root.
   */
  static final String CHDIR = "cd -- \"$1\" 2>/dev/null || cd; shift; exec \"$@\"";

  /** The command line that runs {@code command} in the box. */
  public List<String> argv(ContainerState box, AttachedCommand command) {
    List<String> argv = new ArrayList<>();
    argv.add(nsenter.orElseThrow().toString());
    argv.add("--target");
    argv.add(Long.toString(box.pid()));
    if (engine.rootless()) {
      argv.add("--user");
      argv.add("--preserve-credentials");
    }
    argv.add("--mount");
    argv.add("--");
    argv.addAll(List.of("/bin/sh", "-c", CHDIR, "appbox-run", command.workdir()));
    argv.addAll(command.argv());
    return argv;
  }
}
