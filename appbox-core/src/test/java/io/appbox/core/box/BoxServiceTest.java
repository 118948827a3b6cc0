package io.appbox.core.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.FakeEngine;
import io.appbox.core.engine.Mount;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.exported.ExportRemoval;
import io.appbox.core.host.Host;
import io.appbox.core.host.HostUser;
import io.appbox.core.profile.Bootstrap;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import io.appbox.core.profile.RemovalPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxServiceTest {
  @TempDir Path home;

  private final FakeEngine engine = new FakeEngine();
  private final List<Export> records = new ArrayList<>();
  private final List<AttachedCommand> attached = new ArrayList<>();

  private BoxService service() {
    if (!engine.images.contains("registry.fedoraproject.org/fedora:41")) {
      engine.images.add("registry.fedoraproject.org/fedora:41");
    }
    HostUser user = new HostUser("ann", 1000, 1000, "ann", home, "/bin/zsh");
    Host host =
        new Host() {
          @Override
          public HostUser user() {
            return user;
          }

          @Override
          public Map<String, String> environment() {
            return Map.of("XDG_RUNTIME_DIR", home.toString(), "DISPLAY", ":1");
          }

          @Override
          public Path workingDirectory() {
            return home.resolve("project");
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
    PackageCommand c = PackageCommand.of(true, "true");
    DistroProfile debian =
        new DistroProfile(
            "debian",
            "Debian",
            ImageRef.parse("docker.io/library/debian:bookworm"),
            Optional.of(
                new Bootstrap(
                    "mmdebstrap", "bookworm", "http://deb.debian.org/debian", "apt", List.of())),
            new PackageCommands(
                c, c, c, c, c, c, c, c, c, c, c, c, Optional.empty(), ProgressFormat.NONE),
            Map.of(),
            DistroProfile.BUILT_IN,
            Optional.empty(),
            Proof.UNKNOWN,
            List.of("systemd", "systemd-sysv"));
    DistroProfile fedora =
        new DistroProfile(
            "fedora",
            "Fedora",
            ImageRef.parse("registry.fedoraproject.org/fedora:41"),
            Optional.empty(),
            new PackageCommands(
                PackageCommand.of(true, "dnf", "install", "-y"),
                c,
                c,
                c,
                c,
                c,
                c,
                PackageCommand.of(true, "dnf", "makecache"),
                c,
                c,
                c,
                c,
                Optional.empty(),
                ProgressFormat.NONE,
                Optional.empty(),
                RemovalPlans.NONE,
                Optional.of(PackageCommand.of(true, "has-index")),
                Optional.empty()),
            Map.of(),
            DistroProfile.BUILT_IN,
            Optional.of("sudo"),
            Proof.UNKNOWN);
    ProfileCatalog profiles =
        new ProfileCatalog() {
          @Override
          public List<DistroProfile> all() {
            return List.of(debian, fedora);
          }

          @Override
          public Optional<DistroProfile> find(String id) {
            return all().stream().filter(p -> p.id().equals(id)).findFirst();
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
    return new BoxService(
        engine,
        profiles,
        host,
        registry,
        removal,
        (box, cmd) -> {
          attached.add(cmd);
          return 0;
        },
        "0.1.0",
        "debian");
  }

  @Test
  void createLabelsTheBoxSharesTheHostAndSetsUpTheUser() {
    service().create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE);
    var spec = engine.specOf(BoxName.of("dev"));
    assertThat(spec.labels())
        .containsEntry("io.appbox.manager", "appbox")
        .containsEntry("io.appbox.distro", "debian")
        .containsEntry("io.appbox.home", home.toString())
        .containsEntry("io.appbox.uid", "1000");
    assertThat(spec.mounts())
        .contains(
            new Mount(home, home, false), new Mount(Path.of("/"), Path.of("/run/host"), true));
    assertThat(engine.isRunning(BoxName.of("dev"))).isTrue();
    assertThat(engine.execs).hasSize(1);
    assertThat(engine.execs.get(0).user()).isEqualTo("root");
    assertThat(engine.execs.get(0).argv())
        .endsWith("ann", "1000", "1000", "ann", home.toString(), "/bin/zsh");
  }

  @Test
  void aFailedSetupLeavesNoBox() {
    engine.onExec = (box, r) -> ExecResult.of(1, "", "no shell");
    assertThatThrownBy(
            () -> service().create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE))
        .hasMessageContaining("no shell");
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void anImageWithoutSudoGetsItFromTheProfilesPackageAsRootBeforeTheUserIsAdded() {
    engine.onExec =
        (box, r) ->
            r.argv().get(0).equals("/bin/sh") && r.argv().get(2).startsWith("command -v sudo")
                    || r.argv().get(0).equals("has-index")
                ? ExecResult.of(1, "", "")
                : ExecResult.of(0, "", "");
    List<String> steps = new ArrayList<>();
    service().create(CreateBox.named(BoxName.of("dev"), "fedora"), (phase, p, m) -> steps.add(m));

    assertThat(engine.execs).extracting(r -> r.user()).containsOnly("root");
    assertThat(engine.execs)
        .extracting(r -> String.join(" ", r.argv().subList(0, Math.min(3, r.argv().size()))))
        .containsExactly(
            "/bin/sh -c command -v sudo >/dev/null",
            "has-index",
            "dnf makecache",
            "dnf install -y",
            "/bin/sh -c " + engine.execs.get(4).argv().get(2));
    assertThat(engine.execs.get(3).argv()).containsExactly("dnf", "install", "-y", "sudo");
    assertThat(engine.execs.get(4).argv()).contains("appbox-init", "ann", "1000");
    assertThat(steps)
        .contains(
            "Refreshing the package index of dev",
            "Installing sudo in box dev (its image has none)");
  }

  /** A box whose image has no systemd, and whose systemd then boots. */
  private ExecResult initBox(BoxName box, ExecRequest r) {
    String argv = String.join(" ", r.argv());
    if (argv.contains("readlink -f /sbin/init")) {
      return ExecResult.of(1, "", "");
    }
    if (argv.contains("is-system-running")) {
      return ExecResult.of(0, "running\n", "");
    }
    return ExecResult.of(0, "", "");
  }

  @Test
  void anInitBoxGetsSystemdFromItsProfileAndIsMadeAgainWithSystemdFirst() {
    engine.onExec = this::initBox;
    List<String> steps = new ArrayList<>();
    BoxName dev = BoxName.of("dev");
    Box box =
        service()
            .create(CreateBox.named(dev, "debian").withInit(true), (phase, p, m) -> steps.add(m));

    assertThat(box.init()).isTrue();
    var spec = engine.specOf(dev);
    String id = spec.labels().get(BoxLabels.ID);
    assertThat(spec.init()).isTrue();
    assertThat(spec.command()).containsExactly("/sbin/init");
    assertThat(spec.image()).isEqualTo(ImageRef.parse("localhost/appbox-init:" + id));
    assertThat(spec.labels())
        .containsEntry(BoxLabels.INIT, "true")
        .containsEntry("io.appbox.uid", "1000");
    assertThat(engine.imageLabels.get("localhost/appbox-init:" + id))
        .containsEntry(BoxLabels.BASE_FOR, id);
    // Made as every box is (user, sudo, host tools), systemd installed, then made again from it.
    assertThat(engine.changes)
        .containsExactly(
            "create dev", "start dev", "remove-with-volumes dev", "create dev", "start dev");
    assertThat(engine.execs)
        .extracting(r -> String.join(" ", r.argv()))
        .contains("true systemd systemd-sysv")
        .anyMatch(a -> a.contains("RemoveIPC=no"))
        .last()
        .asString()
        .contains("is-system-running --wait");
    assertThat(steps).contains("Installing systemd in box dev (its image has none)");

    // The image goes with the box.
    service().remove(dev, true);
    assertThat(engine.images).doesNotContain("localhost/appbox-init:" + id);
  }

  @Test
  void anInitBoxFromAnImageWithSystemdInstallsNothing() {
    engine.onExec =
        (box, r) ->
            String.join(" ", r.argv()).contains("is-system-running")
                ? ExecResult.of(0, "degraded\n", "")
                : ExecResult.of(0, "", "");
    service().create(CreateBox.named(BoxName.of("dev"), "debian").withInit(true), Progress.NONE);

    assertThat(engine.execs)
        .extracting(r -> String.join(" ", r.argv()))
        .noneMatch(a -> a.contains("systemd-sysv"));
    assertThat(engine.specOf(BoxName.of("dev")).init()).isTrue();
  }

  @Test
  void aDistroWithoutSystemdPackagesIsRefusedBeforeAnythingIsMade() {
    assertThatThrownBy(
            () ->
                service()
                    .create(
                        CreateBox.named(BoxName.of("dev"), "fedora").withInit(true), Progress.NONE))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("fedora profile names no systemd packages");
            });
    assertThat(engine.changes).isEmpty();
  }

  @Test
  void systemdWithoutACgroupSaysSoAndLeavesNeitherBoxNorImage() {
    BoxName dev = BoxName.of("dev");
    engine.output =
        "Failed to create /init.scope control group: Permission denied\n"
            + "Failed to allocate manager object: Permission denied\n";
    engine.onExec =
        (box, r) -> {
          if (engine.specOf(box).init()) {
            engine.processEnded(box); // systemd exits at once
            throw new AppboxException(ErrorCode.ENGINE_FAILED, "box is not running", "");
          }
          return initBox(box, r);
        };

    assertThatThrownBy(
            () -> service().create(CreateBox.named(dev, "debian").withInit(true), Progress.NONE))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_UNSUPPORTED);
              assertThat(e.getMessage())
                  .contains("systemd could not start in box dev", "control group")
                  .contains("Failed to allocate manager object");
              assertThat(e.hint()).contains("Nothing was left behind");
            });
    assertThat(engine.containers).isEmpty();
    assertThat(engine.images).noneMatch(i -> i.startsWith("localhost/appbox-init:"));
  }

  @Test
  void systemdThatSaysNothingIsExplainedByTheHostsCgroups() {
    BoxName dev = BoxName.of("dev");
    engine.cgroupProblem = Optional.of("this host delegates no cgroup v2 tree to you");
    engine.onExec =
        (box, r) -> {
          if (engine.specOf(box).init()) {
            engine.processEnded(box);
            throw new AppboxException(ErrorCode.ENGINE_FAILED, "box is not running", "");
          }
          return initBox(box, r);
        };

    assertThatThrownBy(
            () -> service().create(CreateBox.named(dev, "debian").withInit(true), Progress.NONE))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_UNSUPPORTED);
              assertThat(e.getMessage()).contains("delegates no cgroup v2 tree to you");
            });
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void systemdThatStopsForAnotherReasonIsAnEngineFailure() {
    BoxName dev = BoxName.of("dev");
    engine.output = "Freezing execution.\n";
    engine.onExec =
        (box, r) -> {
          if (engine.specOf(box).init()) {
            engine.processEnded(box);
            throw new AppboxException(ErrorCode.ENGINE_FAILED, "box is not running", "");
          }
          return initBox(box, r);
        };

    assertThatThrownBy(
            () -> service().create(CreateBox.named(dev, "debian").withInit(true), Progress.NONE))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.ENGINE_FAILED);
              assertThat(e.getMessage()).contains("systemd stopped as it started", "Freezing");
            });
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void startingAStoppedInitBoxWaitsForSystemd() {
    engine.onExec = this::initBox;
    BoxName dev = BoxName.of("dev");
    BoxService boxes = service();
    boxes.create(CreateBox.named(dev, "debian").withInit(true), Progress.NONE);
    boxes.stop(dev);
    engine.execs.clear();

    boxes.start(dev);
    assertThat(engine.execs).hasSize(1);
    assertThat(engine.execs.get(0).argv()).contains("systemctl", "is-system-running", "--wait");

    boxes.stop(dev);
    engine.execs.clear();
    boxes.run(dev, List.of("true"), false, false);
    assertThat(engine.execs).extracting(r -> r.argv().get(2)).containsExactly("systemctl");
  }

  @Test
  void anImageWithSudoIsLeftAsItIs() {
    service().create(CreateBox.named(BoxName.of("dev"), "fedora"), Progress.NONE);

    assertThat(engine.execs).hasSize(2);
    assertThat(engine.execs.get(0).argv()).contains("command -v sudo >/dev/null");
  }

  @Test
  void sudoThatCannotBeInstalledFailsTheCreateAndLeavesNoBox() {
    engine.onExec =
        (box, r) ->
            r.argv().get(0).equals("dnf") && r.argv().contains("install")
                ? ExecResult.of(1, "", "Error: no repository answered")
                : r.argv().contains("command -v sudo >/dev/null")
                    ? ExecResult.of(1, "", "")
                    : ExecResult.of(0, "", "");

    assertThatThrownBy(
            () -> service().create(CreateBox.named(BoxName.of("dev"), "fedora"), Progress.NONE))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_MANAGER_FAILED);
              assertThat(e.getMessage())
                  .contains("Box dev would have no sudo")
                  .contains("no repository answered");
            });
    assertThat(engine.containers).isEmpty();
  }

  @Test
  void anExistingBoxIsAConflictAndAMissingImageSaysHowToBuildIt() {
    BoxService s = service();
    s.create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE);
    assertThatThrownBy(() -> s.create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE))
        .satisfies(e -> assertThat(((AppboxException) e).code()).isEqualTo(ErrorCode.BOX_EXISTS));
    engine.images.clear();
    assertThatThrownBy(
            () -> s.create(CreateBox.named(BoxName.of("other"), "debian"), Progress.NONE))
        .satisfies(
            e -> {
              assertThat(((AppboxException) e).code()).isEqualTo(ErrorCode.IMAGE_NOT_FOUND);
              assertThat(((AppboxException) e).hint()).contains("appbox image build debian");
            });
  }

  @Test
  void runStartsAStoppedBoxAndRunsAsTheUserInTheCurrentDirectory() throws Exception {
    Files.createDirectories(home.resolve("project"));
    BoxService s = service();
    s.create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE);
    s.stop(BoxName.of("dev"));
    assertThat(s.run(BoxName.of("dev"), List.of("id"), false, false)).isZero();
    assertThat(engine.isRunning(BoxName.of("dev"))).isTrue();
    AttachedCommand cmd = attached.get(0);
    assertThat(cmd.user()).isEqualTo("1000:1000");
    assertThat(cmd.workdir()).isEqualTo(home.resolve("project").toString());
    assertThat(cmd.environment())
        .containsEntry("DISPLAY", ":1")
        .containsEntry("HOME", home.toString());
  }

  @Test
  void removeDeletesTheBoxesExportsAndOnlyThose() throws Exception {
    BoxService s = service();
    s.create(CreateBox.named(BoxName.of("dev"), "debian"), Progress.NONE);
    Path mine = Files.writeString(home.resolve("mine.desktop"), "x");
    Path other = Files.writeString(home.resolve("other.desktop"), "y");
    records.add(
        new Export(
            BoxName.of("dev"),
            "podman-rootless",
            ExportKind.APP,
            "mine",
            "",
            "",
            List.of(mine),
            Instant.EPOCH));
    records.add(
        new Export(
            BoxName.of("web"),
            "podman-rootless",
            ExportKind.APP,
            "other",
            "",
            "",
            List.of(other),
            Instant.EPOCH));
    assertThatThrownBy(() -> s.remove(BoxName.of("dev"), false)).hasMessageContaining("is running");
    assertThat(s.remove(BoxName.of("dev"), true)).extracting(Export::name).containsExactly("mine");
    assertThat(mine).doesNotExist();
    assertThat(other).exists();
    assertThat(records).extracting(Export::name).containsExactly("other");
    assertThatThrownBy(() -> s.remove(BoxName.of("dev"), true))
        .satisfies(
            e -> assertThat(((AppboxException) e).code()).isEqualTo(ErrorCode.BOX_NOT_FOUND));
  }
}
