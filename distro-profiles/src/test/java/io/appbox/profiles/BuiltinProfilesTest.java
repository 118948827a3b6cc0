package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.profile.Bootstrap;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltinProfilesTest {
  private static final BuiltinProfiles BUILTINS = new BuiltinProfiles();

  /**
   * The program each command runs, in CommandKey order: install remove search show list-installed
   * list-files owner update upgrade autoremove clean health-check has-index ("-": none). "sh" is a
   * fixed script that stands in where the package manager has no single command. The last column is
   * the queries that run as root: those that need the repositories' index where the tool refuses a
   * user (dnf5 5.4's lock, zypper's cache, pacman's sync database).
   */
  static Stream<Arguments> profiles() {
    return Stream.of(
        Arguments.of(
            "debian",
            "docker.io/library/debian:bookworm",
            "apt-get apt-get apt-cache apt-cache dpkg-query dpkg-query dpkg-query"
                + " apt-get apt-get apt-get apt-get apt-get sh",
            ""),
        Arguments.of(
            "ubuntu",
            "docker.io/library/ubuntu:24.04",
            "apt-get apt-get apt-cache apt-cache dpkg-query dpkg-query dpkg-query"
                + " apt-get apt-get apt-get apt-get apt-get sh",
            ""),
        Arguments.of(
            "fedora",
            "registry.fedoraproject.org/fedora:41",
            "dnf dnf dnf dnf rpm rpm rpm dnf dnf dnf dnf dnf sh",
            "search show versions list-manual"),
        Arguments.of(
            "almalinux",
            "quay.io/almalinuxorg/almalinux:9",
            "dnf dnf dnf dnf rpm rpm rpm dnf dnf dnf dnf dnf sh",
            "search show versions list-manual"),
        Arguments.of(
            "arch",
            "docker.io/library/archlinux:latest",
            "pacman pacman pacman pacman pacman pacman pacman pacman pacman sh pacman pacman sh",
            "search show"),
        Arguments.of(
            "alpine",
            "docker.io/library/alpine:3.20",
            "apk apk apk apk apk apk apk apk apk apk sh apk -",
            ""),
        Arguments.of(
            "opensuse",
            "registry.opensuse.org/opensuse/tumbleweed:latest",
            "zypper zypper zypper zypper rpm rpm rpm zypper zypper sh zypper rpm sh",
            "search show versions list-manual"),
        Arguments.of(
            "void",
            "ghcr.io/void-linux/void-glibc:latest",
            "xbps-install xbps-remove xbps-query xbps-query xbps-query xbps-query xbps-query"
                + " xbps-install sh xbps-remove xbps-remove xbps-pkgdb -",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void loadsWithItsImageAndSource(String id, String image, String programs, String rootQueries) {
    DistroProfile profile = BUILTINS.load(id).orElseThrow();

    assertThat(profile.id()).isEqualTo(id);
    assertThat(profile.image().toString()).isEqualTo(image);
    assertThat(profile.image().isFullyQualified()).isTrue();
    assertThat(profile.source()).isEqualTo(DistroProfile.BUILT_IN);
    assertThat(profile.displayName()).isNotBlank();
    assertThat(profile.environment()).containsEntry("LC_MESSAGES", "C");
    assertThat(profile.packages().notFound()).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void everyCommandRunsThePackageManagerItself(
      String id, String image, String programs, String rootQueries) {
    DistroProfile profile = BUILTINS.load(id).orElseThrow();
    List<String> expected = List.of(programs.split(" "));
    String manager = expected.get(0).replaceAll("-.*", "");

    for (CommandKey key : CommandKey.values()) {
      if (key.isOptional()) {
        continue;
      }
      PackageCommand command = Records.command(profile.packages(), key);
      if (expected.get(key.ordinal()).equals("-")) {
        assertThat(command).as("%s %s", id, key.key).isNull();
        continue;
      }
      assertThat(command.argv().get(0))
          .as("%s %s", id, key.key)
          .isEqualTo(expected.get(key.ordinal()));
      if (key == CommandKey.HAS_INDEX) {
        // Looks for the index's files with shell builtins only; appends nothing.
        assertThat(command.argv()).hasSize(3).startsWith("sh", "-c");
        assertThat(command.argv().get(2)).startsWith("for f in /var/").endsWith("exit 1");
        continue;
      }
      if (command.argv().get(0).equals("sh")) {
        // Fixed text: appbox appends nothing to it that the shell could read as code.
        assertThat(command.argv()).as("%s %s", id, key.key).hasSize(3).startsWith("sh", "-c");
        assertThat(command.argv().get(2)).contains(manager);
        assertThat(key.isQuery()).isFalse();
        assertThat(key).isNotIn(CommandKey.INSTALL, CommandKey.REMOVE);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void changesRunAsRootAndQueriesAsTheUserUnlessTheToolNeedsRoot(
      String id, String image, String programs, String rootQueries) {
    DistroProfile profile = BUILTINS.load(id).orElseThrow();
    List<String> asRoot = List.of(rootQueries.split(" "));

    for (CommandKey key : CommandKey.values()) {
      PackageCommand command = Records.command(profile.packages(), key);
      if (command == null) {
        continue;
      }
      assertThat(command.root())
          .as("%s %s", id, key.key)
          .isEqualTo(!key.isQuery() || asRoot.contains(key.key));
      if (key != CommandKey.INSTALL) {
        assertThat(command.output().isPresent()).as("%s %s", id, key.key).isEqualTo(key.isQuery());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void eachSaysHowItIsProvenAndWhetherItsImageHasSudo(
      String id, String image, String programs, String rootQueries) {
    DistroProfile profile = BUILTINS.load(id).orElseThrow();
    boolean endToEnd = List.of("debian", "fedora", "almalinux", "opensuse", "arch").contains(id);

    assertThat(profile.proven().level())
        .isEqualTo(endToEnd ? Proof.Level.END_TO_END : Proof.Level.UNIT_TESTS);
    assertThat(profile.proven().detail()).isNotBlank();
    // The images of Debian and Ubuntu carry sudo (debian's bootstrap includes it); the others do
    // not, and create installs it.
    assertThat(profile.sudoPackage().isPresent())
        .isEqualTo(!List.of("debian", "ubuntu").contains(id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("profiles")
  void namesThePackagesThatBringSystemdWhereTheDistroShipsIt(
      String id, String image, String programs, String rootQueries) {
    List<String> expected =
        switch (id) {
          case "debian", "ubuntu" -> List.of("systemd", "systemd-sysv");
          case "fedora", "almalinux" -> List.of("systemd");
          case "opensuse" -> List.of("systemd", "systemd-sysvinit");
          case "arch" -> List.of("systemd", "systemd-sysvcompat");
          default -> List.of(); // alpine (OpenRC) and void (runit): create --init is refused
        };
    assertThat(BUILTINS.load(id).orElseThrow().systemdPackages()).isEqualTo(expected);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"debian", "ubuntu"})
  void aptTellsWhatAChangeWouldRemoveWithoutChangingAnything(String id) {
    io.appbox.core.profile.RemovalPlans plans = BUILTINS.load(id).orElseThrow().packages().plans();
    String simulated =
        "NOTE: This is only a simulation!\n"
            + "Remv mousepad [0.5.10-1]\n"
            + "Inst htop (3.2.2-2 Debian:12/stable [amd64])\n"
            + "Remv libgtksourceview-4-0:amd64 [4.8.4-4]\n";
    for (PackageCommand plan :
        List.of(
            plans.remove().orElseThrow(),
            plans.autoremove().orElseThrow(),
            plans.upgrade().orElseThrow())) {
      assertThat(plan.argv()).contains("-s");
      assertThat(plan.root()).isFalse();
      assertThat(Records.of(plan.output().orElseThrow(), simulated, "name"))
          .containsExactly("mousepad", "libgtksourceview-4-0");
    }
  }

  @Test
  void debianBootstrapsWithMmdebstrap() {
    DistroProfile debian = BUILTINS.load("debian").orElseThrow();

    assertThat(debian.bootstrap())
        .contains(
            new Bootstrap(
                "mmdebstrap",
                "bookworm",
                "http://deb.debian.org/debian",
                "apt",
                List.of("sudo", "ca-certificates")));
    assertThat(debian.environment()).containsEntry("DEBIAN_FRONTEND", "noninteractive");
    assertThat(debian.packages().progress()).isEqualTo(ProgressFormat.APT_STATUS);
  }

  @Test
  void ubuntuBootstrapsNoble() {
    assertThat(BUILTINS.load("ubuntu").orElseThrow().bootstrap())
        .map(Bootstrap::suite)
        .contains("noble");
  }

  @Test
  void aptReportsProgressOnWhatChangesTheBox() {
    DistroProfile debian = BUILTINS.load("debian").orElseThrow();

    assertThat(debian.packages().install().argv()).containsSequence("-o", "APT::Status-Fd=1");
    assertThat(debian.packages().remove().argv()).containsSequence("-o", "APT::Status-Fd=1");
    assertThat(debian.packages().upgrade().argv()).containsSequence("-o", "APT::Status-Fd=1");
  }

  @Test
  void dpkgQueryGetsItsOwnEscapesNotRealTabs() {
    List<String> argv = BUILTINS.load("debian").orElseThrow().packages().listInstalled().argv();

    assertThat(argv)
        .containsExactly(
            "dpkg-query", "-W", "-f", "${db:Status-Abbrev}\\t${Package}\\t${Version}\\n");
  }

  @Test
  void onlyAptProfilesReportAptStatus() {
    for (String id : BUILTINS.ids()) {
      ProgressFormat progress = BUILTINS.load(id).orElseThrow().packages().progress();
      assertThat(progress)
          .as(id)
          .isEqualTo(
              Set.of("debian", "ubuntu").contains(id)
                  ? ProgressFormat.APT_STATUS
                  : ProgressFormat.NONE);
    }
  }

  @Test
  void indexListsEveryProfileFileAndNothingElse() throws IOException, URISyntaxException {
    Path directory = Path.of(BuiltinProfiles.class.getResource(BuiltinProfiles.DIRECTORY).toURI());
    List<String> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files =
          entries
              .map(path -> path.getFileName().toString())
              .filter(name -> name.endsWith(".yaml"))
              .map(name -> name.substring(0, name.length() - ".yaml".length()))
              .toList();
    }

    assertThat(BUILTINS.ids()).containsExactlyInAnyOrderElementsOf(files);
    assertThat(BUILTINS.ids())
        .contains("debian", "ubuntu", "fedora", "almalinux", "arch", "alpine", "opensuse", "void");
  }

  @Test
  void unknownIdIsNotBuiltIn() {
    assertThat(BUILTINS.load("plan9")).isEqualTo(Optional.empty());
  }

  @Test
  void imagesAreDistinct() {
    Map<String, String> images = new java.util.HashMap<>();
    for (String id : BUILTINS.ids()) {
      String image = BUILTINS.load(id).orElseThrow().image().toString();
      assertThat(images.put(image, id)).as(image).isNull();
    }
  }
}
