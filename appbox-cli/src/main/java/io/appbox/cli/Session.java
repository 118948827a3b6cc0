package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.export.ExportService;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.host.PrivateDirectory;
import io.appbox.core.host.XdgDirs;
import io.appbox.core.log.Log;
import io.appbox.core.pkg.PackageService;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.core.upgrade.RecoveringEngine;
import io.appbox.core.upgrade.Restore;
import io.appbox.core.upgrade.RestoreJournal;
import io.appbox.core.upgrade.UpgradeService;
import io.appbox.runtime.api.DockerApiEngine;
import io.appbox.runtime.attach.BoxProcessCache;
import io.appbox.runtime.attach.BoxProcessRunner;
import io.appbox.runtime.attach.NamespaceEntry;
import io.appbox.runtime.attach.NamespaceExecEngine;
import io.appbox.runtime.attach.RememberedBox;
import io.appbox.runtime.export.BoxLaunchers;
import io.appbox.runtime.locate.EngineLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Wires the adapters into the core for one command, each piece made when first needed so that a
 * command loads only what it uses.
 */
final class Session {
  static final String VERSION = Version.get();

  private final Map<String, String> env;
  private final GlobalOptions options;
  private final Output output;
  private SystemHost host;
  private DockerApiEngine api;
  private ContainerEngine direct;
  private Optional<RememberedBox> remembered = Optional.empty();
  private ContainerEngine engine;
  private Restore restore;
  private BoxService boxes;
  private ProfileCatalog profiles;
  private ExportRegistry exports;
  private Config config;
  private PackageService packages;
  private ExportService exportService;
  private UpgradeService upgrades;
  private Optional<Path> runtimeDir;

  private final java.util.List<String> commandLine;

  Session(
      Map<String, String> env,
      GlobalOptions options,
      Output output,
      java.util.List<String> commandLine) {
    this.env = env;
    this.options = options;
    this.output = output;
    this.commandLine = commandLine;
  }

  Output output() {
    return output;
  }

  /**
   * The command line as given with {@code option} added right after the command's name, where it
   * cannot be taken for a package: {@code remove --yes --box dev -- htop}.
   */
  String commandLineWith(String option) {
    java.util.List<String> words = new java.util.ArrayList<>(commandLine);
    String command = Commands.invoked(commandLine.toArray(String[]::new));
    int at = command == null ? -1 : words.indexOf(command);
    words.add(at < 0 ? words.size() : at + 1, option);
    return Text.printable(String.join(" ", words));
  }

  /** Refuses to run as root through sudo unless {@code --rootful} says that is meant. */
  void refuseUnderSudo() {
    RootUnderSudo.check(env, host().uid(), options.rootful, commandLine);
  }

  Map<String, String> env() {
    return env;
  }

  SystemHost host() {
    if (host == null) {
      host = new SystemHost(env);
    }
    return host;
  }

  Config config() {
    if (config == null) {
      config = Config.load(dirs().appboxConfig().resolve("config.yaml"));
    }
    return config;
  }

  XdgDirs dirs() {
    return XdgDirs.of(env, host().user().home());
  }

  /**
   * The engine as commands use it: a restore cut short is finished or undone before a command
   * touches its box, and the commands appbox runs in a box go through the box's namespaces where
   * the user owns them.
   */
  ContainerEngine engine() {
    if (engine == null) {
      engine = new RecoveringEngine(directEngine(), restore(), output::warn);
    }
    return engine;
  }

  /** The engine without recovery: what a restore itself works on. */
  private ContainerEngine directEngine() {
    if (direct == null) {
      NamespaceExecEngine namespaced =
          new NamespaceExecEngine(api(), namespaces(), processCache(), host().uid());
      remembered.ifPresent(namespaced::recalled);
      direct = namespaced;
    }
    return direct;
  }

  /**
   * For a command about one box (install, search, show, remove, packages, export): the engine and
   * the box as appbox last saw them, taken instead of asking the engine while the box's first
   * process is the same one ({@link RememberedBox}), and its profile read ahead. Before anything
   * asks for the engine.
   */
  void aboutBox(BoxName box) {
    if (api == null && direct == null) {
      remembered = processCache().recallState(box, wantedEngine());
      if (remembered.isPresent()) {
        // Its profile is read on a second core while the engine is taken and the box locked.
        String distro = remembered.get().box().labels().get(io.appbox.core.box.BoxLabels.DISTRO);
        if (distro != null) {
          profiles().readAhead(distro);
        }
      }
    }
  }

  /** The package-manager transactions begun and not ended, which doctor reports and finishes. */
  io.appbox.core.pkg.TransactionJournal transactions() {
    return io.appbox.core.pkg.TransactionJournal.in(dirs().appboxState(), engine().info().id());
  }

  /** Restores from snapshots, journaled in appbox's state directory so none strands a box. */
  Restore restore() {
    if (restore == null) {
      restore =
          new Restore(
              directEngine(),
              RestoreJournal.in(dirs().appboxState(), api().info().id()),
              java.time.Clock.systemUTC(),
              output::warn);
    }
    return restore;
  }

