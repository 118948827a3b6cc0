package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The release as a user of an immutable desktop gets it: an archive downloaded and checked,
 * installed into the home without root and without a Java on the host, upgraded and rolled back
 * without an export breaking, and uninstalled without a trace when asked. Everything runs as the
 * rootless test user on a host whose JDKs are hidden and whose root is read-only.
 */
class ReleaseTest {
  private static final String MARKER_APP =
      "#!/bin/sh\nprintf '%s inside=%s\\n' \"$1\" \"$APPBOX_BOX\" > \"$HOME/marker-$1\"\n";

  @Test
  void theWholeJourneyRunsOnAHostWithoutJava() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      HostWithoutJava host = new HostWithoutJava(s);
      CommandResult java = host.sh("java -version");
      assertThat(java.exitCode()).as("no java runs here: " + java).isNotZero();
      assertThat(host.run("ls", "-A", "/usr/lib/jvm").stdout()).isEmpty();
      assertThat(host.run("findmnt", "-n", "-o", "OPTIONS", "/").stdout()).startsWith("ro");

      CommandResult installed = install(host, Releases.download());
      assertThat(installed).succeeded();
      assertThat(installed.stdout()).contains("appbox " + Releases.builtVersion() + " installed");

      CommandResult version = version(host, "--json");
      assertThat(version).succeeded();
      Map<String, Object> data = data(version);
      assertThat(data.get("version")).isEqualTo(Releases.builtVersion());
      assertThat((String) data.get("runtime")).startsWith(bundledRuntimeVersion());
      assertThat((String) data.get("commit")).matches("[0-9a-f]{40}|unknown");

      String box = s.newBox();
      CommandResult create = appbox(host, s, "create", box);
      assertThat(create).succeeded();
      CommandResult install = appbox(host, s, "install", "--box", box, "htop");
      assertThat(install).succeeded();
      CommandResult bin = appbox(host, s, "export", "--box", box, "--bin", "/usr/bin/htop");
      assertThat(bin).succeeded();

      CommandResult command = host.run(s.home() + "/.local/bin/htop", "--version");
      assertThat(command.stdout()).as(command.toString()).startsWith("htop 3.");
      Path entry = desktopEntry(s, box);
      List<String> exec = new ArrayList<>(ExportsTest.execArgs(entry, "Desktop Entry"));
      exec.add("--version");
      CommandResult fromEntry = host.run(exec.toArray(String[]::new));
      assertThat(fromEntry.stdout()).as(fromEntry.toString()).startsWith("htop 3.");

      CommandResult upgrade = appbox(host, s, "upgrade", "--box", box);
      assertThat(upgrade).succeeded();
      assertThat(host.run(s.home() + "/.local/bin/htop", "--version").stdout())
          .startsWith("htop 3.");

