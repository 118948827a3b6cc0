package io.appbox.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Box;
import io.appbox.core.box.Volume;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerTest {
  static final Path HOME = Path.of("/home/ann");
  static final BoxName DEV = BoxName.of("dev");

  private final Map<BoxName, Box> boxes = new LinkedHashMap<>();
  private final Set<BoxName> foreign = new HashSet<>();
  private final Map<BoxName, Set<String>> installed = new HashMap<>();
  private final List<ExportStatus> exports = new ArrayList<>();
  private final Map<BoxName, AppliedBox> applied = new HashMap<>();
  private final Set<Path> hostPaths = new HashSet<>(Set.of(HOME));

  private Plan plan(Manifest manifest, boolean prune) {
    CurrentState state =
        new CurrentState("podman", HOME, "debian", boxes, foreign, installed, exports, applied);
    return new Planner(FakeWorld.profiles(), hostPaths::contains).plan(manifest, state, prune);
  }

  private static List<String> described(Plan plan) {
    return plan.changes().stream().map(Change::describe).toList();
  }

  private void box(String name, String... packages) {
    BoxName box = BoxName.of(name);
    boxes.put(
        box,
        new Box(
            box,
            "debian",
            "docker.io/library/debian:bookworm",
            "running",
            HOME,
            "0.1.0",
            0,
            "podman-rootless",
            "ana"));
    installed.put(box, new TreeSet<>(List.of(packages)));
  }

  private void exported(String box, ExportKind kind, String name, String source, String state) {
    exports.add(
        new ExportStatus(
            new Export(
                BoxName.of(box),
                "podman",
                kind,
                name,
                "",
                source,
                List.of(HOME.resolve(name)),
                Instant.EPOCH),
            state,
            List.of()));
  }

  private void appliedPackages(String box, String... packages) {
    applied.put(
        BoxName.of(box), AppliedBox.adopted(BoxName.of(box)).withPackages(List.of(packages)));
  }

  static BoxSpec dev(List<String> packages, List<String> apps, List<BinExport> bins) {
    return new BoxSpec(
        DEV,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        false,
        packages.stream().map(PackageName::of).toList(),
        apps,
        bins);
  }

  static Manifest manifest(BoxSpec... boxes) {
    return new Manifest(List.of(boxes));
  }

  @Nested
  class WhatIsMissing {
    @Test
    void nothingListedAndNothingThereIsNoChange() {
      assertThat(plan(manifest(), true).isEmpty()).isTrue();
    }

    @Test
    void aMissingBoxIsCreatedThenGetsItsPackagesAndExports() {
      BoxSpec spec =
          new BoxSpec(
              DEV,
              Optional.of("debian"),
              Optional.empty(),
              Optional.of(HOME.resolve("dev-home")),
              List.of(),
              List.of(List.of("sh", "-c", "true")),
              true,
              List.of(PackageName.of("git"), PackageName.of("htop")),
              List.of("htop"),
              List.of(new BinExport("/usr/bin/vim", Optional.of("vim-dev"))));

      Plan plan = plan(manifest(spec), false);

      assertThat(described(plan))
          .containsExactly(
              "create box dev (debian, home /home/ann/dev-home, 1 init command)",
              "install git htop in dev",
              "add the terminal menu entry of dev",
              "export app htop from dev",
              "export command vim-dev (/usr/bin/vim) from dev");
      assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void anExistingBoxGetsOnlyWhatItLacks() {
      box("dev", "git", "coreutils");
      exported("dev", ExportKind.BIN, "git", "/usr/bin/git", ExportStatus.OK);

      Plan plan =
          plan(
              manifest(
                  dev(
                      List.of("git", "htop"),
                      List.of("htop"),
                      List.of(BinExport.of("/usr/bin/git")))),
              false);

      assertThat(described(plan))
          .containsExactly("install htop in dev", "export app htop from dev");
    }

    @Test
    void whatIsAlreadyThereIsNoChange() {
      box("dev", "git", "htop");
      exported("dev", ExportKind.APP, "htop", "/usr/share/applications/htop.desktop", "ok");
      exported("dev", ExportKind.BIN, "git", "/usr/bin/git", "ok");

      Plan plan =
          plan(
              manifest(
                  dev(
                      List.of("git", "htop"),
                      List.of("htop"),
                      List.of(BinExport.of("/usr/bin/git")))),
              true);

      assertThat(plan.changes()).isEmpty();
    }

    @Test
    void aQualifiedPackageIsThereWhenItsNameIsInstalled() {
      box("dev", "git");

      assertThat(
              plan(manifest(dev(List.of("git=1:2.39.2-1"), List.of(), List.of())), false).changes())
          .isEmpty();
    }

    @Test
    void anExportWhoseFilesAreGoneOrThatRunsAnotherProgramIsExportedAgain() {
      box("dev", "htop", "vim");
      exported(
          "dev", ExportKind.APP, "htop", "/usr/share/applications/htop.desktop", "files-missing");
      exported("dev", ExportKind.BIN, "vi", "/usr/bin/vim.tiny", ExportStatus.OK);

      Plan plan =
          plan(
              manifest(
                  dev(
                      List.of(),
                      List.of("htop"),
                      List.of(new BinExport("/usr/bin/vim", Optional.of("vi"))))),
              true);

      assertThat(described(plan))
          .containsExactly("export app htop from dev", "export command vi (/usr/bin/vim) from dev");
    }
  }

  @Nested
  class Prune {
    @Test
    void withoutPruneNothingIsTakenAway() {
      box("dev", "git", "htop");
      box("old");
      applied.put(BoxName.of("old"), AppliedBox.adopted(BoxName.of("old")));
      appliedPackages("dev", "htop");
      exported("dev", ExportKind.APP, "htop", "/usr/share/applications/htop.desktop", "ok");

      assertThat(plan(manifest(dev(List.of("git"), List.of(), List.of())), false).changes())
          .isEmpty();
    }

    @Test
    void takesAwayManagedBoxesThenExportsThenApplyInstalledPackagesBeforeAddingAnything() {
      box("dev", "git", "htop", "vim", "tree");
      box("old");
      box("scratch");
      applied.put(BoxName.of("old"), AppliedBox.adopted(BoxName.of("old")));
      applied.put(BoxName.of("gone"), AppliedBox.adopted(BoxName.of("gone")));
      // htop and tree were installed by apply, vim by hand; less by apply, then removed by hand.
      appliedPackages("dev", "htop", "tree", "less");
      exported("dev", ExportKind.APP, "htop", "/usr/share/applications/htop.desktop", "ok");
      exported("dev", ExportKind.BIN, "vim", "/usr/bin/vim", "ok");
      exported("dev", ExportKind.BIN, "git", "/usr/bin/git", "ok");
      exported("scratch", ExportKind.BIN, "ls", "/bin/ls", "ok");

      Plan plan =
          plan(
              manifest(
                  dev(List.of("git", "curl"), List.of(), List.of(BinExport.of("/usr/bin/git")))),
              true);

      assertThat(described(plan))
          .containsExactly(
              "remove box old and its exports",
              "unexport app htop from dev",
              "unexport command vim from dev",
              "remove htop tree from dev",
              "install curl in dev");
    }

    @Test
    void theTerminalEntryStaysWhileTheManifestAsksForIt() {
      box("dev");
      exported("dev", ExportKind.APP, "terminal", "/etc/appbox/login", "ok");
      BoxSpec withEntry =
          new BoxSpec(
              DEV,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              List.of(),
              List.of(),
              true,
              List.of(),
              List.of(),
              List.of());

      assertThat(plan(manifest(withEntry), true).changes()).isEmpty();
      assertThat(described(plan(manifest(dev(List.of(), List.of(), List.of())), true)))
          .containsExactly("unexport the terminal menu entry from dev");
    }
  }

  @Nested
  class RefusedBeforeAnythingChanges {
    @Test
    void anUnknownDistro() {
      BoxSpec spec =
          new BoxSpec(
              DEV,
              Optional.of("gentoo"),
              Optional.empty(),
              Optional.empty(),
              List.of(),
              List.of(),
              false,
              List.of(),
              List.of(),
              List.of());

      assertThatThrownBy(() -> plan(manifest(spec), false))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.PROFILE_NOT_FOUND));
    }

    @Test
    void aMissingVolumeSourceOrAMissingHomeOutsideTheUsers() {
      BoxSpec volume =
          new BoxSpec(
              DEV,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              List.of(Volume.parse("/srv/data:/data")),
              List.of(),
              false,
              List.of(),
              List.of(),
              List.of());
      BoxSpec home =
          new BoxSpec(
              DEV,
              Optional.empty(),
              Optional.empty(),
              Optional.of(Path.of("/srv/dev-home")),
              List.of(),
              List.of(),
              false,
              List.of(),
              List.of(),
              List.of());

      assertThatThrownBy(() -> plan(manifest(volume), false))
          .hasMessage("Volume source /srv/data of box dev does not exist.");
      assertThatThrownBy(() -> plan(manifest(home), false))
          .hasMessage("Home directory /srv/dev-home of box dev does not exist.");
      hostPaths.add(Path.of("/srv/data"));
      assertThat(plan(manifest(volume), false).changes()).hasSize(1);
    }

    @Test
    void aNameAContainerOfSomeoneElsesHas() {
      foreign.add(DEV);

      assertThatThrownBy(() -> plan(manifest(dev(List.of(), List.of(), List.of())), false))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BOX_EXISTS));
    }
  }

  @Nested
  class Drift {
    @Test
    void whatOnlyRecreatingWouldChangeIsAWarningNotAChange() {
      box("dev");
      BoxSpec spec =
          new BoxSpec(
              DEV,
              Optional.of("fedora"),
              Optional.of(ImageRef.parse("quay.io/fedora/fedora:41")),
              Optional.of(HOME.resolve("dev-home")),
              List.of(),
              List.of(),
              false,
              List.of(),
              List.of(),
              List.of());

      Plan plan = plan(manifest(spec), false);

      assertThat(plan.changes()).isEmpty();
      assertThat(plan.warnings())
          .containsExactly(
              "Box dev is a debian box, the manifest asks for fedora: apply does not re-create"
                  + " boxes; remove it (appbox rm dev) and apply again to change that.",
              "Box dev was made from docker.io/library/debian:bookworm, the manifest asks for"
                  + " quay.io/fedora/fedora:41: apply does not re-create boxes; remove it (appbox"
                  + " rm dev) and apply again to change that.",
              "Box dev has the home /home/ann, the manifest asks for /home/ann/dev-home: apply"
                  + " does not re-create boxes; remove it (appbox rm dev) and apply again to"
                  + " change that.");
    }

    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource({
      "docker.io/library/debian:bookworm, docker.io/library/debian:bookworm, true",
      "docker.io/library/debian:bookworm, debian:bookworm, true",
      "docker.io/library/debian:latest, debian, true",
      "docker.io/me/tools:1, me/tools:1, true",
      "quay.io/fedora/fedora:41, quay.io/fedora/fedora:40, false",
      "docker.io/library/debian:bookworm, localhost/debian:bookworm, false",
      "docker.io/library/debian:bookworm, sha256:0123, false",
    })
    void theEnginesShortNamesAreTheSameImage(String wanted, String engine, boolean same) {
      assertThat(Planner.sameImage(ImageRef.parse(wanted), engine)).isEqualTo(same);
    }
  }
}
