package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a rootful engine nothing appbox runs in a box has more than the box's own capabilities, and
 * appbox's own reads of a box's files never run a program the box put first on its PATH: a box
 * whose root was compromised plants /usr/local/bin/test, head, find and dpkg-query, and root's next
 * export and package listing are watched.
 */
class RootfulCapabilitiesTest {
  private static final String LOG = "/var/tmp/appbox-e2e-planted.log";

  /** A program that notes who ran it with which capabilities, then does the real one's job. */
  private static String planted(String real) {
    return "#!/bin/sh\n"
        + "echo \"$0 $(grep CapEff /proc/self/status | tr -d '\\t')\" >> "
        + LOG
        + "\nexec "
        + real
        + " \"$@\"\n";
  }

  @ParameterizedTest
  @EnumSource(
      value = Engine.class,
      names = {"ROOTFUL_PODMAN", "DOCKER"})
  void rootsCommandsInABoxHaveTheBoxsCapabilitiesAndItsPlantedProgramsDoNotRun(Engine engine)
      throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult pid = s.engineCli("inspect", "--format", "{{.State.Pid}}", box);
      String boxSet = capability("CapBnd", Path.of("/proc", pid.stdout().strip(), "status"));
      assertThat(boxSet).as("the engine's default set, not root's all").isNotEqualTo(full());

      // run and enter, without a JVM and through it: the box's set, not root's outside.
      for (List<String> run :
          List.of(
              List.of("run", "--root", box, "--", "grep", "CapEff", "/proc/self/status"),
              List.of("run", box, "--", "grep", "CapEff", "/proc/self/status"),
              List.of("-v", "run", "--root", box, "--", "grep", "CapEff", "/proc/self/status"))) {
        CommandResult r = s.appbox(run.toArray(String[]::new));
        assertThat(r).succeeded();
        assertThat(r.stdout().replace("\t", ""))
            .as(run.toString())
            .isEqualTo("CapEff:" + boxSet + "\n");
      }

      BoxFixture fx = new BoxFixture(s, box);
      fx.write("/usr/local/bin/test", planted("/usr/bin/test"), "755");
      fx.write("/usr/local/bin/head", planted("/usr/bin/head"), "755");
      fx.write("/usr/local/bin/find", planted("/usr/bin/find"), "755");
      fx.write("/usr/local/bin/dpkg-query", planted("/usr/bin/dpkg-query"), "755");
      fx.write(
          "/usr/share/applications/e2e-caps.desktop",
          "[Desktop Entry]\nType=Application\nName=Caps\nExec=/usr/bin/env\nIcon=e2e-caps\n",
          "644");
      fx.write("/usr/share/icons/hicolor/48x48/apps/e2e-caps.png", BoxFixture.png(48), "644");

      CommandResult export = s.appbox("export", "--box", box, "--app", "e2e-caps");
      assertThat(export).succeeded();
      CommandResult packages = s.appbox("packages", "--box", box);
      assertThat(packages).succeeded();

      CommandResult log = s.engineCli("exec", box, "cat", LOG);
      assertThat(log).succeeded();
      List<String> lines = log.stdout().lines().toList();
      assertThat(lines)
          .as("appbox's reads name their programs by path")
          .noneMatch(l -> l.matches("/usr/local/bin/(test|head|find) .*"));
      assertThat(lines)
          .as("the package tool the profile names ran, with the box's capabilities")
          .isNotEmpty()
          .allMatch(l -> l.equals("/usr/local/bin/dpkg-query CapEff:" + boxSet));
    }
  }

  private static String capability(String name, Path status) throws Exception {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(name + ":")) {
        return line.substring(name.length() + 1).strip();
      }
    }
    throw new AssertionError("no " + name + " in " + status);
  }

  /** What root has outside a box here: this test's own set. */
  private static String full() throws Exception {
    return capability("CapEff", Path.of("/proc/self/status"));
  }
}
