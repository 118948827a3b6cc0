package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Exports on rootless Podman: real desktop entries, icons, launchers and command wrappers. */
class ExportsTest {

  /** Where appbox exports app {@code id} of {@code box}: each '-' of the box's name doubled. */
  static Path desktopFile(Sandbox s, String box, String id) {
    return s.home().resolve(".local/share/applications/" + desktopFileName(box, id));
  }

  static String desktopFileName(String box, String id) {
    return "appbox-" + box.replace("-", "--") + "-" + id + ".desktop";
  }

  /** The Exec line of an exported entry as arguments, field codes dropped. */
  static List<String> execArgs(Path desktop, String group) throws Exception {
    String text = Files.readString(desktop);
    int start = text.indexOf("[" + group + "]");
    Matcher m = Pattern.compile("(?m)^Exec=(.*)$").matcher(text.substring(start));
    assertThat(m.find()).isTrue();
    List<String> args = new ArrayList<>();
    for (String word : m.group(1).split(" ")) {
      if (!word.startsWith("%")) {
        args.add(word.replace("\"", ""));
      }
    }
    return args;
  }

  @Test
  void installExportsAValidEntryWithItsIconAndTheEntryRunsTheBoxesHtop() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult install = s.appbox("install", "--box", box, "htop");
      assertThat(install).succeeded();

      Path desktop = desktopFile(s, box, "htop");
      assertThat(desktop).exists();
      CommandResult valid = s.host("desktop-file-validate", desktop.toString());
      assertThat(valid).succeeded();
      String text = Files.readString(desktop);
      assertThat(text)
          .contains("X-Appbox-Box=" + box)
          .contains("X-Appbox-Package=htop")
          .contains("Icon=htop");
      try (var icons = Files.walk(s.home().resolve(".local/share/icons"))) {
        assertThat(icons.map(Path::toString))
            .anyMatch(p -> p.matches(".*/hicolor/[^/]+/apps/htop\\.(png|svg)"));
      }

      List<String> exec = execArgs(desktop, "Desktop Entry");
      List<String> versionCommand = new ArrayList<>(exec);
      versionCommand.add("--version");
      CommandResult fromEntry = s.host(versionCommand.toArray(String[]::new));
      assertThat(fromEntry).succeeded();
      assertThat(fromEntry.stdout()).startsWith("htop 3.");

