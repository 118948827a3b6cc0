package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.FakeEngine;
import io.appbox.core.export.DesktopExporter;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportKind;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.ExportRegistry;
import io.appbox.core.export.ExportRemoval;
import io.appbox.core.export.ExportService;
import io.appbox.core.export.LauncherScript;
import io.appbox.core.host.Host;
import io.appbox.core.host.HostUser;
import io.appbox.core.pkg.PackageService;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.core.profile.ProgressFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An engine, a distro and a home in memory, wired into the real box, package and export services:
 * the applier is tested through the same services the commands use. Each box has a package database
 * ({@code pm list}, {@code pm install}, ...) and the files its packages bring; a box's image brings
 * {@link #BASE} packages.
 */
final class FakeWorld {
  static final Set<String> BASE = Set.of("base-files", "coreutils");

  /** What each package brings: an executable, and htop a desktop file. */
  static final Map<String, List<String>> PACKAGE_FILES =
      Map.of(
          "base-files", List.of(),
          "coreutils", List.of("/usr/bin/env"),
          "git", List.of("/usr/bin/git"),
          "htop", List.of("/usr/bin/htop", "/usr/share/applications/htop.desktop"),
          "tree", List.of("/usr/bin/tree"),
          "vim", List.of("/usr/bin/vim"));

  final Path home;
  final Map<BoxName, Set<String>> packages = new HashMap<>();
  final Map<BoxName, List<List<String>>> initRun = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  final List<Export> records = new ArrayList<>();
  final AppliedRecordFile applied;
  final BoxService boxes;
  final PackageService packageService;
  final ExportService exports;
  final FakeEngine engine = new FakeEngine();

  FakeWorld(Path home) {
    this.home = home;
    this.applied = new AppliedRecordFile(home.resolve(".local/state/appbox"));
    engine.info =
        new EngineInfo(EngineKind.PODMAN, false, Path.of("/fake.sock"), "4.3.1", Optional.empty());
    engine.onExec = this::exec;
    engine.afterCreate =
        spec -> {
          calls.add("create " + spec.name());
          packages.put(spec.name(), new TreeSet<>(BASE));
        };
    engine.afterRemove =
        name -> {
          calls.add("remove " + name);
          packages.remove(name);
        };
    HostUser user = new HostUser("ann", 1000, 1000, "ann", home, "/bin/sh");
    Host host =
        new Host() {
          @Override
          public HostUser user() {
            return user;
          }

          @Override
          public Map<String, String> environment() {
            return Map.of("PATH", home.resolve("host-bin").toString());
          }

          @Override
          public Path workingDirectory() {
            return home;
          }

          @Override
          public boolean exists(Path path) {
            return Files.exists(path);
          }
        };
    ExportRegistry registry =
        new ExportRegistry() {
          @Override
          public List<Export> all() {
            return List.copyOf(records);
          }

          @Override
          public List<Export> update(UnaryOperator<List<Export>> change) {
            List<Export> next = change.apply(List.copyOf(records));
            records.clear();
            records.addAll(next);
            return next;
          }
        };
    ExportRemoval removal =
        which -> {
          List<Export> removed = new ArrayList<>();
          registry.update(
              current -> {
                List<Export> kept = new ArrayList<>();
                for (Export e : current) {
                  if (which.test(e)) {
                    e.files().forEach(f -> f.toFile().delete());
                    removed.add(e);
                  } else {
                    kept.add(e);
                  }
                }
                return kept;
              });
          return removed;
        };
    DesktopExporter exporter =
        new DesktopExporter() {
          @Override
          public ExportOutcome exportApp(
              io.appbox.core.export.AppExportRequest r, io.appbox.core.export.BoxFiles files) {
            return record(r.box(), ExportKind.APP, r.desktopId(), r.pkg(), r.source(), registry);
          }

          @Override
          public ExportOutcome exportCommand(io.appbox.core.export.CommandExportRequest r) {
            return record(r.box(), ExportKind.BIN, r.name(), r.pkg(), r.source(), registry);
          }
        };
    this.boxes =
        new BoxService(
            engine, profiles(), host, registry, removal, (box, cmd) -> 0, "0.1.0", "debian");
    this.packageService = new PackageService(engine, boxes, home.resolve(".locks"));
    this.exports =
        new ExportService(
            engine,
            boxes,
            packageService,
            registry,
            removal,
            exporter,
            box -> new LauncherScript("launcher-" + box.name(), new byte[0]),
            host,
            home.resolve(".local/bin"));
  }

  CurrentStateReader reader() {
    return new CurrentStateReader(engine, boxes, packageService, exports, applied, home, "debian");
  }

  ManifestApplier applier() {
    return new ManifestApplier(engine, boxes, packageService, exports, applied, home);
  }

  Planner planner() {
    return new Planner(profiles(), Files::exists);
  }

  /** A box made outside apply, as {@code appbox create} and {@code appbox install} would. */
  void existingBox(String name, String... installed) {
    boxes.create(
        new io.appbox.core.box.CreateBox(
            BoxName.of(name),
            Optional.of("debian"),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false),
        io.appbox.core.Progress.NONE);
    packages.get(BoxName.of(name)).addAll(List.of(installed));
  }

  private ExportOutcome record(
      BoxName box, ExportKind kind, String name, String pkg, String source, ExportRegistry r) {
    Path file = home.resolve("exports/" + box + "-" + name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    Export e = new Export(box, "podman", kind, name, pkg, source, List.of(file), Instant.EPOCH);
    calls.add("export " + kind + " " + name + " from " + box);
    r.update(
        current -> {
          List<Export> next = new ArrayList<>();
          for (Export x : current) {
            if (!(x.box().equals(box) && x.kind() == kind && x.name().equals(name))) {
              next.add(x);
            }
          }
          next.add(e);
          return next;
        });
    return new ExportOutcome(e, List.of());
  }

  static ProfileCatalog profiles() {
    PackageCommand none = PackageCommand.of(true, "pm", "noop");
    DistroProfile debian =
        new DistroProfile(
            "debian",
            "Debian",
            ImageRef.parse("docker.io/library/debian:bookworm"),
            Optional.empty(),
            new PackageCommands(
                PackageCommand.of(true, "pm", "install"),
                PackageCommand.of(true, "pm", "remove"),
                none,
                none,
                PackageCommand.of(false, "pm", "list"),
                new PackageCommand(
                    List.of("pm", "files"),
                    false,
                    Optional.of(Pattern.compile("^(?<path>/[^\\n]*)$", Pattern.MULTILINE))),
                new PackageCommand(
                    List.of("pm", "owner"),
                    false,
                    Optional.of(Pattern.compile("^(?<name>[^\\n]+)$", Pattern.MULTILINE))),
                PackageCommand.of(true, "pm", "update"),
                none,
                none,
                none,
                none,
                Optional.empty(),
                ProgressFormat.NONE),
            Map.of(),
            DistroProfile.BUILT_IN);
    return new ProfileCatalog() {
      @Override
      public List<DistroProfile> all() {
        return List.of(debian);
      }

      @Override
      public Optional<DistroProfile> find(String id) {
        return id.equals("debian") ? Optional.of(debian) : Optional.empty();
      }
    };
  }

  // What runs in a box: its package manager, file tests, the desktop file, init commands.

  private ExecResult exec(BoxName name, ExecRequest request) {
    List<String> argv = request.argv();
    Set<String> installed = packages.get(name);
    if (argv.size() > 3 && argv.get(3).equals("appbox-init")) {
      return ok("");
    }
    if (argv.get(0).equals("pm")) {
      List<String> args = argv.subList(2, argv.size());
      switch (argv.get(1)) {
        case "list":
          StringBuilder out = new StringBuilder();
          installed.forEach(p -> out.append(p).append("\t1.0\n"));
          return ok(out.toString());
        case "install":
          calls.add("install " + String.join(" ", args) + " in " + name);
          for (String p : args) {
            if (!PACKAGE_FILES.containsKey(p)) {
              return ExecResult.of(100, "", "E: Unable to locate package " + p);
            }
          }
          installed.addAll(args);
          return ok("");
        case "remove":
          calls.add("remove " + String.join(" ", args) + " from " + name);
          args.forEach(installed::remove);
          return ok("");
        case "owner":
          return ok(owner(installed, args.get(0)));
        case "files":
          return ok(String.join("\n", PACKAGE_FILES.getOrDefault(args.get(0), List.of())));
        default:
          return ok("");
      }
    }
    // The file tests of exports: /bin/sh -c TEST appbox-test -x PATH. The login script of the
    // terminal entry is box-init's, in every box.
    if (argv.size() == 6 && argv.get(3).equals("appbox-test")) {
      boolean there =
          argv.get(5).equals("/etc/appbox/login") || !owner(installed, argv.get(5)).isEmpty();
      return ExecResult.of(there ? 0 : 1, "", "");
    }
    if (argv.get(0).equals("/usr/bin/head")) {
      return ok("[Desktop Entry]\nType=Application\nName=X\nExec=x\n");
    }
    // An init command: `false` fails, anything else succeeds.
    initRun.computeIfAbsent(name, n -> new ArrayList<>()).add(argv);
    return argv.get(0).equals("false") ? ExecResult.of(1, "", "it failed") : ok("");
  }

  private static String owner(Set<String> installed, String path) {
    for (String p : installed) {
      if (PACKAGE_FILES.getOrDefault(p, List.of()).contains(path)) {
        return p;
      }
    }
    return "";
  }

  private static ExecResult ok(String out) {
    return new ExecResult(0, out.getBytes(StandardCharsets.UTF_8), "");
  }
}
