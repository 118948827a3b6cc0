package io.appbox.core.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxService;
import io.appbox.core.box.CreateBox;
import io.appbox.core.engine.ExecRequest;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.FakeEngine;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.host.Host;
import io.appbox.core.host.HostUser;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import io.appbox.core.profile.RemovalPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh box of a distribution whose image never refreshed its index (Fedora, openSUSE, Arch): an
 * install or a query that finds nothing refreshes it once, as root, and tries again; an upgrade
 * refreshes before it upgrades.
 */
class PackageServiceTest {
  private static final BoxName BOX = BoxName.of("dev");

  @TempDir Path home;

  private final FakeEngine engine = new FakeEngine();
  private final List<String> progress = new ArrayList<>();
  private boolean indexed;
  private List<String> installed = new ArrayList<>(List.of("glibc", "appbox-hello-data"));
  private PackageService packages;
  private PackageCommand install = PackageCommand.of(true, "install");
  private Optional<Pattern> notFound =
      Optional.of(Pattern.compile("No match for argument: (?<name>\\S+)"));

  @BeforeEach
  void freshBox() {
    engine.images.add("registry.fedoraproject.org/fedora:41");
    engine.onExec = this::box;
    BoxService boxes = boxes();
    boxes.create(CreateBox.named(BOX, "fedora"), (phase, p, m) -> {});
    engine.execs.clear();
    packages = new PackageService(engine, boxes, home.resolve("locks"));
  }

  /** The box: has-index answers whether update ran; the queries answer from its state. */
  private ExecResult box(BoxName box, ExecRequest r) {
    String program = r.argv().get(0);
    return switch (program) {
      case "has-index" -> ExecResult.of(indexed ? 0 : 1, "", "");
      case "update" -> {
        indexed = true;
        yield ExecResult.of(0, "", "");
      }
      case "install" ->
          indexed
              ? ExecResult.of(
                  0, "Installed appbox-hello-data 1.0\nInstalled appbox-hello 2.0-1\n", "")
              : ExecResult.of(1, "", "No match for argument: " + r.argv().get(1));
      case "search" ->
          indexed
              ? ExecResult.of(0, "appbox-hello\tSays hello\n", "")
              : ExecResult.of(1, "", "error: database file for 'x' does not exist");
      case "list" -> ExecResult.of(0, String.join("\t1.0\n", installed) + "\t1.0\n", "");
      case "autoremove" -> {
        installed.remove("appbox-hello-data");
        yield ExecResult.of(0, "", "");
      }
      default -> ExecResult.of(0, "", "");
    };
  }

  private List<String> ran() {
    return engine.execs.stream().map(r -> r.argv().get(0) + " as " + r.user()).toList();
  }

  @Test
  void aSearchOnABoxWithoutIndexRefreshesItOnceAsRootAndSaysSo() {
    List<SearchHit> hits =
        packages.queries().search(BOX, List.of("appbox"), (phase, p, m) -> progress.add(m));

    assertThat(hits).containsExactly(new SearchHit("appbox-hello", "Says hello"));
    // What the box has and which packages are applications are asked beside the search.
    assertThat(ran())
        .containsSubsequence(
            "search as root",
            "has-index as root",
            "has-index as root",
            "update as root",
            "search as root")
        .contains("list as 1000:1000", "sh as root")
        .hasSize(7);
    assertThat(progress).containsExactly("Refreshing the package index of dev");

    // A warm box pays for nothing but the query and those beside it.
    engine.execs.clear();
    packages.queries().search(BOX, List.of("appbox"), (phase, p, m) -> progress.add(m));
    assertThat(ran())
        .containsExactlyInAnyOrder("search as root", "list as 1000:1000", "sh as root");
    assertThat(progress).hasSize(1);
  }

  @Test
  void anInstallThatFindsNoIndexRefreshesItOnceAndInstalls() {
    packages.install(
        BOX, List.of(PackageName.of("appbox-hello")), (phase, p, m) -> progress.add(m));

    // What the box had, the install, the refresh, the install again, then the versions it has.
    assertThat(ran())
        .containsExactly(
            "list as 1000:1000",
            "install as root",
            "update as root",
            "install as root",
            "list as 1000:1000");
    assertThat(progress).contains("Refreshing the package index of dev");
  }

  @Test
  void anInstallIntoABoxWithAnIndexRunsNoCheckForIt() {
    indexed = true;
    packages.install(
        BOX, List.of(PackageName.of("appbox-hello")), (phase, p, m) -> progress.add(m));

    assertThat(ran()).containsExactly("list as 1000:1000", "install as root", "list as 1000:1000");
    assertThat(progress).doesNotContain("Refreshing the package index of dev");
  }

