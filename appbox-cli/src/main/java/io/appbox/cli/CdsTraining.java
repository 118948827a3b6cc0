package io.appbox.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Used only when the build makes the start-up cache (libexec/appbox-aot): goes once through what
 * the common commands run ({@code --version}, {@code list}, {@code exports} against a stand-in
 * engine, JSON, an atomic file, the export of a desktop application), so the cache holds those
 * classes, linked, with their lambdas and method handles. Java 25's AOT cache loads every class it
 * holds at each start, so it is given only these. For Java 17's class-data archive, which loads
 * lazily, every class of appbox's jars is loaded as well ({@code appbox.training=all}), which helps
 * the rarer commands.
 */
final class CdsTraining {
  private CdsTraining() {}

  static void train(String mode) {
    if (mode.equals("all")) {
      loadJarClasses();
    }
    Set<String> commands = commands();
    exerciseJdk();
    exerciseCommands(commands);
    if (commands.isEmpty() || commands.contains("install")) {
      exerciseInstallPath();
    }
  }

  /**
   * The commands a cache of their own is trained for ({@code appbox.training.commands}, separated
   * by commas); empty for the cache of every command. A cache loads all its classes at each start,
   * so the one {@code install} starts with holds only what an install uses: some 500 classes fewer
   * than the common cache, and the install's own call sites linked.
   */
  private static Set<String> commands() {
    String named = System.getProperty("appbox.training.commands", "");
    return named.isBlank() ? Set.of() : Set.of(named.split(","));
  }

