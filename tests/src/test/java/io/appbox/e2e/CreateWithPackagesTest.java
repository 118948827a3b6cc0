package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * `create --packages` installs in the same step and exports the packages' apps, or leaves no box;
 * `create --preset` makes the box as a preset file says (one box of a manifest), and `presets`
 * lists them.
 */
class CreateWithPackagesTest {

  @Test
  void packagesAtCreateAreInstalledAndExportedOrTheBoxIsGone() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      CommandResult created = s.appbox("create", box, "--packages", "htop,hello");
      assertThat(created).succeeded();
      assertThat(created.stdout()).contains("Exported htop");
      assertThat(s.appbox("run", box, "--", "hello").stdout()).isEqualTo("Hello, world!\n");
      Path entry = ExportsTest.desktopFile(s, box, "htop");
      assertThat(entry).exists();
      assertThat(s.host("desktop-file-validate", entry.toString())).succeeded();

      String failed = s.newBox();
      CommandResult unknown = s.appbox("create", failed, "--packages", "no-such-package-e2e");
      assertThat(unknown).exitedWith(3);
      assertThat(unknown.stderr()).contains("no-such-package-e2e");
      assertThat(s.containerNames()).as("the half-made box is gone").doesNotContain(failed);
    }
  }

  @Test
  void aPresetMakesTheBoxAsItSaysAndOptionsGivenWin() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      s.write(
          ".config/appbox/presets/tools.yaml",
          "distro: debian\n"
              + "init: [[sh, -c, \"echo from-the-preset > /etc/e2e-preset\"]]\n"
              + "packages: [hello]\n"
              + "export:\n"
              + "  bins: [{path: /usr/bin/hello, as: hello-"
              + box
              + "}]\n");
      CommandResult listed = s.appbox("presets");
      assertThat(listed).succeeded();
      assertThat(listed.stdout()).containsPattern("(?m)^tools +debian +hello$");

      CommandResult created = s.appbox("create", box, "--preset", "tools", "--entry");
      assertThat(created).succeeded();
      assertThat(s.appbox("run", box, "--", "cat", "/etc/e2e-preset").stdout())
          .isEqualTo("from-the-preset\n");
      CommandResult hello =
          s.as(List.of(s.home().resolve(".local/bin/hello-" + box).toString()), null, 120);
      assertThat(hello).succeeded();
      assertThat(hello.stdout()).isEqualTo("Hello, world!\n");
      try (var files = Files.list(s.home().resolve(".local/share/applications"))) {
        assertThat(files.filter(p -> p.getFileName().toString().endsWith("-terminal.desktop")))
            .as("--entry given here: the box's terminal entry")
            .singleElement()
            .satisfies(p -> assertThat(Files.readString(p)).contains(box));
      }

      CommandResult missing = s.appbox("create", s.newBox(), "--preset", "no-such-preset");
      assertThat(missing).exitedWith(3);
      assertThat(missing.stderr()).contains("no-such-preset", "appbox presets");

      s.write(".config/appbox/presets/broken.yaml", "distro: debian\npakages: [hello]\n");
      String notMade = s.newBox();
      CommandResult broken = s.appbox("create", notMade, "--preset", "broken");
      assertThat(broken).exitedWith(2);
      assertThat(broken.stderr()).contains("broken.yaml:2", "pakages");
      assertThat(s.containerNames()).doesNotContain(notMade);
    }
  }
}