      CommandResult rm = appbox(host, s, "rm", "--force", box);
      assertThat(rm).succeeded();
      assertThat(s.home().resolve(".local/bin/htop")).doesNotExist();
      assertThat(entry).doesNotExist();
    }
  }

  @Test
  void anUpgradeKeepsEveryExportWorkingAndABrokenReleaseIsNotSwitchedTo() throws Exception {
    String a = Releases.builtVersion();
    String b = a + "-next";
    Path releaseB = Releases.variant(b, false);
    Path releaseC = Releases.variant(a + "-broken", true);
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      HostWithoutJava host = new HostWithoutJava(s);
      assertThat(install(host, Releases.download()).exitCode()).isZero();
      String box = s.newBox();
      Path entry = boxWithExportedMarkerApp(host, s, box);
      assertLaunches(host, s, entry, "with-a", box);

      CommandResult toB = install(host, releaseB);
      assertThat(toB).succeeded();
      assertThat(toB.stdout()).contains("appbox " + b + " installed", "the version before, " + a);
      assertThat(version(host).stdout().strip()).isEqualTo("appbox " + b);
      assertLaunches(host, s, entry, "with-b", box);
      CommandResult exports = appbox(host, s, "exports", "--box", box, "--json");
      assertThat(exports).succeeded();
      assertThat(exportStates(exports)).containsOnly("ok").hasSize(2);

      Path current = s.home().resolve(".local/share/appbox/current");
      Path before = Files.readSymbolicLink(current);
      CommandResult toC = install(host, releaseC);
      assertThat(toC).failed();
      assertThat(toC.stderr()).contains("does not start", "nothing changed");
      assertThat(Files.readSymbolicLink(current)).isEqualTo(before);
      assertThat(version(host).stdout().strip()).isEqualTo("appbox " + b);
      try (Stream<Path> versions = Files.list(s.home().resolve(".local/share/appbox/versions"))) {
        assertThat(versions.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(a, b);
      }

      CommandResult rollback =
          host.run("sh", s.home() + "/.local/share/appbox/current/install.sh", "--rollback");
      assertThat(rollback).succeeded();
      assertThat(version(host).stdout().strip()).isEqualTo("appbox " + a);
      assertLaunches(host, s, entry, "after-rollback", box);
    }
  }

  @Test
  void installingOverTheOldLayoutKeepsItsExportsAndRemovesOnlyTheOldProgram() throws Exception {
    Path old = Releases.oldLayoutRelease();
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      // The old installer, on a host that had Java: the program beside the launchers.
      CommandResult oldInstall = s.host("sh", old.resolve("install.sh").toString());
      assertThat(oldInstall).succeeded();
      Path data = s.home().resolve(".local/share/appbox");
      assertThat(data.resolve("lib/appbox-cli.jar")).isRegularFile();
      String box = s.newBox();
      assertThat(s.host("appbox", "--engine", "podman", "create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.write("/usr/local/bin/marker-app", MARKER_APP, "755");
      fx.write(
          "/usr/share/applications/marker-app.desktop",
          "[Desktop Entry]\nType=Application\nName=Marker App\nExec=/usr/local/bin/marker-app menu %U\n",
          "644");
      assertThat(
              s.host("appbox", "--engine", "podman", "export", "--box", box, "--app", "marker-app")
                  .exitCode())
          .isZero();
      assertThat(
              s.host(
                      "appbox",
                      "--engine",
                      "podman",
                      "export",
                      "--box",
                      box,
                      "--bin",
                      "/usr/local/bin/marker-app")
                  .exitCode())
          .isZero();
      Path entry = desktopEntry(s, box);

      HostWithoutJava host = new HostWithoutJava(s);
      CommandResult installed = install(host, Releases.download());
      assertThat(installed).succeeded();
      for (String gone : List.of("bin", "lib", "libexec", "share")) {
        assertThat(data.resolve(gone)).as("the old program's " + gone).doesNotExist();
      }
      assertThat(data.resolve("launchers")).isDirectory();
      assertLaunches(host, s, entry, "migrated", box);
      assertThat(exportStates(appbox(host, s, "exports", "--box", box, "--json")))
          .containsOnly("ok")
          .hasSize(2);
    } finally {
      Commands.run(List.of("rm", "-rf", old.getParent().toString()), null, null, 60);
    }
  }

  @Test
  void uninstallKeepsTheExportsWorkingAndPurgeLeavesTheHomeAsItWas() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      HostWithoutJava host = new HostWithoutJava(s);
      // A desktop user's home already has the XDG directories; the download stays theirs.
      for (String dir :
          List.of(".local/bin", ".local/share/applications", ".local/state", ".config", ".cache")) {
        assertThat(host.run("mkdir", "-p", s.home() + "/" + dir).exitCode()).isZero();
      }
      CommandResult unpacked = download(host, Releases.download());
      assertThat(unpacked).succeeded();
      Set<String> before = listing(s.home());
      String installer = "Downloads/appbox-" + Releases.builtVersion() + "-linux-x86_64/install.sh";

      assertThat(host.run("sh", installer).exitCode()).isZero();
      String box = s.newBox();
      Path entry = boxWithExportedMarkerApp(host, s, box);
      assertLaunches(host, s, entry, "installed", box);
      assertThat(s.home().resolve(".local/share/man/man1/appbox.1")).isRegularFile();
      assertThat(s.home().resolve(".local/share/bash-completion/completions/appbox"))
          .isRegularFile();

      CommandResult uninstall = host.run("sh", installer, "--uninstall");
      assertThat(uninstall).succeeded();
      assertThat(s.home().resolve(".local/bin/appbox")).doesNotExist();
      assertThat(s.home().resolve(".local/share/appbox/versions")).doesNotExist();
      assertThat(s.home().resolve(".local/share/appbox/current")).doesNotExist();
      assertThat(s.home().resolve(".local/share/man/man1/appbox.1")).doesNotExist();
      assertThat(s.home().resolve(".local/share/bash-completion/completions/appbox"))
          .doesNotExist();
      assertThat(host.sh("command -v appbox").exitCode()).isNotZero();
      assertLaunches(host, s, entry, "uninstalled", box);

      assertThat(host.run("sh", installer).exitCode()).isZero();
      CommandResult purge =
          host.run(
              "sh", s.home() + "/.local/share/appbox/current/install.sh", "--uninstall", "--purge");
      assertThat(purge).succeeded();
      assertThat(entry).doesNotExist();
      // What the boxed app itself wrote into the shared home is the user's, not appbox's.
      Set<String> after = listing(s.home());
      after.removeIf(f -> f.startsWith("marker-"));
      assertThat(after).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  /**
   * The JVM loads every class of its AOT cache at each start, so install starts with a cache of its
   * own: the launcher picks the cache by the command word, and the bundled runtime takes each (with
   * {@code -XX:AOTMode=on} a cache it cannot use is an error, not a slow start).
   */
  @Test
  void installStartsWithACacheOfItsOwnAndTheRuntimeTakesEveryCache() throws Exception {
    Path work = Files.createTempDirectory("appbox-e2e-caches-");
    try {
      Commands.check(List.of("tar", "-xzf", Releases.download().toString(), "-C", work.toString()));
      Path root = work.resolve("appbox-" + Releases.builtVersion() + "-linux-x86_64");
      Path java = root.resolve("runtime/bin/java");
      Files.move(java, root.resolve("runtime/bin/java.real"));
      Files.writeString(
          java,
          "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$APPBOX_TEST_ARGS\"\n"
              + "exec \"${0%/*}/java.real\" -XX:AOTMode=on \"$@\"\n");
      Commands.check(List.of("chmod", "755", java.toString()));
      Path args = work.resolve("args");
      Map<String, String> env =
          Map.of(
              "PATH",
              "/usr/bin:/bin",
              "HOME",
              work.toString(),
              "APPBOX_TEST_ARGS",
              args.toString());
      String[][] cases = {
        {"appbox-install.aot", "install", "--help"},
        {"appbox-install.aot", "--engine", "podman", "install", "--help"},
        {"appbox.aot", "--json", "search", "--help"},
        {"appbox.aot", "remove", "--help"},
        {"appbox.aot", "list", "--help"},
        {"appbox.aot", "--version", "--json"}
      };
      for (String[] c : cases) {
        List<String> argv = new ArrayList<>(List.of(root.resolve("bin/appbox").toString()));
        argv.addAll(List.of(c).subList(1, c.length));
        CommandResult r = Commands.run(argv, env, null, 60);
        assertThat(r).succeeded();
        assertThat(r.stdout()).as(r.toString()).isNotBlank();
        assertThat(Files.readAllLines(args))
            .as(String.join(" ", argv))
            .contains("-XX:AOTCache=" + root.resolve("lib").resolve(c[0]));
      }
    } finally {
      Commands.check(List.of("rm", "-rf", work.toString()));
    }
  }

  @Test
  void manPagesAndCompletionWorkRightAfterTheInstall() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      HostWithoutJava host = new HostWithoutJava(s);
      assertThat(install(host, Releases.download()).exitCode()).isZero();

      // man finds the page through the link in ~/.local/share/man, into the version in use.
      CommandResult man = host.run("man", "-w", "appbox-install");
      assertThat(man.stdout().strip())
          .as(man.toString())
          .isEqualTo(
              s.home()
                  + "/.local/share/appbox/versions/"
                  + Releases.builtVersion()
                  + "/share/man/man1/appbox-install.1");
      CommandResult page = host.sh("MANPAGER=cat MANWIDTH=80 man appbox-install");
      assertThat(page.stdout()).as(page.toString()).contains("appbox install");
      CommandResult bash =
          host.run(
              "bash",
              "-c",
              ". /usr/share/bash-completion/bash_completion; _completion_loader appbox;"
                  + " complete -p appbox");
      assertThat(bash.stdout()).as(bash.toString()).contains("complete -F").endsWith(" appbox\n");
      CommandResult fish = host.run("fish", "-c", "complete -C 'appbox cre'");
      assertThat(fish.stdout()).as(fish.toString()).contains("create");
      CommandResult zsh =
          host.run(
              "zsh",
              "-c",
              "fpath+=(~/.local/share/zsh/site-functions); autoload -U compinit; compinit -u;"
                  + " print -r -- $_comps[appbox]");
      assertThat(zsh.stdout().strip()).as(zsh.toString()).isEqualTo("_appbox");
    }
  }

  /** Downloads (copies) an archive and its checksum, checks it, unpacks it: docs/install.md. */
  private static CommandResult download(HostWithoutJava host, Path archive) {
    return host.sh(
        "set -e; mkdir -p \"$HOME/Downloads\"; cd \"$HOME/Downloads\"; cp \"$1\" \"$1.sha256\" .;"
            + " sha256sum -c \"${1##*/}.sha256\"; tar -xzf \"${1##*/}\"",
        archive.toString());
  }

  private static CommandResult install(HostWithoutJava host, Path archive) {
    CommandResult unpacked = download(host, archive);
    assertThat(unpacked).succeeded();
    String top = archive.getFileName().toString().replace(".tar.gz", "");
    return host.sh("cd \"$HOME/Downloads/$1\" && ./install.sh", top);
  }

  /** The installed appbox, by the command the installer put on PATH. */
  private static CommandResult appbox(HostWithoutJava host, Sandbox s, String... args) {
    List<String> argv = new ArrayList<>(List.of("appbox"));
    argv.addAll(s.engineFlag());
    argv.addAll(List.of(args));
    return host.run(argv.toArray(String[]::new));
  }

  /** {@code appbox --version}, as scripts ask it: no engine named. */
  private static CommandResult version(HostWithoutJava host, String... json) {
    List<String> argv = new ArrayList<>(List.of("appbox", "--version"));
    argv.addAll(List.of(json));
    return host.run(argv.toArray(String[]::new));
  }

  /** A box with an app that records how it was started, exported as an app and as a command. */
  private static Path boxWithExportedMarkerApp(HostWithoutJava host, Sandbox s, String box)
      throws IOException {
    CommandResult create = appbox(host, s, "create", box);
    assertThat(create).succeeded();
    BoxFixture fx = new BoxFixture(s, box);
    fx.write("/usr/local/bin/marker-app", MARKER_APP, "755");
    fx.write("/usr/share/icons/hicolor/48x48/apps/marker-app.png", BoxFixture.png(48), "644");
    fx.write(
        "/usr/share/applications/marker-app.desktop",
        "[Desktop Entry]\nType=Application\nName=Marker App\nExec=/usr/local/bin/marker-app menu %U\n"
            + "Icon=marker-app\n",
        "644");
    CommandResult app = appbox(host, s, "export", "--box", box, "--app", "marker-app");
    assertThat(app).succeeded();
    CommandResult bin =
        appbox(host, s, "export", "--box", box, "--bin", "/usr/local/bin/marker-app");
    assertThat(bin).succeeded();
    return desktopEntry(s, box);
  }

  /** The exported command and the menu entry (through GLib, as a desktop does) both run the app. */
  private static void assertLaunches(
      HostWithoutJava host, Sandbox s, Path entry, String word, String box) throws Exception {
    CommandResult command = host.run(s.home() + "/.local/bin/marker-app", word + "-command");
    assertThat(command).succeeded();
    assertThat(Files.readString(s.home().resolve("marker-" + word + "-command")))
        .isEqualTo(word + "-command inside=" + box + "\n");
    assertThat(host.run("desktop-file-validate", entry.toString()).exitCode()).isZero();
    Path marker = s.home().resolve("marker-menu");
    Files.deleteIfExists(marker);
    CommandResult menu = host.run("gio", "launch", entry.toString());
    assertThat(menu).succeeded();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(marker) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(marker).as("the menu entry started the app (" + word + ")").exists();
  }

  /** The desktop entry appbox exported from {@code box}. */
  private static Path desktopEntry(Sandbox s, String box) throws IOException {
    try (Stream<Path> files = Files.list(s.home().resolve(".local/share/applications"))) {
      List<Path> entries =
          files
              .filter(p -> p.toString().endsWith(".desktop"))
              .filter(
                  p -> {
                    try {
                      return Files.readString(p, StandardCharsets.UTF_8)
                          .contains("\nX-Appbox-Box=" + box + "\n");
                    } catch (IOException e) {
                      return false;
                    }
                  })
              .toList();
      assertThat(entries).hasSize(1);
      return entries.get(0);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(CommandResult r) {
    return (Map<String, Object>) Json.parseObject(r.stdout()).get("data");
  }

  @SuppressWarnings("unchecked")
  private static List<String> exportStates(CommandResult exports) {
    List<Object> all = (List<Object>) Json.parseObject(exports.stdout()).get("data");
    return all.stream().map(e -> (String) ((Map<String, Object>) e).get("state")).toList();
  }

  /** The Java runtime the archive carries, as its release file names it. */
  private static String bundledRuntimeVersion() {
    String top = "appbox-" + Releases.builtVersion() + "-linux-x86_64";
    CommandResult release =
        Commands.check(
            List.of("tar", "-xzOf", Releases.built().toString(), top + "/runtime/release"));
    return release
        .stdout()
        .lines()
        .filter(l -> l.startsWith("JAVA_VERSION="))
        .map(l -> l.substring("JAVA_VERSION=\"".length(), l.length() - 1))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Every file and link in the home. Directories are left out: the XDG directories that exports
   * fill (applications/, icons/hicolor/SIZE/apps/) are shared with every other program, and appbox
   * leaves them in place when it takes its files out.
   */
  private static Set<String> listing(Path home) throws IOException {
    try (Stream<Path> all = Files.walk(home)) {
      return all.filter(p -> !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .map(p -> home.relativize(p) + (Files.isSymbolicLink(p) ? " (link)" : ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
