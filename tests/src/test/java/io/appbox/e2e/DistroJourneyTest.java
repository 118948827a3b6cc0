package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One journey, held to the same standard on every profile proven end to end, on rootless Podman:
 * each distribution's real package manager (Debian's apt, and dnf5, dnf 4, zypper and pacman as
 * Debian's archive carries them) in an image initialised as the distribution's own, installing from
 * a repository served over http (scripts/test-env/). The profiles are pointed at the test images
 * through the config's {@code images:}, as a user would point them at a mirror.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistroJourneyTest {
  private static final List<String> SIZES = List.of("16x16", "32x32", "48x48", "64x64", "128x128");

  /** Arguments an exported command must pass on byte for byte. */
  private static final List<String> ARGUMENTS =
      List.of("a b", "$HOME", "", "*", "x'y", "tab\there", "new\nline", "ünï", "--flag", ";id");

  private RepositoryServer repositories;

  @BeforeAll
  void serveTheRepositories() {
    repositories = RepositoryServer.start();
  }

  @AfterAll
  void stopServing() {
    repositories.close();
  }

  /**
   * What a software center reads, the same on every profile: search marks installed apps, show
   * gives appbox's keys, packages what was asked for.
   */
  @SuppressWarnings("unchecked")
  private static void softwareCenterQueries(Sandbox s, String box) {
    CommandResult search = s.appbox("--json", "search", "--box", box, "appbox-hello");
    assertThat(search).succeeded();
    List<Map<String, Object>> hits =
        (List<Map<String, Object>>) Json.parseObject(search.stdout()).get("data");
    assertThat(hits.get(0))
        .as(search.stdout())
        .containsEntry("name", "appbox-hello")
        .containsEntry("installed", true)
        .containsEntry("app", true);
    CommandResult show = s.appbox("--json", "show", "--box", box, "appbox-hello");
    assertThat(show).succeeded();
    Map<String, Object> hello = (Map<String, Object>) Json.parseObject(show.stdout()).get("data");
    assertThat(hello)
        .as(show.stdout())
        .containsEntry("name", "appbox-hello")
        .containsEntry("summary", "Says which version it is")
        .containsEntry("installed", true);
    assertThat((String) hello.get("version")).as(show.stdout()).startsWith("1.0");
    CommandResult packages = s.appbox("--json", "packages", "--box", box);
    assertThat(packages).succeeded();
    Map<String, Object> manual = new java.util.HashMap<>();
    for (Object o : (List<Object>) Json.parseObject(packages.stdout()).get("data")) {
      Map<String, Object> p = (Map<String, Object>) o;
      manual.put((String) p.get("name"), p.get("manual"));
    }
    assertThat(manual)
        .as(packages.stdout())
        .containsEntry("appbox-hello", true)
        .containsEntry("appbox-hello-data", false);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"debian", "fedora", "almalinux", "opensuse", "arch"})
  void createSearchInstallExportUpgradeRemoveAutoremove(String distro) throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      s.write(
          ".config/appbox/config.yaml",
          "images:\n  " + distro + ": localhost/appbox-test/" + distro + ":latest\n");
      repositories.serve(distro, "1.0");
      String box = s.newBox();

      // create: sudo works, installed from the repository when the image has none.
      CommandResult create = s.appbox("create", box, "--distro", distro);
      assertThat(create).succeeded();
      assertThat(s.appbox("run", box, "--", "sudo", "-n", "true").exitCode()).isZero();
      if (!distro.equals("debian")) {
        assertThat(create.stderr()).contains("Installing sudo in box " + box);
      }

      // search and show on a fresh box: the index is refreshed once, as root, with a line saying
      // so (by create, when it installed sudo).
      CommandResult first = s.appbox("search", "--box", box, "appbox-hello");
      assertThat(first).succeeded();
      assertThat(first.stdout())
          .containsPattern("(?m)^appbox-hello +1\\.0\\S* +Says which version it is$");
      CommandResult search = s.appbox("--json", "search", "--box", box, "appbox");
      assertThat(search).succeeded();
      // Each with the version the repository offers; not installed, so appbox cannot tell an app.
      assertThat(search.stdout())
          .containsPattern(
              "\\{\"name\":\"appbox-hello\",\"summary\":\"Says which version it is\","
                  + "\"version\":\"1\\.0[^\"]*\",\"installed\":false,\"app\":null\\}")
          .containsPattern(
              "\\{\"name\":\"appbox-c\\+\\+\\.tools\",\"summary\":\"A name with a plus and a"
                  + " dot\",\"version\":\"1\\.0[^\"]*\",\"installed\":false,\"app\":null\\}");
      CommandResult show = s.appbox("show", "--box", box, "appbox-hello");
      assertThat(show).succeeded();
      assertThat(show.stdout()).contains("appbox-hello").contains("1.0");
      assertThat(create.stderr() + first.stderr() + search.stderr() + show.stderr())
          .containsOnlyOnce("Refreshing the package index of " + box);

      // install: the dependency comes along; the desktop entry and every icon are exported.
      CommandResult install = s.appbox("install", "--box", box, "appbox-hello", "appbox-c++.tools");
      assertThat(install).succeeded();
      assertThat(install.stdout()).containsPattern("Installed appbox-hello 1\\.0");
      Map<String, String> installed = installed(s, box);
      assertThat(installed).containsKeys("appbox-hello", "appbox-hello-data", "appbox-c++.tools");
      assertThat(installed.get("appbox-hello")).startsWith("1.0");
      softwareCenterQueries(s, box);
      Path desktop = ExportsTest.desktopFile(s, box, "appbox-hello");
      assertThat(desktop).exists();
      CommandResult valid = s.host("desktop-file-validate", desktop.toString());
      assertThat(valid).succeeded();
      assertThat(valid.stdout()).isEmpty();
      String icon = value(desktop, "Icon");
      Path icons = s.home().resolve(".local/share/icons/hicolor");
      for (String size : SIZES) {
        assertThat(icons.resolve(size + "/apps/" + icon + ".png")).exists();
      }
      assertThat(icons.resolve("scalable/apps/" + icon + ".svg")).exists();

      // export --bin: the arguments arrive byte for byte.
      String command = "hello-" + box;
      CommandResult export =
          s.appbox("export", "--box", box, "--bin", "/usr/bin/appbox-hello", "--as", command);
      assertThat(export).succeeded();
      CommandResult hello = runExported(s, command, ARGUMENTS);
      assertThat(hello).succeeded();
      StringBuilder expected = new StringBuilder("appbox-hello 1.0\n");
      ARGUMENTS.forEach(a -> expected.append('[').append(a).append("]\n"));
      assertThat(hello.stdout().getBytes(StandardCharsets.UTF_8))
          .isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));

      // launch: the menu entry starts the application in the box, with a file for %F.
      Path file = s.home().resolve("a file.txt");
      s.write("a file.txt", "x");
      // gio launch returns once the application has started. The test's launching session (runuser)
      // must outlive it, as a desktop's does: when it ended first, the application's last line was
      // lost in about 1 launch in 12 (none in 40 when it waited). It is waited for from the start:
      // the exported launcher (launchers/ENGINE/BOX appbox-hello) until it has become the box's
      // /usr/bin/appbox-hello; waiting for the latter alone lost the line again in a CI run.
      CommandResult launch =
          s.host(
              "sh",
              "-c",
              "gio launch \"$1\" \"$2\" || exit;"
                  + " for _ in $(seq 600); do pgrep -u \"$(id -u)\" -f"
                  + " '[/]launchers/[^ ]* appbox-hello|[/]usr/bin/appbox-hello' >/dev/null"
                  + " || exit 0; sleep 0.1; done; exit 124",
              "sh",
              desktop.toString(),
              file.toString());
      assertThat(launch).succeeded();
      assertThat(launch.stdout()).isEqualTo("appbox-hello 1.0\n[" + file + "]\n");

      // upgrade to 1.1: the exported command says so.
      repositories.serve(distro, "1.1");
      CommandResult upgrade = s.appbox("upgrade", "--box", box);
      assertThat(upgrade).succeeded();
      assertThat(runExported(s, command, List.of()).stdout()).isEqualTo("appbox-hello 1.1\n");

      // A failing upgrade (1.2's install script fails) is restored from the snapshot.
      repositories.serve(distro, "1.2");
      Map<String, String> before = installed(s, box);
      CommandResult failing = s.appbox("upgrade", "--box", box);
      assertThat(failing).exitedWith(6);
      assertThat(failing.stderr()).contains("restored from snapshot").contains("nothing changed");
      assertThat(installed(s, box)).isEqualTo(before);
      assertThat(runExported(s, command, List.of()).stdout()).isEqualTo("appbox-hello 1.1\n");
      repositories.serve(distro, "1.1");

      // An unknown package: exit 3, its name in the message, nothing changed.
      String unknown = "no-such-package-appbox-e2e";
      CommandResult missing = s.appbox("install", "--box", box, unknown);
      assertThat(missing).exitedWith(3);
      assertThat(missing.stderr()).contains(unknown);
      assertThat(installed(s, box)).isEqualTo(before);

      // remove: its exports go with it.
      CommandResult remove = s.appbox("remove", "--box", box, "appbox-hello");
      assertThat(remove).succeeded();
      assertThat(desktop).doesNotExist();
      assertThat(s.home().resolve(".local/bin/" + command)).doesNotExist();
      for (String size : SIZES) {
        assertThat(icons.resolve(size + "/apps/" + icon + ".png")).doesNotExist();
      }
      assertThat(installed(s, box)).doesNotContainKey("appbox-hello");

      // autoremove: 1.1 no longer needs appbox-hello-data, so it goes; what was asked for stays.
      assertThat(installed(s, box)).containsKey("appbox-hello-data");
      // Nothing here was named: a script (and --json) agrees beforehand with --yes.
      CommandResult autoremove = s.appbox("--json", "autoremove", "--yes", "--box", box);
      assertThat(autoremove).succeeded();
      assertThat(autoremove.stdout().lines().reduce((a, b) -> b).orElse(""))
          .isEqualTo(
              "{\"event\":\"result\",\"ok\":true,\"data\":{\"box\":\""
                  + box
                  + "\",\"removed\":[{\"name\":\"appbox-hello-data\",\"asked\":false}],"
                  + "\"unexported\":[]}}");
      assertThat(installed(s, box))
          .doesNotContainKey("appbox-hello-data")
          .containsKeys("appbox-c++.tools", "sudo");

      CommandResult rm = s.appbox("rm", "--force", box);
      assertThat(rm).succeeded();
      assertThat(s.containerNames()).doesNotContain(box);
    }
  }

  /** appbox profiles names the package manager and version this journey ran. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"debian", "fedora", "almalinux", "opensuse", "arch"})
  @SuppressWarnings("unchecked")
  void profilesSayTheyAreProvenWithTheVersionTheTestsRan(String distro) throws Exception {
    String ran =
        Files.readString(
                Path.of(TestEnvironment.require("APPBOX_TEST_DISTRO_IMAGES"), distro + ".version"))
            .strip();
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      CommandResult r = s.appbox("--json", "profiles");
      assertThat(r).succeeded();
      Map<String, Object> profile =
          ((List<Object>) Json.parseObject(r.stdout()).get("data"))
              .stream()
                  .map(o -> (Map<String, Object>) o)
                  .filter(p -> p.get("id").equals(distro))
                  .findFirst()
                  .orElseThrow();
      assertThat((Map<String, Object>) profile.get("proven"))
          .as("the profile of %s must name what the tests ran: %s", distro, ran)
          .containsEntry("level", "end-to-end")
          .containsEntry("detail", ran)
          .containsEntry("text", "end to end with " + ran);
      CommandResult table = s.appbox("profiles");
      assertThat(table.stdout()).containsPattern("(?m)^" + distro + "\\s.*end to end with " + ran);
    }
  }

  private static CommandResult runExported(Sandbox s, String command, List<String> args) {
    List<String> argv = new java.util.ArrayList<>();
    argv.add(s.home().resolve(".local/bin/" + command).toString());
    argv.addAll(args);
    return s.as(argv, null, 300);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> installed(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "packages", "--box", box);
    assertThat(r).succeeded();
    Map<String, String> out = new TreeMap<>();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      Map<String, Object> p = (Map<String, Object>) o;
      out.put((String) p.get("name"), (String) p.get("version"));
    }
    return out;
  }

  private static String value(Path desktop, String key) throws Exception {
    return Files.readAllLines(desktop).stream()
        .filter(l -> l.startsWith(key + "="))
        .map(l -> l.substring(key.length() + 1))
        .findFirst()
        .orElseThrow(() -> new AssertionError(desktop + " has no " + key));
  }
}
