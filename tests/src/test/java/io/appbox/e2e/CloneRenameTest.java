package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * `create NEW --clone OLD` copies a box's packages and files, not its exports, and its image goes
 * with the clone unless kept; `rename OLD NEW` keeps the box's exports working under the new name,
 * and its snapshots.
 */
@SuppressWarnings("unchecked")
class CloneRenameTest {

  @ParameterizedTest
  @EnumSource(
      value = Engine.class,
      names = {"ROOTLESS_PODMAN", "DOCKER"})
  void aCloneHasTheBoxsFilesButNotItsExportsAndItsImageGoesWithIt(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String old = s.newBox();
      assertThat(s.appbox("create", old)).succeeded();
      assertThat(
              s.appbox(
                  "run", "--root", old, "--", "sh", "-c", "echo from-" + old + " > /etc/e2e-mark"))
          .succeeded();
      assertThat(s.appbox("export", "--box", old, "--bin", "/usr/bin/dpkg", "--as", "dpkg-" + old))
          .succeeded();

      String clone = s.newBox();
      CommandResult created = s.appbox("create", clone, "--clone", old);
      assertThat(created).succeeded();
      assertThat(created.stdout()).contains("a copy of box " + old, "exports are not copied");

      CommandResult mark = s.appbox("run", clone, "--", "cat", "/etc/e2e-mark");
      assertThat(mark).succeeded();
      assertThat(mark.stdout()).isEqualTo("from-" + old + "\n");
      assertThat(s.appbox("run", clone, "--", "id", "-un").stdout().strip()).isEqualTo(s.user());
      assertThat(exportNames(s, clone)).as("the clone's exports").isEmpty();
      assertThat(exportNames(s, old)).containsExactly("dpkg-" + old);
      assertThat(imageExists(s, "localhost/appbox-clones:" + clone)).isTrue();

      // Changes in the clone stay in the clone.
      assertThat(s.appbox("run", "--root", clone, "--", "rm", "/etc/e2e-mark")).succeeded();
      assertThat(s.appbox("run", old, "--", "cat", "/etc/e2e-mark")).succeeded();

      // Renamed, the clone still takes its image with it.
      String renamed = s.newBox();
      assertThat(s.appbox("rename", clone, renamed)).succeeded();
      assertThat(s.appbox("rm", "--force", renamed)).succeeded();
      assertThat(imageExists(s, "localhost/appbox-clones:" + clone))
          .as("the image goes with the clone, renamed or not")
          .isFalse();

      String kept = s.newBox();
      assertThat(s.appbox("create", kept, "--clone", old, "--keep-image")).succeeded();
      assertThat(s.appbox("rm", "--force", kept)).succeeded();
      try {
        assertThat(imageExists(s, "localhost/appbox-clones:" + kept)).as("--keep-image").isTrue();
      } finally {
        s.engineCli("rmi", "localhost/appbox-clones:" + kept);
      }

      CommandResult missing = s.appbox("create", s.newBox(), "--clone", "no-such-box-e2e");
      assertThat(missing).exitedWith(3);
      assertThat(missing.stderr()).contains("no-such-box-e2e");
      assertThat(s.appbox("create", s.newBox(), "--keep-image")).exitedWith(2);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Engine.class,
      names = {"ROOTLESS_PODMAN", "DOCKER"})
  void aRenamedBoxKeepsItsExportsWorkingAndItsSnapshots(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String old = s.newBox();
      assertThat(s.appbox("create", old, "--entry")).succeeded();
      BoxFixture fx = new BoxFixture(s, old);
      fx.installUpgradable("1.0");
      fx.offerUpgrade("2.0");
      assertThat(s.appbox("upgrade", "--box", old)).succeeded();
      List<String> snapshots = snapshots(s, old);
      assertThat(snapshots).hasSize(1);
      String command = "dpkg-" + old;
      assertThat(s.appbox("export", "--box", old, "--bin", "/usr/bin/dpkg", "--as", command))
          .succeeded();
      List<String> entriesBefore = desktopFiles(s);

      String renamed = s.boxNamed(old + "-new");
      CommandResult r = s.appbox("rename", old, renamed);
      assertThat(r).succeeded();
      assertThat(r.stdout()).contains("Renamed box " + old + " to " + renamed);
      assertThat(s.containerNames()).contains(renamed).doesNotContain(old);

      // The command keeps its name and runs in the renamed box.
      CommandResult ran =
          s.as(
              List.of(s.home().resolve(".local/bin/" + command).toString(), "-S", "/usr/bin/dpkg"),
              null,
              120);
      assertThat(ran).succeeded();
      assertThat(ran.stdout()).startsWith("dpkg:");
      // The terminal entry now opens the renamed box, and validates.
      List<String> entriesAfter = desktopFiles(s);
      assertThat(entriesAfter).hasSameSizeAs(entriesBefore);
      for (String entry : entriesAfter) {
        Path file = s.home().resolve(".local/share/applications").resolve(entry);
        assertThat(Files.readString(file)).contains(renamed).doesNotContain(old + "\n");
        assertThat(s.host("desktop-file-validate", file.toString())).succeeded();
      }
      assertThat(exportNames(s, renamed)).contains(command);
      assertThat(exportNames(s, old)).isEmpty();
      assertThat(s.appbox("doctor").stdout()).doesNotContain("box-gone");

      assertThat(snapshots(s, renamed)).as("the snapshots stay").isEqualTo(snapshots);
      assertThat(snapshots(s, old)).isEmpty();

      // A new box under the old name does not inherit them.
      assertThat(s.appbox("create", s.boxNamed(old))).succeeded();
      assertThat(snapshots(s, old)).isEmpty();

      CommandResult taken = s.appbox("rename", renamed, old);
      assertThat(taken).exitedWith(5);
      assertThat(s.appbox("rename", "no-such-box-e2e", s.newBox())).exitedWith(3);
      assertThat(s.appbox("rename", renamed, "Not A Name")).exitedWith(2);
      assertThat(s.appbox("rm", "--force", renamed)).succeeded();
      assertThat(snapshots).allSatisfy(snap -> assertThat(imageExists(s, snap)).isFalse());
    }
  }

  private static List<String> exportNames(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "exports");
    assertThat(r).succeeded();
    List<Object> all = (List<Object>) Json.parseObject(r.stdout()).get("data");
    return all.stream()
        .map(o -> (Map<String, Object>) o)
        .filter(e -> box.equals(e.get("box")))
        .map(e -> (String) e.get("name"))
        .toList();
  }

  private static List<String> snapshots(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "snapshots", box);
    if (r.exitCode() == 3) {
      return List.of();
    }
    assertThat(r).succeeded();
    return ((List<Object>) Json.parseObject(r.stdout()).get("data"))
        .stream().map(o -> (String) ((Map<String, Object>) o).get("image")).toList();
  }

  private static List<String> desktopFiles(Sandbox s) throws Exception {
    Path dir = s.home().resolve(".local/share/applications");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static boolean imageExists(Sandbox s, String image) {
    return s.engineCli("image", "inspect", image).exitCode() == 0;
  }
}
