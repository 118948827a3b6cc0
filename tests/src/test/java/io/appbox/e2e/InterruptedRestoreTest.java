package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A restore (rollback, or a failed upgrade put back) never strands a box, on rootless Podman: one
 * cut short is finished by the next command that touches the box, doctor --fix keeps the exports of
 * a box it cannot finish yet, Ctrl-C waits until the box is whole, and the anonymous volumes of an
 * image's VOLUME keep their data.
 */
class InterruptedRestoreTest {

  @SuppressWarnings("unchecked")
  private static String newestSnapshot(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "snapshots", box);
    assertThat(r).succeeded();
    List<Object> all = (List<Object>) Json.parseObject(r.stdout()).get("data");
    assertThat(all).isNotEmpty();
    return (String) ((Map<String, Object>) all.get(0)).get("image");
  }

  /** An upgrade that changes something, so that it keeps its snapshot. */
  private static void upgradeWaiting(Sandbox s, String box) {
    BoxFixture fx = new BoxFixture(s, box);
    fx.installUpgradable("1.0");
    fx.offerUpgrade("2.0");
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r).succeeded();
    return r;
  }

  private static Path journal(Sandbox s, String box) {
    return s.home().resolve(".local/state/appbox/restores/podman-rootless/" + box + ".json");
  }

  /** A box with an exported command and a snapshot, and a file written after the snapshot. */
  private static String boxWithSnapshot(Sandbox s) {
    String box = s.newBox();
    ok(s.appbox("create", box));
    ok(s.appbox("export", "--box", box, "--bin", "/usr/bin/env", "--as", "env-" + box));
    upgradeWaiting(s, box);
    ok(s.appbox("upgrade", "--box", box));
    ok(s.appbox("run", "--root", box, "--", "sh", "-c", "echo after > /opt/after-snapshot"));
    return box;
  }

  @Test
  void aRestoreCutShortIsFinishedByTheNextCommandAndDoctorFixKeepsItsExportsMeanwhile()
      throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = boxWithSnapshot(s);
      String snapshot = newestSnapshot(s, box);
      // What a rollback killed after setting the box aside leaves: the box stopped and renamed,
      // the journal at the next step.
      String id = ok(s.engineCli("inspect", "--format", "{{.Id}}", box)).stdout().strip();
      String aside =
          s.boxNamed(
              "appbox-restore-"
                  + String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff));
      ok(s.engineCli("stop", box));
      ok(s.engineCli("rename", box, aside));
      s.write(
          s.home().relativize(journal(s, box)).toString(),
          Json.write(
                  Map.of(
                      "version", 1L,
                      "box", box,
                      "originalId", id,
                      "aside", aside,
                      "snapshot", snapshot,
                      "step", "create",
                      "started", "2026-11-26T03:00:00Z"))
              + "\n");
      // And meanwhile someone made another container under the box's name.
      ok(s.engineCli("create", "--name", box, TestEnvironment.debianImage(), "true"));

      CommandResult doctor = s.appbox("doctor", "--fix");
      assertThat(doctor).exitedWith(1);
      assertThat(doctor.stdout())
          .contains("export command " + box + "/env-" + box)
          .contains("a restore of the box was cut short; the export is kept");
      assertThat(doctor.stderr()).contains("another container named " + box + " exists");
      assertThat(s.home().resolve(".local/bin/env-" + box)).exists();
      assertThat(s.appbox("exports").stdout()).contains("env-" + box);
      assertThat(journal(s, box)).exists();

      ok(s.engineCli("rm", box));
      CommandResult run =
          s.appbox("run", box, "--", "sh", "-c", "test -e /opt/after-snapshot || echo restored");
      assertThat(run).succeeded();
      assertThat(run.stdout()).isEqualTo("restored\n");
      assertThat(run.stderr()).contains("was cut short").contains("finished");

      assertThat(journal(s, box)).doesNotExist();
      assertThat(s.containerNames()).contains(box).doesNotContain(aside);
      CommandResult exported =
          s.host(s.home() + "/.local/bin/env-" + box, "sh", "-c", "echo $container");
      assertThat(exported.stdout()).as(exported.toString()).isEqualTo("appbox\n");
      assertThat(s.appbox("exports").stdout()).containsPattern("env-" + box + "\\s+\\S+\\s+ok");
    }
  }

  @Test
  void ctrlCDuringARollbackEndsOnlyOnceTheBoxIsWhole() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = boxWithSnapshot(s);
      Path out = Files.createTempFile("appbox-e2e-rollback-", ".out");
      Path err = Files.createTempFile("appbox-e2e-rollback-", ".err");
      boolean interrupted = false;
      for (int attempt = 0; attempt < 5 && !interrupted; attempt++) {
        Process rollback = s.start(out, err, "rollback", box);
        // The journal exists exactly while the restore runs: Ctrl-C then.
        while (rollback.isAlive() && !Files.exists(journal(s, box))) {
          Thread.sleep(5);
        }
        if (rollback.isAlive()) {
          ProcessHandle java = Sandbox.javaOf(rollback);
          Commands.check(List.of("kill", "-INT", Long.toString(java.pid())));
          interrupted = true;
        }
        assertThat(rollback.waitFor(300, TimeUnit.SECONDS)).isTrue();
        if (interrupted) {
          assertThat(rollback.exitValue()).as(Files.readString(err)).isEqualTo(130);
          assertThat(Files.readString(err))
              .contains("Interrupted: appbox ends once the rollback of " + box);
        }
      }
      assertThat(interrupted).as("Ctrl-C reached a rollback mid-way").isTrue();
      // Asked of the engine, not of appbox, which would finish a cut-short restore itself.
      assertThat(journal(s, box)).doesNotExist();
      assertThat(s.containerNames()).contains(box).noneMatch(n -> n.startsWith("appbox-restore-"));
      assertThat(ok(s.engineCli("inspect", "--format", "{{.State.Running}}", box)).stdout())
          .isEqualTo("true\n");
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void theDataOfAnImagesVolumeOutlivesRollbacks() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      String image = "localhost/appbox-e2e-volume:" + box;
      s.write(
          "volume-image/Containerfile",
          "FROM " + TestEnvironment.debianImage() + "\nVOLUME /var/lib/keep\n");
      ok(s.engineCli("build", "-t", image, s.home().resolve("volume-image").toString()));
      try {
        ok(s.appbox("create", box, "--image", image));
        ok(s.appbox("run", "--root", box, "--", "sh", "-c", "echo kept > /var/lib/keep/data"));
        String volume =
            ok(s.engineCli(
                    "inspect",
                    "--format",
                    "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}}{{end}}{{end}}",
                    box))
                .stdout()
                .strip();
        assertThat(volume).isNotEmpty();
        upgradeWaiting(s, box);
        ok(s.appbox("upgrade", "--box", box));

        for (int rollback = 1; rollback <= 2; rollback++) {
          ok(s.appbox("rollback", box));
          assertThat(ok(s.appbox("run", box, "--", "cat", "/var/lib/keep/data")).stdout())
              .as("after rollback " + rollback)
              .isEqualTo("kept\n");
        }
        assertThat(ok(s.engineCli("volume", "ls", "--format", "{{.Name}}")).stdout())
            .contains(volume);
        ok(s.appbox("rm", "--force", box));
        s.engineCli("volume", "rm", volume);
      } finally {
        s.engineCli("rm", "-f", box);
        s.engineCli("rmi", image);
      }
    }
  }
}
