package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** create, run, list, stop, start, rm on every engine, checked the way a user would. */
class BoxLifecycleTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void createRunListStopStartRemove(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();

      CommandResult created = s.appbox("create", box);
      assertThat(created).succeeded();
      assertThat(s.containerNames())
          .as("the engine shows the box under its own name")
          .contains(box);

      CommandResult ran = s.appbox("run", box, "--", "cat", "/etc/debian_version");
      assertThat(ran).succeeded();
      assertThat(ran.stdout()).matches("(?s)\\d+(\\.\\d+)*\\s*");

      CommandResult list = s.appbox("list");
      assertThat(list).succeeded();
      assertThat(list.stdout())
          .containsPattern("(?m)^" + box + "\\s+debian\\s+\\S+\\s+running\\s+0\\s+\\S+\\s+-$");

      CommandResult json = s.appbox("--json", "list");
      assertThat(json).succeeded();
      assertThat(json.stdout().lines().count()).as("one JSON document").isEqualTo(1);
      assertThat(json.stdout())
          .startsWith("{\"ok\":true,\"data\":[")
          .contains("\"name\":\"" + box + "\"");

      CommandResult stopped = s.appbox("stop", box);
      assertThat(stopped).succeeded();
      assertThat(s.appbox("list").stdout()).containsPattern("(?m)^" + box + "\\s.*\\sstopped\\s");

      CommandResult started = s.appbox("start", box);
      assertThat(started).succeeded();
      assertThat(s.appbox("list").stdout()).containsPattern("(?m)^" + box + "\\s.*\\srunning\\s");

      CommandResult afterRestart = s.appbox("run", box, "--", "true");
      assertThat(afterRestart).succeeded();

      CommandResult removed = s.appbox("rm", "--force", box);
      assertThat(removed).succeeded();
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(s.appbox("list").stdout()).doesNotContain(box);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void runStartsAStoppedBox(Engine engine) {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("stop", box).exitCode()).isZero();
      CommandResult ran = s.appbox("run", box, "--", "echo", "awake");
      assertThat(ran).succeeded();
      assertThat(ran.stdout()).isEqualTo("awake\n");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theBoxUserIsTheHostUserWithTheSameHome(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();

      CommandResult uid = s.appbox("run", box, "--", "id", "-u");
      assertThat(uid.stdout().strip()).as(uid.toString()).isEqualTo(Integer.toString(s.uid()));

      CommandResult home = s.appbox("run", box, "--", "sh", "-c", "echo \"$HOME\"; pwd");
      assertThat(home.stdout()).isEqualTo(s.home() + "\n" + s.home() + "\n");

      CommandResult wrote =
          s.appbox("run", box, "--", "sh", "-c", "echo from-the-box > \"$HOME/written-in-box\"");
      assertThat(wrote).succeeded();
      Path file = s.home().resolve("written-in-box");
      assertThat(Files.readString(file)).isEqualTo("from-the-box\n");
      assertThat((Integer) Files.getAttribute(file, "unix:uid"))
          .as("owned by the user")
          .isEqualTo(s.uid());

      CommandResult root = s.appbox("run", box, "--", "sudo", "-n", "id", "-u");
      assertThat(root.exitCode()).as("passwordless root: " + root).isZero();
      assertThat(root.stdout().strip()).isEqualTo("0");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void ownHomeKeepsTheHostHomeOut(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      s.write("host-only-file", "secret");
      s.write("box-home/.keep", "");
      String box = s.newBox();
      Path boxHome = s.home().resolve("box-home");
      CommandResult created = s.appbox("create", box, "--home", boxHome.toString());
      assertThat(created).succeeded();

      CommandResult home =
          s.appbox("run", box, "--", "sh", "-c", "echo \"$HOME\"; ls -A \"$HOME\"");
      assertThat(home).succeeded();
      assertThat(home.stdout()).isEqualTo(boxHome + "\n.keep\n");
      CommandResult hostFile =
          s.appbox("run", box, "--", "test", "-e", s.home().resolve("host-only-file").toString());
      assertThat(hostFile.exitCode()).as("the host home is not in the box").isNotZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void hostRootIsReadOnlyAtRunHost(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      Path marker = Files.createTempFile(Path.of("/var/tmp"), "appbox-e2e-host-", ".txt");
      try {
        Files.writeString(marker, "on-the-host", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(
            marker, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        String box = s.newBox();
        assertThat(s.appbox("create", box).exitCode()).isZero();

        CommandResult read = s.appbox("run", box, "--", "cat", "/run/host" + marker);
        assertThat(read.stdout()).as(read.toString()).isEqualTo("on-the-host");

        CommandResult write =
            s.appbox(
                "run",
                "--root",
                box,
                "--",
                "sh",
                "-c",
                "echo x > /run/host/var/tmp/appbox-e2e-written");
        assertThat(write.exitCode()).as("writing the host root fails: " + write).isNotZero();
        assertThat(write.stderr()).contains("Read-only file system");
        assertThat(Path.of("/var/tmp/appbox-e2e-written")).doesNotExist();
      } finally {
        Files.deleteIfExists(marker);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void runPassesStdinArgumentsAndTheExitCode(Engine engine) {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();

      CommandResult upper =
          s.appboxWithInput(
              "hello box\n".getBytes(StandardCharsets.UTF_8), "run", box, "--", "tr", "a-z", "A-Z");
      assertThat(upper.stdout()).as(upper.toString()).isEqualTo("HELLO BOX\n");

      CommandResult exit =
          s.appbox("run", box, "--", "sh", "-c", "echo out; echo err >&2; exit 42");
      assertThat(exit.exitCode()).isEqualTo(42);
      assertThat(exit.stdout()).isEqualTo("out\n");
      assertThat(exit.stderr()).isEqualTo("err\n");

      CommandResult args =
          s.appbox(
              "run",
              box,
              "--",
              "printf",
              "[%s]\\n",
              "a b",
              "",
              "$HOME",
              "q\"uote",
              "back\\slash",
              "new\nline",
              "--json");
      assertThat(args.stdout())
          .isEqualTo("[a b]\n[]\n[$HOME]\n[q\"uote]\n[back\\slash]\n[new\nline]\n[--json]\n");

      CommandResult missing = s.appbox("run", box, "--", "no-such-program-here");
      assertThat(missing.exitCode()).isEqualTo(127);
    }
  }
}
