package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every hint works as printed: the failures below are provoked for real, and each {@code appbox}
 * command their hints give (after ": " or in parentheses) is run word for word and succeeds. And
 * {@code doctor --fix} writes again what appbox can write again.
 */
class HintsTest {
  /**
   * A command in a hint: after ": " or "(", up to ")", ", ", "; ", "? ", a full stop, or the end.
   */
  private static final Pattern COMMAND =
      Pattern.compile("(?:: |\\()(appbox [^()?;,]*?)(?=\\)|, |; |\\? |\\?$|\\.$|\\. |$)");

  /** Words a hint must never leave for the user to fill in. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\b(BOX|DISTRO|PKG|PACKAGE|NAME|PROGRAM|COMMAND|CMD|ID|PATH|SNAPSHOT)\\b");

  @Test
  void everyHintOfTheseFailuresIsACommandThatWorksAsPrinted() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      String other = s.newBox();
      String missing = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("create", other).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.write("/usr/games/e2e-game", "#!/bin/sh\necho game\n", "755");
      fx.write("/usr/local/bin/e2e-going", "#!/bin/sh\necho going\n", "755");
      assertThat(s.appbox("export", "--box", box, "--bin", "/usr/local/bin/e2e-going").exitCode())
          .isZero();
      assertThat(s.appbox("export", "--box", box, "--bin", "/usr/games/e2e-game").exitCode())
          .isZero();
      assertThat(s.appbox("run", "--root", box, "--", "rm", "/usr/local/bin/e2e-going").exitCode())
          .isZero();
      Files.delete(s.home().resolve(".local/bin/e2e-game"));

      List<List<String>> provoked =
          List.of(
              List.of("run", missing, "--", "true"),
              List.of("instal", "--box", box, "--no-export", "hello"),
              List.of("install", "--boxx", box, "--no-export", "hello"),
              List.of("install", "--box", missing, "hello"),
              List.of("show", "--box", box, "htopp"),
              List.of("install", "--box", box, "htopp"),
              List.of("remove", "--box", box, "htopp"),
              List.of("export", "--box", box, "--app", "no-such-app"),
              List.of("export", "--box", box, "--bin", "/usr/bin/e2e-game"),
              List.of("export", "--box", box, "--bin", "/usr/bin/no-such-program"),
              List.of("export", "--box", box, "--bin", "no-such-program"),
              List.of("export", "--box", box, "--bin", "/bin/ls"),
              List.of("unexport", "--box", box, "--app", "no-such-app"),
              List.of("image", "build", "no-such-distro"),
              List.of("snapshots", "e2e-missing-box"),
              List.of("rollback", box),
              List.of("doctor"),
              List.of("run", box),
              List.of("rm", other),
              List.of("create", box));
      List<String> ran = new ArrayList<>();
      for (List<String> failing : provoked) {
        CommandResult failed = s.appbox(failing.toArray(String[]::new));
        assertThat(failed).failed();
        List<String> hints =
            (failed.stderr() + failed.stdout())
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("hint: "))
                .toList();
        assertThat(hints).as("a hint for " + failed).isNotEmpty();
        for (String hint : hints) {
          assertThat(PLACEHOLDER.matcher(hint).find()).as("a placeholder in: " + hint).isFalse();
          Matcher m = COMMAND.matcher(hint);
          while (m.find()) {
            String command = m.group(1).strip();
            if (command.startsWith("appbox enter")) {
              continue; // a terminal of its own: EnterTest
            }
            // The sandbox names the engine itself; a hint that repeats the command line has it.
            command = command.replace("appbox --engine podman ", "appbox ");
            String[] words = command.substring("appbox ".length()).split(" ");
            CommandResult r = s.appbox(words);
            assertThat(r.exitCode())
                .as("the hint '" + hint + "' of " + failing + " runs " + command + ":\n" + r)
                .isZero();
            ran.add(command);
          }
        }
      }
      // Each kind of hint was run, not skipped for want of a command in it.
      assertThat(ran)
          .contains(
              "appbox list",
              "appbox install --box " + box + " --no-export hello",
              "appbox search --box " + box + " htopp",
              "appbox export --box " + box + " --bin e2e-game",
              "appbox doctor --fix",
              "appbox rm --force " + other,
              "appbox rm --force " + box);
    }
  }

  @Test
  void doctorFixWritesAgainWhatAppboxCanWriteAgain() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.write("/usr/local/bin/e2e-fixed", "#!/bin/sh\necho \"fixed $*\"\n", "755");
      fx.write("/usr/share/icons/hicolor/48x48/apps/e2e-fixed.png", BoxFixture.png(48), "644");
      fx.write(
          "/usr/share/applications/e2e-fixed.desktop",
          "[Desktop Entry]\nType=Application\nName=Fixed\nExec=/usr/local/bin/e2e-fixed %U\n"
              + "Icon=e2e-fixed\n",
          "644");
      List<java.nio.file.Path> written = new ArrayList<>();
      written.addAll(exportedFiles(s, "--box", box, "--app", "e2e-fixed"));
      written.addAll(exportedFiles(s, "--box", box, "--bin", "/usr/local/bin/e2e-fixed"));
      java.nio.file.Path wrapper = s.home().resolve(".local/bin/e2e-fixed");
      java.nio.file.Path icon =
          s.home().resolve(".local/share/icons/hicolor/48x48/apps/e2e-fixed.png");
      java.nio.file.Path launchers = s.home().resolve(".local/share/appbox/launchers");
      assertThat(written).contains(wrapper, icon);
      byte[] wrapperBefore = Files.readAllBytes(wrapper);
      // The user, or a clean-up tool, deletes the exported files.
      s.host("rm", "-rf", wrapper.toString(), icon.toString(), launchers.toString());
      s.host(
          "sh",
          "-c",
          "rm -f \"$1\"/.local/share/applications/appbox-*e2e-fixed.desktop",
          "sh",
          s.home().toString());

      CommandResult doctor = s.appbox("doctor");
      assertThat(doctor.exitCode()).isEqualTo(1);
      assertThat(doctor.stdout())
          .contains("export app " + box + "/e2e-fixed: files-missing")
          .contains("export command " + box + "/e2e-fixed: files-missing")
          .contains("hint: Write its files again from the box: appbox doctor --fix");

      CommandResult fix = s.appbox("doctor", "--fix");
      assertThat(fix).succeeded();
      assertThat(fix.stdout()).contains("files-missing, written again from the box");
      for (java.nio.file.Path f : written) {
        assertThat(f).as("written again").exists();
      }
      assertThat(Files.readAllBytes(wrapper)).isEqualTo(wrapperBefore);
      CommandResult runs = s.host(wrapper.toString(), "again");
      assertThat(runs.stdout()).isEqualTo("fixed again\n");
      CommandResult after = s.appbox("exports", "--box", box);
      assertThat(after.stdout()).doesNotContain("files-missing");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<java.nio.file.Path> exportedFiles(Sandbox s, String... what) {
    List<String> argv = new ArrayList<>(List.of("--json", "export"));
    argv.addAll(List.of(what));
    CommandResult r = s.appbox(argv.toArray(String[]::new));
    assertThat(r).succeeded();
    java.util.Map<String, Object> data =
        (java.util.Map<String, Object>)
            io.appbox.core.json.Json.parseObject(r.stdout()).get("data");
    return ((List<Object>) data.get("files"))
        .stream().map(f -> java.nio.file.Path.of((String) f)).toList();
  }
}
