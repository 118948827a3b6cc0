package io.appbox.runtime.attach;

import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fast way into a running box: join its namespaces with {@code nsenter}, as the engine's own
 * exec would, without the round trips through the engine. Open to the box's owner: root for a
 * rootful engine, the user for rootless Podman (the box's user namespace is the user's own).
 *
 * <p>The entering itself is the {@code libexec/appbox-enter} script, which {@code appbox run}
 * without a JVM and every exported launcher use too, so that all three enter a box the same way.
 */
public final class NamespaceEntry {
  private final EngineInfo engine;
  private final int uid;
  private final Optional<Path> nsenter;
  private final Optional<Path> enterScript;

  public NamespaceEntry(
      EngineInfo engine, int uid, Optional<Path> nsenter, Optional<Path> enterScript) {
    this.engine = engine;
    this.uid = uid;
    this.nsenter = nsenter;
    this.enterScript = enterScript;
  }

  /** Whether the user may join this engine's boxes at all. */
  public boolean allowed() {
    return uid == 0 ? !engine.rootless() : engine.rootless() && engine.kind() == EngineKind.PODMAN;
  }

  /** Why the fast path is closed for this box, or empty when it is open. */
  public Optional<String> unavailable(ContainerState box) {
    if (nsenter.isEmpty()) {
      return Optional.of("nsenter is not installed");
    }
    if (enterScript.isEmpty()) {
      return Optional.of("appbox's libexec/appbox-enter is missing");
    }
    if (box.pid() <= 0) {
      return Optional.of("the box reports no process");
    }
    if (!allowed()) {
      return Optional.of("the box's namespaces belong to the engine, not to you");
    }
    if (BoxProcessCache.mountNamespace(box.pid()).isEmpty()) {
      return Optional.of("cannot open the namespaces of process " + box.pid());
    }
    return Optional.empty();
  }

  /** The command line that runs {@code command} in the box, given its process cache file. */
  public List<String> argv(Path cacheFile, AttachedCommand command) {
    boolean root = command.user().equals("root") && uid != 0;
    List<String> argv = new ArrayList<>();
    argv.add("/bin/sh");
    argv.add(enterScript.orElseThrow().toString());
    argv.add(cacheFile.toString());
    argv.add(root ? "1" : "0");
    argv.addAll(command.argv());
    return argv;
  }
}