  /**
   * Goes through what {@code install} does after the package manager: the profiles, a command in a
   * child process, and the export of a desktop application with its icons into a scratch home. The
   * code is cold on every start; with its lambdas and method handles in the archive, an install's
   * export costs a few tens of milliseconds less.
   */
  private static void exerciseInstallPath() {
    Path home = null;
    try {
      home = java.nio.file.Files.createTempDirectory("appbox-cds-home-");
      io.appbox.core.host.XdgDirs dirs =
          io.appbox.core.host.XdgDirs.of(java.util.Map.of("HOME", home.toString()), home);
      io.appbox.core.profile.ProfileCatalog profiles = Wiring.profiles(dirs, java.util.Map.of());
      profiles.readAhead("debian"); // as a command about a remembered box does
      profiles.all();
      // A command in a box, as appbox runs one through nsenter: here `true`, on the host.
      io.appbox.runtime.attach.CapturedCommand.run(
          java.util.List.of("true"), java.util.Map.of(), (stream, line) -> {});
      io.appbox.core.exported.ExportRegistry registry = Wiring.exports(dirs);
      byte[] entry =
          ("[Desktop Entry]\nType=Application\nName=Training\nName[de]=Übung\n"
                  + "Exec=training --file %F \"a b\"\nIcon=training\nCategories=Utility;\n"
                  + "Actions=new;\n\n[Desktop Action new]\nName=New\nExec=training --new\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Wiring.desktopExporter(dirs, java.util.Map.of("XDG_DATA_DIRS", home.toString()), registry)
          .exportApp(
              new io.appbox.core.export.AppExportRequest(
                  io.appbox.core.BoxName.of("training"),
                  "docker",
                  "training",
                  "training",
                  "/usr/share/applications/training.desktop",
                  entry,
                  new io.appbox.core.export.LauncherScript(
                      "docker/training",
                      "#!/bin/sh\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                  null),
              new TrainingBoxFiles());
      registry.all();
      Wiring.removal(dirs, registry).remove(e -> true);
    } catch (IOException | RuntimeException e) {
      // Without these the archive is only a little less complete.
    } finally {
      deleteTree(home);
    }
  }

  /** A box with one PNG and one SVG icon, as the export of a desktop application finds them. */
  private static final class TrainingBoxFiles implements io.appbox.core.export.BoxFiles {
    @Override
    public java.util.List<String> find(String iconName) {
      return java.util.List.of(
          "/usr/share/icons/hicolor/48x48/apps/" + iconName + ".png",
          "/usr/share/icons/hicolor/scalable/apps/" + iconName + ".svg");
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      if (path.endsWith(".svg")) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      return TrainingBox.png48();
    }

    @Override
    public boolean isExecutable(String path) {
      return true;
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var paths = java.nio.file.Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch directory under /tmp
    }
  }

  /**
   * Runs the commands people run most (only those named, for a cache of their own), the way they
   * run them, against an engine that answers like a Podman service with ten boxes.
   */
  private static void exerciseCommands(Set<String> commands) {
    // -Dappbox.training.verbose shows what the commands said, for whoever changes the training.
    java.io.PrintStream nowhere =
        System.getProperty("appbox.training.verbose") != null
            ? System.err
            : new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("appbox-training-");
      try (TrainingEngine engine = TrainingEngine.start(dir)) {
        // A config, as most users have one: reading it is YAML's whole document path.
        Path config = java.nio.file.Files.createDirectories(dir.resolve(".config/appbox"));
        java.nio.file.Files.writeString(
            config.resolve("config.yaml"),
            "# appbox's settings\nimages:\n  debian: docker.io/library/debian:bookworm\n");
        // The launcher an export writes names the engine's program, which is looked for on PATH.
        Path bin = java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Files.writeString(bin.resolve("podman"), "#!/bin/sh\nexit 1\n");
        bin.resolve("podman").toFile().setExecutable(true);
        java.util.Map<String, String> env =
            java.util.Map.of(
                "HOME",
                dir.toString(),
                "PATH",
                bin.toString(),
                "CONTAINER_HOST",
                "unix://" + engine.socket(),
                "XDG_RUNTIME_DIR",
                dir.toString());
        exerciseRememberedBox(dir, engine.socket(), env);
        for (String[] args :
            new String[][] {
              {"--version"},
              {"--version", "--json"},
              {"list"},
              {"--engine", "podman", "list"},
              {"list", "--json"},
              {"exports"},
              {"--json", "exports"},
              {"--engine", "podman", "search", "--box", "training-2", "hello"},
              {"--engine", "podman", "--json", "search", "--box", "training-2", "hello"},
              {"--engine", "podman", "show", "--box", "training-2", "appbox-hello"},
              {"--engine", "podman", "install", "--box", "training-2", "appbox-hello"},
              {"exports"},
              {"--engine", "podman", "remove", "--box", "training-2", "--yes", "appbox-hello"},
              {"--engine", "podman", "--json", "install", "--box", "training-2", "appbox-hello"}
            }) {
          String command = Commands.invoked(args);
          if (!commands.isEmpty() && (command == null || !commands.contains(command))) {
            continue;
          }
          try {
            Main.run(args, env, nowhere, nowhere);
          } catch (RuntimeException e) {
            // only the classes matter
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Without these the cache is only a little less complete.
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * What a command about a running box reads instead of asking the engine: the box remembered and
   * recalled, and the engine taken as it was. This process stands for the box's (it is running and
   * has a start and a mount namespace); no command is run in it.
   */
  private static void exerciseRememberedBox(
      Path dir, Path socket, java.util.Map<String, String> env) {
    try {
      int uid = (Integer) java.nio.file.Files.getAttribute(dir, "unix:uid");
      io.appbox.runtime.attach.BoxProcessCache cache =
          new io.appbox.runtime.attach.BoxProcessCache(java.util.Optional.of(dir), uid);
      io.appbox.core.BoxName name = io.appbox.core.BoxName.of("training-remembered");
      io.appbox.core.engine.EngineInfo engine =
          new io.appbox.core.engine.EngineInfo(
              io.appbox.core.engine.EngineKind.PODMAN,
              uid != 0,
              socket,
              "4.3.1",
              java.util.Optional.empty());
      cache.rememberState(
          engine,
          new io.appbox.core.engine.ContainerState(
              name,
              String.format("%064x", 1),
              "docker.io/library/debian:bookworm",
              true,
              "running",
              ProcessHandle.current().pid(),
              java.util.Map.of(
                  io.appbox.core.box.BoxLabels.MANAGER,
                  io.appbox.core.box.BoxLabels.MANAGER_VALUE,
                  io.appbox.core.box.BoxLabels.DISTRO,
                  "debian")));
      cache
          .recallState(name, java.util.Optional.empty())
          .ifPresent(
              r ->
                  new io.appbox.runtime.locate.EngineLocator(
                          env,
                          uid,
                          java.util.Optional.empty(),
                          java.util.Optional.empty(),
                          io.appbox.runtime.api.EngineTimeouts.DEFAULTS)
                      .remembered(r.engine()));
      cache.forget(engine.id(), name);
    } catch (java.io.IOException | RuntimeException e) {
      // Without these the cache is only a little less complete.
    }
  }

  private static void exerciseJdk() {
    try {
      Path dir = java.nio.file.Files.createTempDirectory("appbox-cds-");
      try {
        io.appbox.core.host.AtomicFile.write(dir.resolve("f"), new byte[] {1}, "rw-------");
        io.appbox.core.json.Json.parse(
            io.appbox.core.json.Json.write(java.util.Map.of("a", java.util.List.of(1L, "b"))));
        new io.appbox.runtime.api.UnixHttpClient(
                dir.resolve("no-socket"), io.appbox.runtime.api.EngineTimeouts.DEFAULTS)
            .send(io.appbox.runtime.api.ApiRequest.of("GET", "/_ping"));
      } catch (IOException expected) {
        // nobody listens there: the point was to load the classes
      } finally {
        deleteTree(dir);
      }
    } catch (IOException | RuntimeException e) {
      // Without these the archive is only a little less complete.
    }
  }

  private static void loadJarClasses() {
    ClassLoader loader = CdsTraining.class.getClassLoader();
    try {
      Path lib =
          Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .getParent();
      try (var jars = java.nio.file.Files.list(lib)) {
        for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
          try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
              String name = entries.nextElement().getName();
              if (name.endsWith(".class") && !name.contains("-") && !name.startsWith("META-INF")) {
                try {
                  Class.forName(
                      name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                } catch (LinkageError | ClassNotFoundException skipped) {
                  // optional dependencies of a library
                }
              }
            }
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      // Without the archive appbox still works, only starts slower.
    }
  }
}
