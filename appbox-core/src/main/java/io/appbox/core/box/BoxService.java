package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.Quote;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.AttachedRunner;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.exported.ExportRemoval;
import io.appbox.core.host.Host;
import io.appbox.core.host.HostUser;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The life of a box: create, start, run, enter, stop, remove. */
public final class BoxService {
  /** PID 1 of a box: sleeps, and leaves at once when the engine stops the box. */
  static final List<String> KEEP_ALIVE =
      List.of(
          "/bin/sh",
          "-c",
          "trap 'kill $! 2>/dev/null; exit 0' TERM INT HUP; while :; do sleep 86400 & wait $!; done");

  private static final String INIT_SCRIPT = readResource("box-init.sh");

  private final ContainerEngine engine;
  private final ProfileCatalog profiles;
  private final Host host;
  private final ExportRegistry exports;
  private final ExportRemoval removal;
  private final AttachedRunner runner;
  private final String version;
  private final String defaultDistro;
  private final HostCommandRecord hostCommands;

  public BoxService(
      ContainerEngine engine,
      ProfileCatalog profiles,
      Host host,
      ExportRegistry exports,
      ExportRemoval removal,
      AttachedRunner runner,
      String version,
      String defaultDistro) {
    this(
        engine,
        profiles,
        host,
        exports,
        removal,
        runner,
        version,
        defaultDistro,
        HostCommandRecord.NONE);
  }

  /** With the record of managed host commands, which {@link #remove} clears of the box's. */
  public BoxService(
      ContainerEngine engine,
      ProfileCatalog profiles,
      Host host,
      ExportRegistry exports,
      ExportRemoval removal,
      AttachedRunner runner,
      String version,
      String defaultDistro,
      HostCommandRecord hostCommands) {
    this.engine = engine;
    this.profiles = profiles;
    this.host = host;
    this.exports = exports;
    this.removal = removal;
    this.runner = runner;
    this.version = version;
    this.defaultDistro = defaultDistro;
    this.hostCommands = hostCommands;
  }

  public Box create(CreateBox request, Progress progress) {
    return create(request, progress, Optional.empty(), Map.of());
  }

  /**
   * A new box with another box's packages and files, and its own name, labels and home; see {@link
   * BoxClones}.
   */
  public Box cloneOf(BoxName from, CreateBox request, boolean keepImage, Progress progress) {
    return new BoxClones(engine, this).make(from, request, keepImage, progress);
  }

  /**
   * A box that ends with its owner: its first process watches the owner and ends when it is gone,
   * and the engine then removes it. For {@code run --ephemeral}; see {@link ThrowawayBoxes}.
   */
  Box createThrowaway(CreateBox request, ProcessOwner owner, Progress progress) {
    return create(request, progress, Optional.of(owner), Map.of());
  }

