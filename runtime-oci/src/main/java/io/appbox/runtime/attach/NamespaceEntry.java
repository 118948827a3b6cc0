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
 * <p>On a rootful engine the command gets the box's capability bounding set, applied by the host's
 * {@code setpriv} and {@code chroot} after joining, which needs {@code CAP_SYS_CHROOT} in that set;
 * without them the engine's exec runs the command.
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
    if (!engine.rootless()) {
      if (hostProgram("setpriv").isEmpty() || hostProgram("chroot").isEmpty()) {
        return Optional.of("setpriv or chroot is not installed");
      }
      if (!BoxCapabilities.canChroot(box.pid())) {
        return Optional.of("the box's capabilities do not include CAP_SYS_CHROOT");
      }
    }
    return Optional.empty();
  }

  /** A host program where appbox-enter looks for it, never on the caller's PATH. */
  static Optional<Path> hostProgram(String name) {
    for (String dir : new String[] {"/usr/bin/", "/usr/sbin/", "/bin/", "/sbin/"}) {
      Path p = Path.of(dir + name);
      if (java.nio.file.Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The shell's way into the working directory, as appbox-enter's: the directory, else home. */
  static final String CD = "cd -- \"$1\" 2>/dev/null || cd; shift; exec \"$@\"";

  /**
   * For rootless Podman, where the box's user namespace is the user's own: the command line that
   * joins the box's user and mount namespaces (and its process namespace when it has one of its
   * own, an init box) straight from the JVM, which has just checked the box's process (its mount
   * namespace and start). It is what appbox-enter ends in; the script's own checks of the cache
   * file and its programs cost some 15 ms a command, which appbox's own commands (the package
   * manager, file lists, icons) do not need. Empty on a rootful engine, whose entry also lowers the
   * capabilities (the script does that).
   */
  public Optional<List<String>> direct(
      long pid, boolean ownPidNamespace, boolean root, String wd, List<String> command) {
    if (!engine.rootless() || nsenter.isEmpty()) {
      return Optional.empty();
    }
    List<String> argv = new ArrayList<>();
    argv.add(nsenter.get().toString());
    argv.add("--target");
    argv.add(Long.toString(pid));
    if (ownPidNamespace) {
      argv.add("--pid");
    }
    argv.add("--user");
    if (!root) {
      argv.add("--preserve-credentials");
    }
    argv.add("--mount");
    argv.add("--");
    argv.addAll(List.of("/bin/sh", "-c", CD, "appbox-run", wd));
    argv.addAll(command);
    return Optional.of(argv);
  }

  /** The command line that runs {@code command} in the box, given its process cache file. */
  public List<String> argv(Path cacheFile, AttachedCommand command) {
    boolean root = command.asRoot();
    List<String> argv = new ArrayList<>();
    argv.add("/bin/sh");
    argv.add(enterScript.orElseThrow().toString());
    argv.add(cacheFile.toString());
    argv.add(root ? "1" : "0");
    argv.addAll(command.argv());
    return argv;
  }
}
