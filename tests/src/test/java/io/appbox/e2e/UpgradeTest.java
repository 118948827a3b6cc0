package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Transactional upgrades, rollback and automatic updates, on rootless Podman. */
class UpgradeTest {

  @SuppressWarnings("unchecked")
  private static Map<String, String> packages(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "packages", "--box", box);
    assertThat(r).succeeded();
    Map<String, String> out = new TreeMap<>();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      Map<String, Object> p = (Map<String, Object>) o;
      out.put((String) p.get("name"), (String) p.get("version"));
    }
    return out;
  }

  /** A user profile replacing the built-in Debian one, with a health check that always fails. */
  private static void failingHealthCheck(Sandbox s) throws Exception {
    Path builtin =
        TestEnvironment.repository()
            .resolve("distro-profiles/src/main/resources/io/appbox/profiles/builtin/debian.yaml");
    String profile = Files.readString(builtin);
    String failing =
        profile.replaceAll(
            "(?m)^  health-check: .*$",
            "  health-check: [sh, -c, 'echo broken on purpose >&2; exit 3']");
    assertThat(failing).isNotEqualTo(profile);
    s.write(".config/appbox/profiles/debian.yaml", failing);
  }

  @Test
  void aFailedUpgradeLeavesTheBoxExactlyAsBefore() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("install", "--box", box, "hello").exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/hello", "--as", "hello-e2e")
                  .exitCode())
          .isZero();
      assertThat(
              s.appbox("run", "--root", box, "--", "sh", "-c", "echo kept > /opt/marker")
                  .exitCode())
          .isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.installUpgradable("1.0");
      fx.offerUpgrade("2.0");
      Map<String, String> before = packages(s, box);

      failingHealthCheck(s);
      CommandResult upgrade = s.appbox("upgrade", "--box", box);
      assertThat(upgrade).exitedWith(6);
      assertThat(upgrade.stderr())
          .contains("health check failed")
          .contains("broken on purpose")
          .contains("restored");

      assertThat(packages(s, box)).isEqualTo(before);
      assertThat(s.appbox("run", box, "--", "cat", "/opt/marker").stdout()).isEqualTo("kept\n");
      CommandResult exported = s.host(s.home() + "/.local/bin/hello-e2e");
      assertThat(exported.stdout()).as(exported.toString()).isEqualTo("Hello, world!\n");
      assertThat(s.containerNames()).contains(box).noneMatch(n -> n.startsWith("appbox-restore-"));
      CommandResult snapshots = s.appbox("snapshots", box);
      assertThat(snapshots.stdout()).contains(box + "-");
    }
  }

  @Test
  void rollbackAfterASuccessfulUpgradeReturnsThePackageSetToTheSnapshots() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("install", "--box", box, "--no-export", "hello").exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/hello", "--as", "hello-e2e")
                  .exitCode())
          .isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.installUpgradable("1.0");
      fx.offerUpgrade("2.0");
      Map<String, String> atSnapshot = packages(s, box);

      CommandResult upgrade = s.appbox("--json", "upgrade", "--box", box);
      assertThat(upgrade).succeeded();
      assertThat(upgrade.stdout()).contains("\"event\":\"result\",\"ok\":true");
      assertThat(s.appbox("install", "--box", box, "--no-export", "tree").exitCode()).isZero();
      assertThat(packages(s, box)).containsKey("tree");

      // A command that entered the box the fast way, and the box's process cache.
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/sleep", "--as", "sleep-e2e")
                  .exitCode())
          .isZero();
      String seconds = "4245." + System.nanoTime() % 100000;
      java.util.function.Predicate<List<String>> theSleep =
          argv -> argv.size() == 2 && argv.get(0).endsWith("sleep") && argv.get(1).equals(seconds);
      Process sleeping =
          s.startProgram(
              s.home().resolve("sleep.out"),
              s.home().resolve("sleep.err"),
              Map.of(),
              List.of(s.home() + "/.local/bin/sleep-e2e", seconds));
      Path cache = Path.of(TestEnvironment.runtimeDir(), "appbox/boxes/podman-rootless", box);
      String before = s.engineCli("inspect", "--format", "{{.Id}}", box).stdout().strip();
      try {
        assertThat(HostProcesses.await(theSleep, 60)).isNotEmpty();
        assertThat(Files.readString(cache)).contains(" " + before + " ");

        CommandResult rollback = s.appbox("rollback", box);
        assertThat(rollback).succeeded();
        assertThat(HostProcesses.matching(theSleep)).as("what ran in the old box").isEmpty();
        assertThat(!Files.exists(cache) || !Files.readString(cache).contains(" " + before + " "))
            .as("no cache names the container rolled back from")
            .isTrue();
      } finally {
        sleeping.destroyForcibly();
        HostProcesses.matching(theSleep)
            .forEach(r -> ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly));
      }
      assertThat(packages(s, box)).isEqualTo(atSnapshot);
      assertThat(s.host(s.home() + "/.local/bin/hello-e2e").stdout()).isEqualTo("Hello, world!\n");
      CommandResult list = s.appbox("list");
      assertThat(list.stdout())
          .containsPattern(box + "\\s+debian\\s+docker.io/library/debian:bookworm\\s+running\\s+2");

      CommandResult missing = s.appbox("rollback", box, "--to", "no-such-snapshot");
      assertThat(missing.exitCode()).isEqualTo(3);
    }
  }

  @Test
  void autoUpdateWritesUnitsThatSystemdAccepts() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      CommandResult enable =
          s.appbox(
              "auto-update",
              "enable",
              "--on-calendar",
              "weekly",
              "--manifest",
              "https://example.org/boxes.yaml");
      assertThat(enable).succeeded();
      Path units = s.home().resolve(".config/systemd/user");
      Path service = units.resolve("appbox-auto-update.service");
      Path timer = units.resolve("appbox-auto-update.timer");
      assertThat(Files.readString(service))
          .contains(" upgrade --all")
          .contains(" apply -f \"https://example.org/boxes.yaml\"");
      assertThat(Files.readString(timer)).contains("OnCalendar=weekly");
      CommandResult verify =
          s.host("systemd-analyze", "--user", "verify", service.toString(), timer.toString());
      assertThat(verify).succeeded();
      assertThat(s.appbox("--json", "auto-update", "status").stdout()).contains("\"enabled\":true");

      assertThat(s.appbox("auto-update", "enable", "--on-calendar", "$(id)").exitCode())
          .isEqualTo(2);
      assertThat(s.appbox("auto-update", "enable", "--manifest", "file:///etc/passwd").exitCode())
          .isEqualTo(2);

      assertThat(s.appbox("auto-update", "disable").exitCode()).isZero();
      assertThat(service).doesNotExist();
      assertThat(timer).doesNotExist();
    }
  }
}