  /** The engine that answered, spoken to through its API only. */
  private DockerApiEngine api() {
    if (api == null) {
      EngineLocator locator =
          new EngineLocator(
              env, host().uid(), wantedEngine(), Optional.empty(), config().engineTimeouts());
      Optional<DockerApiEngine> known =
          remembered.flatMap(
              r ->
                  locator
                      .remembered(r.engine())
                      .filter(a -> a.info().id().equals(r.engine().id())));
      if (known.isEmpty()) {
        remembered = Optional.empty();
      }
      api = known.orElseGet(locator::locate);
      if (Log.info()) {
        Log.info(
            "engine",
            "using "
                + api.info().id()
                + " "
                + api.info().version()
                + " at "
                + api.info().endpoint()
                + remembered
                    .map(r -> ", as box " + r.box().name() + "'s process last saw it (not asked)")
                    .orElse(""));
      }
    }
    return api;
  }

  /** The engine the command line or the config asks for; empty for whichever answers. */
  private Optional<EngineKind> wantedEngine() {
    return Optional.ofNullable(options.engine)
        .map(Enum::name)
        .or(() -> config().engine())
        .map(e -> EngineKind.valueOf(e.toUpperCase(java.util.Locale.ROOT)));
  }

  ProfileCatalog profiles() {
    if (profiles == null) {
      profiles = Wiring.profiles(dirs(), config().images());
    }
    return profiles;
  }

  ExportRegistry exports() {
    if (exports == null) {
      exports = Wiring.exports(dirs());
    }
    return exports;
  }

  /**
   * appbox's private runtime directory (process caches, locks): {@code $XDG_RUNTIME_DIR} or {@code
   * ~/.cache/appbox/run} when nobody else can write it; empty when neither is the caller's.
   */
  Optional<Path> runtimeDir() {
    if (runtimeDir == null) {
      runtimeDir = PrivateDirectory.runtimeDir(env, host().user().home(), host().uid());
    }
    return runtimeDir;
  }

  /** Where locks go: the private runtime directory, else the one XDG names. */
  Path lockDir() {
    return runtimeDir().orElse(dirs().runtimeDir()).resolve("appbox/locks");
  }

  BoxProcessCache processCache() {
    return new BoxProcessCache(runtimeDir(), host().uid());
  }

  NamespaceEntry namespaces() {
    Optional<Path> nsenter = Optional.of(Path.of("/usr/bin/nsenter")).filter(Files::isExecutable);
    Optional<Path> enterScript =
        Optional.ofNullable(System.getProperty("appbox.home"))
            .map(h -> Path.of(h, "libexec", "appbox-enter"))
            .filter(Files::isReadable);
    return new NamespaceEntry(api().info(), host().uid(), nsenter, enterScript);
  }

  BoxService boxes() {
    if (boxes == null) {
      ContainerEngine e = engine();
      BoxProcessRunner runner = new BoxProcessRunner(e.info(), namespaces(), processCache(), env);
      boxes =
          new BoxService(
              e,
              profiles(),
              host(),
              exports(),
              Wiring.removal(dirs(), exports()),
              runner,
              VERSION,
              config().defaultDistro(),
              hostCommandRecord());
    }
    return boxes;
  }

  private io.appbox.core.box.HostCommandRecord hostCommandRecord() {
    return new io.appbox.core.box.HostCommandRecordFile(dirs().appboxState());
  }

  io.appbox.core.box.HostCommandService hostCommands() {
    return new io.appbox.core.box.HostCommandService(
        engine(), boxes(), host(), hostCommandRecord());
  }

  PackageService packages() {
    if (packages == null) {
      packages = new PackageService(engine(), boxes(), lockDir());
    }
    return packages;
  }

  UpgradeService upgrades() {
    if (upgrades == null) {
      upgrades =
          new UpgradeService(
              engine(),
              boxes(),
              packages(),
              exportService(),
              restore(),
              java.time.Clock.systemUTC(),
              config().keepSnapshots());
    }
    return upgrades;
  }

  ExportService exportService() {
    if (exportService == null) {
      ContainerEngine e = engine();
      exportService =
          new ExportService(
              e,
              boxes(),
              packages(),
              exports(),
              Wiring.removal(dirs(), exports()),
              Wiring.desktopExporter(dirs(), env, exports()),
              new BoxLaunchers(e.info(), namespaces(), processCache()),
              host(),
              dirs().binDir());
    }
    return exportService;
  }

  io.appbox.core.rename.BoxRename renames() {
    return new io.appbox.core.rename.BoxRename(
        engine(),
        boxes(),
        exports(),
        Wiring.removal(dirs(), exports()),
        exportService(),
        upgrades());
  }

  io.appbox.core.install.InstallService installs() {
    return new io.appbox.core.install.InstallService(packages(), exportService());
  }
}