  /** Creates the box; {@code owner} makes it a throwaway, {@code moreLabels} win over the rest. */
  Box create(
      CreateBox request,
      Progress progress,
      Optional<ProcessOwner> owner,
      Map<String, String> moreLabels) {
    DistroProfile profile = profile(request.distro().orElse(defaultDistro));
    if (request.init()) {
      InitSystem.requireSupported(profile);
    }
    HostUser user = host.user();
    Path boxHome = request.home().orElse(user.home()).toAbsolutePath().normalize();
    if (!HostUser.isSafeHome(boxHome)) {
      throw AppboxException.invalid(
          "Home directory " + Quote.of(boxHome.toString()) + " cannot be a box's home.",
          "Use an absolute path of letters, digits and / . _ + @ -.");
    }
    if (request.home().isPresent() && !host.exists(boxHome)) {
      throw AppboxException.invalid(
          "Home directory " + boxHome + " does not exist.", "Create it first: mkdir -p " + boxHome);
    }
    for (Volume v : request.volumes()) {
      if (!host.exists(v.source())) {
        throw AppboxException.invalid(
            "Volume source " + v.source() + " does not exist.", "Create it, or fix the path.");
      }
    }
    if (engine.inspect(request.name()).isPresent()) {
      throw Boxes.exists(request.name());
    }
    ImageRef image = request.image().orElse(profile.image());
    BoxImages.ensure(engine, profiles, image, profile, progress);

    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(BoxLabels.MANAGER, BoxLabels.MANAGER_VALUE);
    labels.put(BoxLabels.ID, BoxIds.newId());
    labels.put(BoxLabels.DISTRO, profile.id());
    labels.put(BoxLabels.HOME, boxHome.toString());
    labels.put(BoxLabels.USER, user.name());
    labels.put(BoxLabels.UID, Integer.toString(user.uid()));
    labels.put(BoxLabels.GID, Integer.toString(user.gid()));
    labels.put(BoxLabels.VERSION, version);
    labels.put(BoxLabels.IMAGE, image.toString());
    labels.put(BoxLabels.HOST_HOME, Boolean.toString(request.home().isEmpty()));
    if (request.entry()) {
      labels.put(BoxLabels.ENTRY, "true");
    }
    if (!request.hostOpen()) {
      labels.put(BoxLabels.HOST_OPEN, "false");
    }
    if (request.init()) {
      labels.put(BoxLabels.INIT, "true");
      // The box's image says which box it is for; the box itself is for none (its snapshots and
      // clones are not removed with it).
      labels.put(BoxLabels.BASE_FOR, "");
    }
    owner.ifPresent(o -> labels.put(BoxLabels.OWNER, o.label()));
    labels.putAll(moreLabels);
    ContainerSpec spec =
        new ContainerSpec(
            request.name(),
            image,
            owner.map(ProcessOwner::keepAlive).orElse(KEEP_ALIVE),
            labels,
            HostIntegration.mounts(host, boxHome, request.volumes()),
            HostIntegration.devices(host),
            Map.of(),
            true);
    if (owner.isPresent()) {
      spec = spec.removedWhenItStops();
    }
    progress.report("create", -1, "Creating box " + request.name());
    engine.create(spec);
    try {
      progress.report("start", -1, "Starting box " + request.name());
      engine.start(request.name());
      SudoSetup.ensure(engine, request.name(), profile, progress);
      progress.report("setup", -1, "Adding " + user.name() + " to box " + request.name());
      List<String> init = new ArrayList<>(List.of("/bin/sh", "-c", INIT_SCRIPT, "appbox-init"));
      init.addAll(
          List.of(
              user.name(),
              Integer.toString(user.uid()),
              Integer.toString(user.gid()),
              user.group(),
              boxHome.toString(),
              user.shell()));
      ExecResult result =
          engine.exec(request.name(), ExecRequest.asRoot(init, Map.of()), OutputListener.NONE);
      if (!result.ok()) {
        throw new AppboxException(
            ErrorCode.FAILED,
            "Setting up box " + request.name() + " failed: " + result.stderr().strip(),
            "The image may lack a POSIX shell or coreutils; try another image.");
      }
      Optional<Path> hostExec = host.hostExec();
      if (hostExec.isPresent()) {
        BoxHostTools.install(engine, request.name(), hostExec.get(), request.hostOpen());
      }
      if (request.init()) {
        InitSystem.make(engine, spec, profile, progress);
      }
    } catch (RuntimeException e) {
      // No half-made box: a failed create leaves nothing behind.
      try {
        if (engine.inspect(request.name()).isPresent()) {
          engine.remove(request.name(), true);
        }
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return Box.of(require(request.name()), 0, engine.info().id());
  }

  public DistroProfile profile(String distro) {
    return profiles.require(distro);
  }

  public List<Box> list() {
    List<Export> all = exports.all();
    String engineId = engine.info().id();
    List<Box> boxes = new ArrayList<>();
    for (ContainerState c : engine.list()) {
      int count = (int) all.stream().filter(e -> e.isFrom(engineId, c.name())).count();
      boxes.add(Box.of(c, count, engineId));
    }
    boxes.sort((a, b) -> a.name().compareTo(b.name()));
    return boxes;
  }

  public ContainerState require(BoxName name) {
    return engine
        .inspect(name)
        .filter(c -> BoxLabels.MANAGER_VALUE.equals(c.labels().get(BoxLabels.MANAGER)))
        .orElseThrow(() -> Boxes.notFound(name));
  }

  /** Starts the box; an init box once systemd has finished starting. */
  public Box start(BoxName name) {
    ContainerState box = require(name);
    engine.start(name);
    if (InitSystem.isInit(box)) {
      InitSystem.awaitBoot(engine, name);
    }
    return Box.of(require(name), 0, engine.info().id());
  }

  public Box stop(BoxName name) {
    require(name);
    engine.stop(name, 10);
    return Box.of(require(name), 0, engine.info().id());
  }

  /** Removes the box, every export that came from it and the record of its host commands. */
  public List<Export> remove(BoxName name, boolean force) {
    ContainerState box = require(name);
    if (box.running() && !force) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Box " + name + " is running.",
          "Stop it first (appbox stop "
              + name
              + "), or remove it anyway: appbox rm --force "
              + name);
    }
    engine.remove(name, true);
    // A clone's image, which the engine could not free while the clone used it.
    List<ImageInfo> made = new ArrayList<>(engine.images(BoxLabels.CLONE_FOR, name.value()));
    // A renamed clone's image still bears the name the clone was made under, as its tag.
    BoxClones.madeFor(box.image())
        .filter(was -> !was.equals(name.value()))
        .ifPresent(was -> made.addAll(engine.images(BoxLabels.CLONE_FOR, was)));
    // An init box's image, with systemd installed, found by the box's id (which a rename keeps).
    String id = box.labels().getOrDefault(BoxLabels.ID, "");
    if (!id.isEmpty()) {
      made.addAll(engine.images(BoxLabels.BASE_FOR, id));
    }
    for (ImageInfo image : made) {
      try {
        engine.removeImage(image.id());
      } catch (AppboxException inUse) {
        // another container runs from it; the engine keeps it
      }
    }
    String engineId = engine.info().id();
    hostCommands.update(
        all -> {
          all.removeIf(c -> c.engine().equals(engineId) && c.box().equals(name));
          return all;
        });
    return removal.removeAllFrom(engineId, name);
  }