  @Test
  void anInstallWhoseOutputNamesTheVersionsAsksForThemNoMore() {
    indexed = true;
    install =
        new PackageCommand(
            List.of("install"),
            true,
            Optional.of(
                Pattern.compile("^Installed (?<name>\\S+) (?<version>\\S+)$", Pattern.MULTILINE)));
    packages = new PackageService(engine, boxes(), home.resolve("locks"));

    List<InstalledPackage> done =
        packages.install(BOX, List.of(PackageName.of("appbox-hello")), (phase, p, m) -> {});

    assertThat(ran()).containsExactly("list as 1000:1000", "install as root");
    assertThat(done).extracting(InstalledPackage::version).containsExactly("2.0-1");
  }

  @Test
  void aProfileThatCannotTellAMissingPackageChecksForAnIndexBeforeItInstalls() {
    notFound = Optional.empty();
    packages = new PackageService(engine, boxes(), home.resolve("locks"));

    packages.install(
        BOX, List.of(PackageName.of("appbox-hello")), (phase, p, m) -> progress.add(m));

    assertThat(ran()).containsSubsequence("has-index as root", "update as root", "install as root");
    assertThat(ran()).containsOnlyOnce("install as root");
    assertThat(progress).contains("Refreshing the package index of dev");
  }

  @Test
  void anUpgradeRefreshesTheIndexFirst() {
    indexed = true;
    packages.upgrade(BOX, (phase, p, m) -> progress.add(phase));

    // Between them, the installed packages are listed: what the upgrade removes is reported.
    assertThat(ran()).first().isEqualTo("update as root");
    assertThat(ran()).containsSubsequence("update as root", "upgrade as root");
    assertThat(progress).containsSubsequence("update", "upgrade");
  }

  @Test
  void autoremoveSaysWhatItRemoved() {
    Set<String> removed = packages.autoremove(BOX, (phase, p, m) -> {});

    assertThat(removed).containsExactly("appbox-hello-data");
    assertThat(ran())
        .containsExactly("list as 1000:1000", "autoremove as root", "list as 1000:1000");
  }

  private BoxService boxes() {
    PackageCommand other = PackageCommand.of(true, "other");
    Pattern tabs =
        Pattern.compile("^(?<name>[^\\t\\n]+)\\t(?<summary>[^\\n]*)$", Pattern.MULTILINE);
    Pattern versions =
        Pattern.compile("^(?<name>[^\\t\\n]+)\\t(?<version>[^\\n]*)$", Pattern.MULTILINE);
    DistroProfile fedora =
        new DistroProfile(
            "fedora",
            "Fedora",
            ImageRef.parse("registry.fedoraproject.org/fedora:41"),
            Optional.empty(),
            new PackageCommands(
                install,
                other,
                new PackageCommand(List.of("search"), true, Optional.of(tabs)),
                other,
                new PackageCommand(List.of("list"), false, Optional.of(versions)),
                other,
                other,
                PackageCommand.of(true, "update"),
                PackageCommand.of(true, "upgrade"),
                PackageCommand.of(true, "autoremove"),
                other,
                other,
                notFound,
                ProgressFormat.NONE,
                Optional.empty(),
                RemovalPlans.NONE,
                Optional.of(PackageCommand.of(true, "has-index")),
                Optional.empty()),
            Map.of(),
            DistroProfile.BUILT_IN,
            Optional.empty(),
            Proof.UNKNOWN);
    ProfileCatalog profiles =
        new ProfileCatalog() {
          @Override
          public List<DistroProfile> all() {
            return List.of(fedora);
          }

          @Override
          public Optional<DistroProfile> find(String id) {
            return id.equals("fedora") ? Optional.of(fedora) : Optional.empty();
          }
        };
    HostUser user = new HostUser("ann", 1000, 1000, "ann", home, "/bin/bash");
    Host host =
        new Host() {
          @Override
          public HostUser user() {
            return user;
          }

          @Override
          public Map<String, String> environment() {
            return Map.of();
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
            return List.of();
          }

          @Override
          public List<Export> update(java.util.function.UnaryOperator<List<Export>> change) {
            return change.apply(List.of());
          }
        };
    return new BoxService(
        engine, profiles, host, registry, which -> List.of(), (box, cmd) -> 0, "0.1.0", "fedora");
  }
}