      CommandResult bin = s.appbox("export", "--box", box, "--bin", "/usr/bin/htop");
      assertThat(bin).succeeded();
      CommandResult wrapped = s.host(s.home() + "/.local/bin/htop", "--version");
      assertThat(wrapped.stdout()).as(wrapped.toString()).startsWith("htop 3.");
    }
  }

  @Test
  void gioLaunchStartsTheApplicationAndItsActionInTheBox() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.write(
          "/usr/local/bin/marker-app",
          "#!/bin/sh\nprintf '%s inside=%s\\n' \"$1\" \"$APPBOX_BOX\" > \"$HOME/marker-$1\"\n",
          "755");
      fx.write("/usr/share/icons/hicolor/48x48/apps/marker-app.png", BoxFixture.png(48), "644");
      fx.write(
          "/usr/share/applications/marker-app.desktop",
          "[Desktop Entry]\nType=Application\nName=Marker App\nExec=/usr/local/bin/marker-app main %U\n"
              + "Icon=marker-app\nActions=second;\n\n[Desktop Action second]\nName=Second\n"
              + "Exec=/usr/local/bin/marker-app second\n",
          "644");
      CommandResult export = s.appbox("export", "--box", box, "--app", "marker-app");
      assertThat(export).succeeded();
      Path desktop = desktopFile(s, box, "marker-app");
      assertThat(s.host("desktop-file-validate", desktop.toString()).exitCode()).isZero();
      assertThat(s.home().resolve(".local/share/icons/hicolor/48x48/apps/marker-app.png")).exists();

      CommandResult launch = s.host("gio", "launch", desktop.toString());
      assertThat(launch).succeeded();
      assertThat(waitFor(s.home().resolve("marker-main"))).isEqualTo("main inside=" + box + "\n");

      CommandResult action =
          s.host(
              "/usr/bin/python3",
              "-c",
              "import sys, gi; gi.require_version('Gio', '2.0'); from gi.repository import Gio;"
                  + " Gio.DesktopAppInfo.new_from_filename(sys.argv[1]).launch_action('second', None)",
              desktop.toString());
      assertThat(action).succeeded();
      assertThat(waitFor(s.home().resolve("marker-second")))
          .isEqualTo("second inside=" + box + "\n");
    }
  }

  /** The marker's one line, once the application has written all of it. */
  private static String waitFor(Path file) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!(Files.exists(file) && Files.readString(file).endsWith("\n"))
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(file).as("the application left its marker").exists();
    return Files.readString(file);
  }

  @Test
  void exportedCommandsKeepArgumentsStdinAndExitCodes() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/printf", "--as", "box-printf")
                  .exitCode())
          .isZero();
      assertThat(s.appbox("export", "--box", box, "--bin", "/bin/sh", "--as", "box-sh").exitCode())
          .isZero();
      String bin = s.home() + "/.local/bin/";

      CommandResult args =
          s.host(
              bin + "box-printf",
              "[%s]\\n",
              "a b",
              "\"q\" 'q'",
              "$HOME",
              "`id`",
              "back\\slash",
              "new\nline",
              "",
              "--as",
              "ü");
      assertThat(args.stdout())
          .isEqualTo(
              "[a b]\n[\"q\" 'q']\n[$HOME]\n[`id`]\n[back\\slash]\n[new\nline]\n[]\n[--as]\n[ü]\n");

      CommandResult exit = s.host(bin + "box-sh", "-c", "echo $APPBOX_BOX; exit 7");
      assertThat(exit.exitCode()).isEqualTo(7);
      assertThat(exit.stdout()).isEqualTo(box + "\n");

      CommandResult stdin =
          s.hostWithInput("piped\n".getBytes(StandardCharsets.UTF_8), bin + "box-sh", "-c", "cat");
      assertThat(stdin.stdout()).isEqualTo("piped\n");

      // Stopped box: the launcher starts it.
      assertThat(s.appbox("stop", box).exitCode()).isZero();
      CommandResult again = s.host(bin + "box-printf", "%s", "after-stop");
      assertThat(again.stdout()).as(again.toString()).isEqualTo("after-stop");
    }
  }

  @Test
  void exportBinRefusesToShadowAHostCommandUnlessRenamed() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult shadow = s.appbox("export", "--box", box, "--bin", "/usr/bin/ls");
      assertThat(shadow).exitedWith(5);
      assertThat(shadow.stderr()).contains("/usr/bin/ls").contains("--as");
      assertThat(s.home().resolve(".local/bin/ls")).doesNotExist();
      CommandResult renamed =
          s.appbox("export", "--box", box, "--bin", "/usr/bin/ls", "--as", "ls-box");
      assertThat(renamed).succeeded();
      CommandResult missing = s.appbox("export", "--box", box, "--bin", "/usr/bin/no-such-program");
      assertThat(missing.exitCode()).isEqualTo(3);
    }
  }

  @Test
  void removingTheBoxRemovesEveryFileThatCameFromIt() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      List<Path> before = files(s.home());
      assertThat(s.appbox("install", "--box", box, "htop").exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/htop", "--as", "htop-e2e")
                  .exitCode())
          .isZero();
      assertThat(files(s.home())).hasSizeGreaterThan(before.size() + 3);

      CommandResult rm = s.appbox("rm", "--force", box);
      assertThat(rm).succeeded();
      List<Path> after = files(s.home());
      after.removeIf(p -> p.toString().contains("/.local/state/appbox/"));
      assertThat(after).as("nothing from the box is left").isEqualTo(withoutState(before));
      CommandResult exports = s.appbox("--json", "exports");
      assertThat(exports.stdout()).isEqualTo("{\"ok\":true,\"data\":[]}\n");
    }
  }

  private static List<Path> withoutState(List<Path> files) {
    List<Path> out = new ArrayList<>(files);
    out.removeIf(p -> p.toString().contains("/.local/state/appbox/"));
    return out;
  }

  @Test
  void exportsOfABoxRemovedBehindAppboxsBackAreReportedAndFixed() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/env", "--as", "env-e2e")
                  .exitCode())
          .isZero();
      Path wrapper = s.home().resolve(".local/bin/env-e2e");
      assertThat(wrapper).exists();

      assertThat(s.engineCli("rm", "-f", box).exitCode()).isZero();
      CommandResult exports = s.appbox("exports");
      assertThat(exports.stdout()).containsPattern(box + "\\s+bin\\s+env-e2e\\s+\\S+\\s+box-gone");
      CommandResult doctor = s.appbox("doctor");
      assertThat(doctor.exitCode()).isEqualTo(1);
      assertThat(doctor.stdout())
          .contains("export command " + box + "/env-e2e: box-gone")
          .contains("appbox doctor --fix");

      CommandResult fix = s.appbox("doctor", "--fix");
      assertThat(fix.stdout()).as(fix.toString()).contains("box-gone, removed");
      assertThat(wrapper).doesNotExist();
      assertThat(s.appbox("--json", "exports").stdout()).isEqualTo("{\"ok\":true,\"data\":[]}\n");
    }
  }

  @Test
  void concurrentExportsAndUnexportsKeepAConsistentRecord() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      List<java.util.concurrent.CompletableFuture<CommandResult>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "par-" + i;
        runs.add(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> s.appbox("export", "--box", box, "--bin", "/usr/bin/true", "--as", name)));
      }
      for (var r : runs) {
        assertThat(r.join()).succeeded();
      }
      assertThat(recordedNames(s))
          .containsExactlyInAnyOrder(
              "par-0", "par-1", "par-2", "par-3", "par-4", "par-5", "par-6", "par-7");
      for (int i = 0; i < 8; i++) {
        assertThat(s.home().resolve(".local/bin/par-" + i)).exists();
      }
      runs.clear();
      for (int i = 0; i < 8; i++) {
        String name = "par-" + i;
        runs.add(
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> s.appbox("unexport", "--box", box, "--bin", name)));
      }
      for (var r : runs) {
        assertThat(r.join()).succeeded();
      }
      assertThat(recordedNames(s)).isEmpty();
      try (var left = Files.list(s.home().resolve(".local/bin"))) {
        assertThat(left.toList()).isEmpty();
      }
      assertThat(s.home().resolve(".local/share/appbox/launchers/podman-rootless/" + box))
          .doesNotExist();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> recordedNames(Sandbox s) {
    CommandResult r = s.appbox("--json", "exports");
    assertThat(r).succeeded();
    List<String> names = new ArrayList<>();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      names.add((String) ((Map<String, Object>) o).get("name"));
    }
    return names;
  }

  /** The desktop entry the export record lists for app {@code id} of {@code box}. */
  @SuppressWarnings("unchecked")
  static Path recordedEntry(Sandbox s, String box, String id) {
    CommandResult r = s.appbox("--json", "exports", "--box", box);
    assertThat(r).succeeded();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      Map<String, Object> e = (Map<String, Object>) o;
      if (e.get("name").equals(id)) {
        return Path.of(
            ((List<String>) e.get("files"))
                .stream().filter(f -> f.endsWith(".desktop")).findFirst().orElseThrow());
      }
    }
    throw new AssertionError("no export of " + id + " from " + box + ": " + r);
  }

  static List<Path> files(Path root) throws Exception {
    try (var walk = Files.walk(root)) {
      return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
    }
  }

  @Test
  void killingAnExportLeavesTheOldStateOrTheNewNeverAHalfWrittenFile() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      Path wrapper = s.home().resolve(".local/bin/killed-e2e");
      for (int delay : new int[] {150, 400, 700, 1000, 1300, 1700, 2200}) {
        var run =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () ->
                    s.appbox(
                        "export", "--box", box, "--bin", "/usr/bin/true", "--as", "killed-e2e"));
        Thread.sleep(delay);
        Commands.run(List.of("pkill", "-9", "-f", "--", "--as killed-e2e"), null, null, 30);
        run.join();

        CommandResult exports = s.appbox("--json", "exports");
        assertThat(exports.exitCode()).as("the record is readable: " + exports).isZero();
        boolean recorded = recordedNames(s).contains("killed-e2e");
        if (recorded || Files.exists(wrapper)) {
          assertThat(Files.readString(wrapper))
              .as("complete, never half-written")
              .endsWith("\"$@\"\n");
        }
        if (recorded) {
          assertThat(s.host(wrapper.toString()).exitCode()).isZero();
        }
        try (var names =
            Files.list(s.home().resolve(".local/share/appbox/launchers/podman-rootless"))) {
          for (Path launcher : names.toList()) {
            assertThat(Files.readString(launcher))
                .as("launcher complete")
                .endsWith("--env container=appbox \\\n  \"$@\"\n");
          }
        } catch (java.nio.file.NoSuchFileException notYet) {
          // killed before the launcher was written
        }
      }
      // Whatever a kill left behind, exporting again and removing it work.
      CommandResult again =
          s.appbox("export", "--box", box, "--bin", "/usr/bin/true", "--as", "killed-e2e");
      assertThat(again).succeeded();
      assertThat(s.appbox("unexport", "--box", box, "--bin", "killed-e2e").exitCode()).isZero();
      assertThat(wrapper).doesNotExist();
    }
  }

  @Test
  void createWithEntryAddsATerminalMenuEntryForTheBox() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      CommandResult created = s.appbox("create", box, "--entry");
      assertThat(created).succeeded();
      Path desktop = desktopFile(s, box, "terminal");
      assertThat(s.host("desktop-file-validate", desktop.toString()).exitCode()).isZero();
      assertThat(Files.readString(desktop))
          .contains("Terminal=true")
          .contains("Name=Terminal (" + box + ")");
      List<String> exec = execArgs(desktop, "Desktop Entry");
      CommandResult shell =
          s.hostWithInput(
              "echo \"in:$APPBOX_BOX\"\n".getBytes(StandardCharsets.UTF_8),
              exec.toArray(String[]::new));
      assertThat(shell.stdout()).as(shell.toString()).contains("in:" + box);
      assertThat(s.appbox("rm", "--force", box).exitCode()).isZero();
      assertThat(desktop).doesNotExist();
    }
  }

  @Test
  void twoBoxesWhoseNamesRunTogetherKeepTheirOwnEntries() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      // Box A's app "b-c" and box A-b's app "c" were both appbox-A-b-c.desktop.
      String a = s.newBox();
      String ab = s.boxNamed(a + "-b");
      for (var boxAndId : List.of(List.of(a, "b-c"), List.of(ab, "c"))) {
        String box = boxAndId.get(0);
        String id = boxAndId.get(1);
        assertThat(s.appbox("create", box).exitCode()).isZero();
        BoxFixture fx = new BoxFixture(s, box);
        fx.write("/usr/local/bin/who-am-i", "#!/bin/sh\necho \"$1 inside=$APPBOX_BOX\"\n", "755");
        fx.write(
            "/usr/share/applications/" + id + ".desktop",
            "[Desktop Entry]\nType=Application\nName=Who\nExec=/usr/local/bin/who-am-i "
                + id
                + "\n",
            "644");
        CommandResult export = s.appbox("export", "--box", box, "--app", id);
        assertThat(export).succeeded();
      }
      Path ofA = recordedEntry(s, a, "b-c");
      Path ofAb = recordedEntry(s, ab, "c");
      assertThat(ofA).isNotEqualTo(ofAb).isEqualTo(desktopFile(s, a, "b-c")).exists();
      assertThat(ofAb).isEqualTo(desktopFile(s, ab, "c"));
      assertThat(ofAb).exists();
      assertThat(s.host("desktop-file-validate", ofAb.toString()).exitCode()).isZero();
      CommandResult listed = s.appbox("exports");
      assertThat(listed.stdout().lines().filter(l -> l.matches(".*\\sok(\\s.*)?"))).hasSize(2);

      assertThat(s.appbox("rm", "--force", a).exitCode()).isZero();
      assertThat(ofA).doesNotExist();
      CommandResult fromEntry = s.host(execArgs(ofAb, "Desktop Entry").toArray(String[]::new));
      assertThat(fromEntry.stdout()).as(fromEntry.toString()).isEqualTo("c inside=" + ab + "\n");
      assertThat(s.appbox("exports").stdout()).containsPattern(ab + "\\s+app\\s+c\\s+\\S+\\s+ok");

      // A file written over is reported, and doctor --fix forgets the export but keeps the file.
      s.write(
          s.home().relativize(ofAb).toString(),
          "[Desktop Entry]\nType=Application\nName=Mine\nExec=true\n");
      CommandResult overwritten = s.appbox("--json", "exports");
      assertThat(overwritten.stdout())
          .contains("\"state\":\"files-overwritten\"")
          .contains("\"overwritten\":[\"" + ofAb + "\"]");
      CommandResult fix = s.appbox("doctor", "--fix");
      assertThat(fix.stdout()).as(fix.toString()).contains("files-overwritten, removed");
      assertThat(ofAb).hasContent("[Desktop Entry]\nType=Application\nName=Mine\nExec=true");
      assertThat(s.appbox("--json", "exports").stdout()).isEqualTo("{\"ok\":true,\"data\":[]}\n");
    }
  }

  @Test
  void anIconTheHostsThemesHaveIsExportedUnderTheBoxsNameAndTheHostsStays() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      // The host's themes, where $XDG_DATA_DIRS says they are: here one of the test's own.
      s.write("host-share/icons/hicolor/48x48/apps/marker-app.png", "the host's marker-app icon");
      s.env().put("XDG_DATA_DIRS", s.home().resolve("host-share") + ":/usr/share");
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.write("/usr/share/icons/hicolor/48x48/apps/marker-app.png", BoxFixture.png(48), "644");
      fx.write(
          "/usr/share/applications/marker-app.desktop",
          "[Desktop Entry]\nType=Application\nName=Marker\nExec=true\nIcon=marker-app\n",
          "644");
      CommandResult export = s.appbox("export", "--box", box, "--app", "marker-app");
      assertThat(export).succeeded();

      String boxIcon = "appbox-" + box.replace("-", "--") + "-marker-app";
      Path desktop = recordedEntry(s, box, "marker-app");
      assertThat(Files.readString(desktop)).doesNotContain("\nIcon=marker-app\n");
      assertThat(Files.readString(desktop)).contains("\nIcon=" + boxIcon + "\n");
      assertThat(s.host("desktop-file-validate", desktop.toString()).exitCode()).isZero();
      Path icons = s.home().resolve(".local/share/icons/hicolor/48x48/apps");
      assertThat(icons.resolve(boxIcon + ".png")).exists();
      assertThat(icons.resolve("marker-app.png")).doesNotExist();
      assertThat(s.home().resolve("host-share/icons/hicolor/48x48/apps/marker-app.png"))
          .hasContent("the host's marker-app icon");
    }
  }
}
