package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are large, so appbox keeps none it does not need and says what goes: an upgrade that
 * changes nothing keeps no snapshot, {@code snapshots --delete} deletes one, {@code rollback} says
 * what it discards, and {@code rm} names the exports and snapshots it takes and asks first.
 */
class SnapshotsTest {

  @Test
  void snapshotsAreKeptOnlyForChangesDeletableAndRollbackAndRmSayWhatGoes() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      fx.installUpgradable("1.0");
      fx.offerUpgrade("2.0");

      Map<String, Object> first = upgrade(s, box);
      String s1 = (String) first.get("snapshot");
      assertThat(s1).startsWith(box + "-");
      assertThat(first.get("changed"))
          .isEqualTo(List.of(Map.of("name", "e2e-upgradable", "from", "1.0", "to", "2.0")));

      // Nothing left to upgrade: no snapshot kept, and it says so.
      CommandResult nothing = s.appbox("upgrade", "--box", box);
      assertThat(nothing).succeeded();
      assertThat(nothing.stdout()).contains("Nothing to upgrade in " + box + "; no snapshot kept.");
      assertThat(snapshots(s, box)).containsExactly(s1);
      assertThat(images(s, box)).hasSize(1);

      fx.offerUpgrade("3.0");
      String s2 = (String) upgrade(s, box).get("snapshot");
      assertThat(snapshots(s, box)).containsExactly(s2, s1);

      // snapshots --delete deletes one and lists the rest.
      CommandResult deleted = s.appbox("snapshots", box, "--delete", s1);
      assertThat(deleted).succeeded();
      assertThat(deleted.stdout()).contains("Deleted snapshot " + s1).contains(s2);
      assertThat(snapshots(s, box)).containsExactly(s2);
      assertThat(images(s, box)).hasSize(1);
      CommandResult again = s.appbox("snapshots", box, "--delete", s1);
      assertThat(again).exitedWith(3);

      // rollback says what it discards: what was installed and upgraded since the snapshot.
      assertThat(s.appbox("install", "--box", box, "--no-export", "hello").exitCode()).isZero();
      CommandResult rolled = s.appbox("rollback", box);
      assertThat(rolled).succeeded();
      assertThat(rolled.stdout())
          .contains("Rolled " + box + " back to " + s2)
          .contains("installed since: hello")
          .contains("upgraded since (they go back): e2e-upgradable 3.0 → 2.0");

      // rm names the exports and snapshots that go with the box, and asks.
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/env", "--as", "env-" + box)
                  .exitCode())
          .isZero();
      assertThat(s.appbox("stop", box).exitCode()).isZero();
      CommandResult refused = s.appbox("rm", box);
      assertThat(refused).exitedWith(2);
      assertThat(refused.stderr())
          .contains("Removing box " + box + " takes its 1 export (env-" + box + ")")
          .contains("1 snapshot (" + s2)
          .contains("Nothing was removed.")
          .contains("--yes");
      assertThat(s.appbox("--json", "rm", box).exitCode()).isEqualTo(2);
      assertThat(s.containerNames()).contains(box);

      EnterTest.Tmux tmux = new EnterTest.Tmux(s);
      try {
        tmux.start("bash --norc --noprofile");
        tmux.type("PS1='host$ '");
        tmux.waitFor("host\\$ $", 20);
        tmux.type(
            TestEnvironment.appbox()
                + " "
                + String.join(" ", s.engineFlag())
                + " rm "
                + box
                + "; echo rm-ended");
        tmux.waitFor("Remove them\\? \\[y/N\\] $", 60);
        tmux.type("y");
        tmux.waitFor("^rm-ended$", 120);
        assertThat(tmux.screen()).contains("Removed " + box + " and its 1 export");
      } finally {
        tmux.kill();
      }
      assertThat(s.containerNames()).doesNotContain(box);
      assertThat(images(s, box)).isEmpty();
      assertThat(s.home().resolve(".local/bin/env-" + box)).doesNotExist();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> upgrade(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "upgrade", "--box", box);
    assertThat(r).succeeded();
    List<String> lines = r.stdout().lines().toList();
    Map<String, Object> data =
        (Map<String, Object>) Json.parseObject(lines.get(lines.size() - 1)).get("data");
    return (Map<String, Object>) ((List<Object>) data.get("upgraded")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<String> snapshots(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "snapshots", box);
    assertThat(r).succeeded();
    return ((List<Object>) Json.parseObject(r.stdout()).get("data"))
        .stream().map(o -> (String) ((Map<String, Object>) o).get("name")).toList();
  }

  /** The snapshot images of the box, as the engine itself lists them. */
  private static List<String> images(Sandbox s, String box) {
    CommandResult r =
        s.engineCli(
            "images",
            "--filter",
            "label=io.appbox.snapshot.of=" + box,
            "--format",
            "{{.Repository}}:{{.Tag}}");
    return r.stdout().lines().filter(l -> !l.isBlank()).toList();
  }
}
