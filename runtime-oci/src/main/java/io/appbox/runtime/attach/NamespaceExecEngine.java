package io.appbox.runtime.attach;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.SessionEnvironment;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.InspectedBox;
import io.appbox.core.engine.OutputListener;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine, with the commands appbox itself runs in a box (the package manager, file lists,
 * desktop files and icons) sent through the box's namespaces when the user owns them, as {@code
 * appbox run} is: each saves the engine's exec round trips and its runtime's start, some 80 ms on
 * rootless Podman. Where that path is closed, or the command asks for something it cannot give (a
 * working directory, a user other than root or the caller), the engine runs it.
 *
 * <p>Commands may run from several threads at once (queries side by side); what this knows of the
 * boxes is read and changed under its lock.
 *
 * <p>A box's state is asked of the engine once per appbox process, and again after this process
 * started, stopped, made, renamed or removed it: a command asks for it several times (to check the
 * box, to start it, to enter it), and each answer costs a round trip.
 */
public final class NamespaceExecEngine implements ContainerEngine {

  private final ContainerEngine engine;
  private final NamespaceEntry namespaces;
  private final BoxProcessCache cache;
  private final int uid;

  // Keyed by the name's text: a record's hashCode is bound on first use, which costs a start.
  /** Boxes entered by this process, with the mount namespace they had then. */
  private final Map<String, Entered> entered = new HashMap<>();

  /** The engine's last answer about each box, until this process changes the box. */
  private final Map<String, Optional<ContainerState>> inspected = new HashMap<>();

  private record Entered(ContainerState box, Path cacheFile, String mnt, String start) {}

  public NamespaceExecEngine(
      ContainerEngine engine, NamespaceEntry namespaces, BoxProcessCache cache, int uid) {
    this.engine = engine;
    this.namespaces = namespaces;
    this.cache = cache;
    this.uid = uid;
  }

  @Override
  public ExecResult exec(BoxName name, ExecRequest request, OutputListener listener) {
    Optional<Boolean> asRoot = asRoot(request);
    if (asRoot.isEmpty()
        || (request.workdir() != null && !request.workdir().equals("/"))
        || !namespaces.allowed()) {
      return engine.exec(name, request, listener);
    }
    Optional<Entered> box = enter(name);
    if (box.isEmpty()) {
      return engine.exec(name, request, listener);
    }
    Optional<ExecResult> direct = direct(box.get(), request, asRoot.get(), listener);
    if (direct.isPresent()) {
      return direct.get();
    }
    String user = asRoot.get() ? "root" : "caller";
    List<String> argv =
        namespaces.argv(
            box.get().cacheFile(),
            new AttachedCommand(
                request.argv(), user, Map.of(), "/", false, asRoot.get() && uid != 0));
    return CapturedCommand.run(argv, request.environment(), listener);
  }