  /** The record of a renamed box's host commands follows it (the links in the box stay). */
  public void hostCommandsFollow(BoxName from, BoxName to) {
    String engineId = engine.info().id();
    hostCommands.update(
        all -> {
          all.replaceAll(
              c ->
                  c.engine().equals(engineId) && c.box().equals(from)
                      ? new HostCommand(engineId, to, c.name())
                      : c);
          return all;
        });
  }

  /**
   * Starts the box when it is stopped (an init box until systemd has finished starting); returns
   * its running state.
   */
  public ContainerState running(BoxName name) {
    ContainerState box = require(name);
    if (box.running()) {
      return box;
    }
    engine.start(name);
    if (InitSystem.isInit(box)) {
      InitSystem.awaitBoot(engine, name);
    }
    return require(name);
  }

  public int run(BoxName name, List<String> argv, boolean asRoot, boolean terminal) {
    ContainerState box = running(name);
    return runner.run(box, attached(box, argv, asRoot, terminal));
  }

  /** The login shell the box's setup chose (the host's when the box has it). */
  public static final List<String> LOGIN_SHELL =
      List.of(
          "/bin/sh",
          "-c",
          "shell=$(cat /etc/appbox/shell 2>/dev/null) || shell=/bin/sh;"
              + " [ -x \"$shell\" ] || shell=/bin/sh; exec \"$shell\" -l",
          "appbox-enter");

  public int enter(BoxName name, boolean asRoot) {
    ContainerState box = running(name);
    return runner.run(box, attached(box, LOGIN_SHELL, asRoot, true));
  }

  private AttachedCommand attached(
      ContainerState box, List<String> argv, boolean asRoot, boolean terminal) {
    HostUser user = host.user();
    Path boxHome = Path.of(box.labels().getOrDefault(BoxLabels.HOME, user.home().toString()));
    Map<String, String> env =
        SessionEnvironment.of(host.environment(), user, box.name(), boxHome, asRoot);
    Path cwd = host.workingDirectory();
    String workdir = cwd.startsWith(boxHome) ? cwd.toString() : boxHome.toString();
    if (asRoot && !cwd.startsWith(boxHome)) {
      workdir = "/root";
    }
    String engineUser = asRoot || user.isRoot() ? "root" : user.engineUser();
    return new AttachedCommand(argv, engineUser, env, workdir, terminal, asRoot);
  }

  private static String readResource(String name) {
    try (InputStream in = BoxService.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
