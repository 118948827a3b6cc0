package io.appbox.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.box.Volume;
import io.appbox.core.exported.Export;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The applier through the real box, package and export services, on an engine in memory. */
class ManifestApplierTest {
  static final BoxName DEV = BoxName.of("dev");

  @TempDir Path home;

  static BoxSpec box(String name, List<String> packages, List<String> apps, List<BinExport> bins) {
    return new BoxSpec(
        BoxName.of(name),
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

  static Plan plan(FakeWorld world, Manifest manifest, boolean prune) {
    return world
        .planner()
        .plan(manifest, world.reader().forManifest(manifest, Progress.NONE), prune);
  }

  static ApplyOutcome apply(FakeWorld world, Manifest manifest, boolean prune) {
    return world.applier().apply(manifest, plan(world, manifest, prune), Progress.NONE);
  }

  @Test
  void aSecondApplyOfTheSameManifestChangesNothing() {
    FakeWorld world = new FakeWorld(home);
    Manifest manifest =
        new Manifest(
            List.of(
                new BoxSpec(
                    DEV,
                    Optional.of("debian"),
                    Optional.empty(),
                    Optional.of(home.resolve("dev-home")),
                    List.of(Volume.parse(home + ":/data:ro")),
                    List.of(List.of("touch", "/etc/ready")),
                    true,
                    List.of(PackageName.of("git"), PackageName.of("htop")),
                    List.of("htop"),
                    List.of(new BinExport("/usr/bin/git", Optional.of("git-dev"))))));

    ApplyOutcome first = apply(world, manifest, false);

    assertThat(first.changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Create", "Install", "ExportEntry", "ExportApp", "ExportBin");
    assertThat(world.calls)
        .containsExactly(
            "create dev",
            "install git htop in dev",
            "export APP terminal from dev",
            "export APP htop from dev",
            "export BIN git-dev from dev");
    assertThat(world.initRun.get(DEV)).containsExactly(List.of("touch", "/etc/ready"));
    assertThat(home.resolve("dev-home")).isDirectory();
    AppliedBox recorded = world.applied.boxes("podman").get(DEV);
    assertThat(recorded.created()).isTrue();
    assertThat(recorded.packages()).containsExactly("git", "htop");
    assertThat(recorded.init()).containsExactly(List.of("touch", "/etc/ready"));
    assertThat(recorded.volumes()).containsExactly(Volume.parse(home + ":/data:ro"));

    world.calls.clear();
    assertThat(plan(world, manifest, true).changes()).isEmpty();
    assertThat(apply(world, manifest, true).changes()).isEmpty();
    assertThat(world.calls).isEmpty();
    assertThat(world.initRun.get(DEV)).hasSize(1);
  }

  @Test
  void planningChangesNothing() {
    FakeWorld world = new FakeWorld(home);
    world.existingBox("dev");
    world.calls.clear();
    Manifest manifest =
        new Manifest(
            List.of(
                box("dev", List.of("git"), List.of(), List.of()),
                box("new", List.of("git"), List.of(), List.of())));

    Plan plan = plan(world, manifest, true);

    assertThat(plan.changes()).hasSize(3);
    assertThat(world.calls).isEmpty();
    assertThat(world.engine.containers).containsOnlyKeys(DEV);
    assertThat(home.resolve(".local/state/appbox/applied.json")).doesNotExist();
  }

  @Test
  void pruneRemovesOnlyThePackagesApplyInstalled() {
    FakeWorld world = new FakeWorld(home);
    // A box made by hand, with htop installed by hand.
    world.existingBox("dev", "htop");
    Manifest manifest =
        new Manifest(
            List.of(box("dev", List.of("htop", "tree", "coreutils"), List.of(), List.of())));

    apply(world, manifest, false);

    assertThat(world.calls).contains("install tree in dev");
    assertThat(world.applied.boxes("podman").get(DEV).packages()).containsExactly("tree");
    assertThat(world.applied.boxes("podman").get(DEV).created()).isFalse();

    world.calls.clear();
    Manifest none = new Manifest(List.of(box("dev", List.of(), List.of(), List.of())));
    ApplyOutcome pruned = apply(world, none, true);

    assertThat(pruned.changes())
        .extracting(Change::describe)
        .containsExactly("remove tree from dev");
    assertThat(world.packages.get(DEV)).contains("htop", "coreutils").doesNotContain("tree");
    assertThat(world.applied.boxes("podman").get(DEV).packages()).isEmpty();
  }

  @Test
  void pruneRemovesABoxApplyManagedWithItsExportsAndLeavesOtherBoxes() {
    FakeWorld world = new FakeWorld(home);
    world.existingBox("scratch");
    Manifest two =
        new Manifest(
            List.of(
                box("dev", List.of("git"), List.of(), List.of(BinExport.of("/usr/bin/git"))),
                box(
                    "old",
                    List.of(),
                    List.of(),
                    List.of(new BinExport("/usr/bin/env", Optional.of("env-old"))))));
    apply(world, two, false);
    assertThat(world.records).extracting(Export::name).containsExactlyInAnyOrder("git", "env-old");

    Manifest one = new Manifest(List.of(two.boxes().get(0)));
    assertThat(apply(world, one, false).changes()).isEmpty();
    ApplyOutcome pruned = apply(world, one, true);

    assertThat(pruned.changes())
        .extracting(Change::describe)
        .containsExactly("remove box old and its exports");
    assertThat(world.engine.containers).containsOnlyKeys(BoxName.of("scratch"), DEV);
    assertThat(world.records).extracting(Export::name).containsExactly("git");
    assertThat(world.applied.boxes("podman")).containsOnlyKeys(DEV);
    assertThat(apply(world, one, true).changes()).isEmpty();
  }

  @Test
  void aFailedInitCommandLeavesNoBoxSoTheNextApplyRunsItAgain() {
    FakeWorld world = new FakeWorld(home);
    Manifest manifest =
        new Manifest(
            List.of(
                new BoxSpec(
                    DEV,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    List.of(List.of("false")),
                    false,
                    List.of(),
                    List.of(),
                    List.of())));

    assertThatThrownBy(() -> apply(world, manifest, false))
        .hasMessage("Init command 1 of box dev ('false') failed with exit 1:\nit failed");

    assertThat(world.engine.containers).isEmpty();
    assertThat(world.applied.boxes("podman")).isEmpty();
    assertThat(plan(world, manifest, false).changes())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Create");
  }

  @Test
  void aBoxRemovedByHandIsForgottenAndCreatedAgain() {
    FakeWorld world = new FakeWorld(home);
    Manifest manifest = new Manifest(List.of(box("dev", List.of("git"), List.of(), List.of())));
    apply(world, manifest, false);
    world.boxes.remove(DEV, true);

    ApplyOutcome again = apply(world, manifest, false);

    assertThat(again.changes())
        .extracting(Change::describe)
        .containsExactly("create box dev (debian)", "install git in dev");
    assertThat(world.applied.boxes("podman").get(DEV).packages()).containsExactly("git");
  }

  @Test
  void exportManifestWritesWhatReproducesTheBoxesOnAnotherHome(@TempDir Path other)
      throws Exception {
    FakeWorld world = new FakeWorld(home);
    Files.createDirectories(home.resolve("data"));
    Manifest manifest =
        new Manifest(
            List.of(
                new BoxSpec(
                    DEV,
                    Optional.of("debian"),
                    Optional.empty(),
                    Optional.of(home.resolve("dev-home")),
                    List.of(Volume.parse(home.resolve("data") + ":/data")),
                    List.of(List.of("touch", "/etc/ready")),
                    true,
                    List.of(PackageName.of("git"), PackageName.of("coreutils")),
                    List.of(),
                    List.of(new BinExport("/usr/bin/git", Optional.of("git-dev"))))));
    apply(world, manifest, false);
    // And a box made by hand, where `appbox install htop` exported htop, and tree came without
    // an export.
    world.existingBox("tools", "htop", "tree");
    world.exports.exportPackageApps(BoxName.of("tools"), "htop");

    Manifest current =
        CurrentManifest.of(
            world.reader().forBoxes(Optional.empty(), Progress.NONE), FakeWorld.profiles());

    assertThat(current.boxes()).hasSize(2);
    BoxSpec dev = current.boxes().get(0);
    assertThat(dev)
        .isEqualTo(
            new BoxSpec(
                DEV,
                Optional.of("debian"),
                Optional.empty(),
                Optional.of(home.resolve("dev-home")),
                manifest.boxes().get(0).volumes(),
                List.of(List.of("touch", "/etc/ready")),
                true,
                List.of(PackageName.of("git")),
                List.of(),
                List.of(new BinExport("/usr/bin/git", Optional.of("git-dev")))));
    assertThat(current.boxes().get(1))
        .isEqualTo(
            new BoxSpec(
                BoxName.of("tools"),
                Optional.of("debian"),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                false,
                List.of(PackageName.of("htop")),
                List.of("htop"),
                List.of()));

    // On another home, with the same names: the manifest makes the same boxes and exports.
    FakeWorld fresh = new FakeWorld(other);
    Files.createDirectories(other.resolve("data"));
    Manifest moved = relocate(current, home, other);
    apply(fresh, moved, false);
    Manifest reproduced =
        CurrentManifest.of(
            fresh.reader().forBoxes(Optional.empty(), Progress.NONE), FakeWorld.profiles());

    assertThat(reproduced).isEqualTo(moved);
    assertThat(current.document(Optional.of(home)))
        .isEqualTo(reproduced.document(Optional.of(other)));
  }

  /** The manifest as another user's home reads it: the ~ paths point there. */
  private static Manifest relocate(Manifest m, Path from, Path to) {
    return new Manifest(
        m.boxes().stream()
            .map(
                b ->
                    new BoxSpec(
                        b.name(),
                        b.distro(),
                        b.image(),
                        b.home().map(h -> to.resolve(from.relativize(h))),
                        b.volumes().stream()
                            .map(
                                v ->
                                    new Volume(
                                        to.resolve(from.relativize(v.source())),
                                        v.target(),
                                        v.readOnly()))
                            .toList(),
                        b.init(),
                        b.entry(),
                        b.packages(),
                        b.apps(),
                        b.bins()))
            .toList());
  }
}