  /**
   * Rootless: the command through nsenter straight away, with the environment appbox-enter would
   * give it (the box's PATH, HOME, for root USER and LOGNAME, APPBOX_BOX, container), once the
   * box's process is checked to be the one entered before (its start, besides its mount namespace).
   */
  private Optional<ExecResult> direct(
      Entered box, ExecRequest request, boolean root, OutputListener listener) {
    long pid = box.box().pid();
    String home = box.box().labels().getOrDefault(BoxLabels.HOME, "");
    if (home.isEmpty() || !BoxProcessCache.startTime(pid).equals(Optional.of(box.start()))) {
      return Optional.empty();
    }
    long self = ProcessHandle.current().pid();
    Optional<String> pidNs = BoxProcessCache.namespace(pid, "pid");
    Optional<String> ownPidNs = BoxProcessCache.namespace(self, "pid");
    Optional<String> userNs = BoxProcessCache.namespace(pid, "user");
    // Only into a user namespace of the box's own, which is what makes the path the user's.
    if (pidNs.isEmpty()
        || ownPidNs.isEmpty()
        || userNs.isEmpty()
        || userNs.equals(BoxProcessCache.namespace(self, "user"))) {
      return Optional.empty();
    }
    Optional<List<String>> argv =
        namespaces.direct(
            pid, !pidNs.equals(ownPidNs), root, root ? "/root" : home, request.argv());
    if (argv.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> env = new HashMap<>(request.environment());
    env.put("PATH", SessionEnvironment.BOX_PATH);
    env.put("HOME", root ? "/root" : home);
    if (root) {
      env.put("USER", "root");
      env.put("LOGNAME", "root");
    }
    env.put("APPBOX_BOX", box.box().name().value());
    env.put("container", "appbox");
    return Optional.of(CapturedCommand.run(argv.get(), env, listener));
  }

  /**
   * Whether the command runs as root (true) or as the caller (false); empty when the fast path
   * cannot run it as the user it names.
   */
  private Optional<Boolean> asRoot(ExecRequest request) {
    String user = request.user() == null ? "root" : request.user();
    String who = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
    if (who.equals("root") || who.equals("0")) {
      return Optional.of(true);
    }
    // Root enters with its own identity, so it cannot be another user inside; the user can.
    if (who.equals(Integer.toString(uid)) && uid != 0) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** The box's process as this process last saw it, checked to be still the box's. */
  private synchronized Optional<Entered> enter(BoxName name) {
    Entered known = entered.get(name.value());
    if (known != null
        && BoxProcessCache.mountNamespace(known.box().pid()).equals(Optional.of(known.mnt()))) {
      return Optional.of(known);
    }
    entered.remove(name.value());
    Optional<ContainerState> box = inspect(name).filter(ContainerState::running);
    if (box.isEmpty() || namespaces.unavailable(box.get()).isPresent()) {
      return Optional.empty();
    }
    Optional<Path> file = cache.remember(engine.info().id(), box.get(), engine.info().rootless());
    Optional<String> mnt = BoxProcessCache.mountNamespace(box.get().pid());
    Optional<String> start = BoxProcessCache.startTime(box.get().pid());
    if (file.isEmpty() || mnt.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    cache.rememberState(engine.info(), box.get());
    Entered now = new Entered(box.get(), file.get(), mnt.get(), start.get());
    entered.put(name.value(), now);
    return Optional.of(now);
  }

  // What changes a box forgets what this process knew of it. What stops it, removes it or gives
  // its name to another container also forgets its process cache and ends the processes that
  // entered its namespaces, which the engine does not see.

  private synchronized void forget(BoxName name) {
    entered.remove(name.value());
    inspected.remove(name.value());
  }

  /** The mount namespace of the box's running process, before the engine ends it. */
  private Optional<String> namespaceOf(BoxName name) {
    if (!namespaces.allowed()) {
      return Optional.empty();
    }
    return inspect(name)
        .filter(ContainerState::running)
        .flatMap(box -> BoxProcessCache.mountNamespace(box.pid()));
  }

  private void ended(BoxName name, Optional<String> mnt, int graceSeconds) {
    cache.forget(engine.info().id(), name);
    mnt.ifPresent(m -> BoxProcesses.endAll(m, graceSeconds * 1000L));
  }

  /**
   * Takes the box as appbox remembered it ({@link BoxProcessCache#recallState}) for what the engine
   * would say of it, until the box is started, stopped or made again.
   */
  public synchronized void recalled(RememberedBox box) {
    inspected.put(box.box().name().value(), Optional.of(box.box()));
  }

  @Override
  public synchronized Optional<ContainerState> inspect(BoxName name) {
    return inspected.computeIfAbsent(name.value(), n -> engine.inspect(name));
  }

  @Override
  public void create(ContainerSpec spec) {
    forget(spec.name());
    try {
      engine.create(spec);
    } finally {
      forget(spec.name());
    }
  }

  @Override
  public void start(BoxName name) {
    forget(name);
    engine.start(name);
  }

  @Override
  public void stop(BoxName name, int timeoutSeconds) {
    Optional<String> mnt = namespaceOf(name);
    forget(name);
    engine.stop(name, timeoutSeconds);
    ended(name, mnt, timeoutSeconds);
  }

  @Override
  public void remove(BoxName name, boolean force) {
    Optional<String> mnt = namespaceOf(name);
    forget(name);
    engine.remove(name, force);
    ended(name, mnt, 10);
  }

  @Override
  public void removeKeepingVolumes(BoxName name) {
    Optional<String> mnt = namespaceOf(name);
    forget(name);
    engine.removeKeepingVolumes(name);
    ended(name, mnt, 10);
  }

  @Override
  public void rename(BoxName from, BoxName to) {
    forget(from);
    forget(to);
    engine.rename(from, to);
    cache.forget(engine.info().id(), from);
    cache.forget(engine.info().id(), to);
  }

  @Override
  public EngineInfo info() {
    return engine.info();
  }

  @Override
  public List<ContainerState> list() {
    List<ContainerState> boxes = engine.list();
    cache.forgetGoneThrowaways(
        engine.info().id(),
        boxes.stream().map(b -> b.name().value()).collect(java.util.stream.Collectors.toSet()));
    return boxes;
  }

  @Override
  public String lastOutput(BoxName name, int lines) {
    return engine.lastOutput(name, lines);
  }

  @Override
  public Optional<String> systemdCgroupProblem() {
    return engine.systemdCgroupProblem();
  }

  @Override
  public ContainerSpec specOf(BoxName name) {
    return engine.specOf(name);
  }

  @Override
  public Optional<InspectedBox> inspectWithSpec(BoxName name) {
    return engine.inspectWithSpec(name);
  }

  @Override
  public void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    engine.commit(name, tag, labels);
  }

  @Override
  public List<ImageInfo> images(String key, String value) {
    return engine.images(key, value);
  }

  @Override
  public void removeImage(String idOrRef) {
    engine.removeImage(idOrRef);
  }

  @Override
  public boolean imageExists(ImageRef image) {
    return engine.imageExists(image);
  }

  @Override
  public void pull(ImageRef image, io.appbox.core.engine.PullListener progress) {
    engine.pull(image, progress);
  }

  @Override
  public void importRootfs(InputStream tarball, ImageRef tag) {
    engine.importRootfs(tarball, tag);
  }
}
