package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code remove} knows every package a transaction removes: it names the ones the user did not and
 * asks first (or takes {@code --yes}), unexports the apps and commands of all of them, and reports
 * each as asked for or taken along. {@code autoremove} does the same for what nothing needs.
 */
class RemovalsTest {

  /** e2e-viewer needs e2e-lib and has an app and a command; e2e-top needs e2e-dep, marked auto. */
  private static void packages(Sandbox s, String box) {
    BoxFixture fx = new BoxFixture(s, box);
    fx.write("/tmp/e2e-lib/usr/lib/e2e-lib/marker", "lib\n", "644");
    fx.write("/tmp/e2e-lib/DEBIAN/control", control("e2e-lib", ""), "644");
    fx.write("/tmp/e2e-viewer/usr/games/e2e-viewer", "#!/bin/sh\necho viewer\n", "755");
    fx.write(
        "/tmp/e2e-viewer/usr/share/applications/org.example.Viewer.desktop",
        "[Desktop Entry]\nType=Application\nName=Viewer\nExec=/usr/games/e2e-viewer %U\n",
        "644");
    fx.write("/tmp/e2e-viewer/DEBIAN/control", control("e2e-viewer", "e2e-lib"), "644");
    fx.write("/tmp/e2e-dep/DEBIAN/control", control("e2e-dep", ""), "644");
    fx.write("/tmp/e2e-top/DEBIAN/control", control("e2e-top", "e2e-dep"), "644");
    CommandResult installed =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "set -e; for p in e2e-lib e2e-viewer e2e-dep e2e-top; do"
                + " dpkg-deb -b /tmp/$p /tmp/$p.deb >/dev/null; dpkg -i /tmp/$p.deb >/dev/null;"
                + " done; apt-mark auto e2e-dep >/dev/null");
    assertThat(installed).succeeded();
  }

  private static String control(String pkg, String depends) {
    return "Package: "
        + pkg
        + "\nVersion: 1.0\nArchitecture: all\nMaintainer: appbox e2e <e2e@example.org>\n"
        + (depends.isEmpty() ? "" : "Depends: " + depends + "\n")
        + "Description: a package of appbox's end-to-end tests\n";
  }

  @Test
  void removeNamesWhatItTakesAlongAsksAndUnexportsEveryone() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      packages(s, box);
      CommandResult app = s.appbox("export", "--box", box, "--app", "org.example.Viewer");
      assertThat(app).succeeded();
      assertThat(s.appbox("export", "--box", box, "--bin", "/usr/games/e2e-viewer").exitCode())
          .isZero();
      Path desktop =
          s.home()
              .resolve(
                  ".local/share/applications/appbox-"
                      + box.replace("-", "--")
                      + "-org.example.Viewer.desktop");
      Path wrapper = s.home().resolve(".local/bin/e2e-viewer");
      assertThat(desktop).exists();

      // No terminal to ask on: refused, nothing changed.
      CommandResult refused = s.appbox("remove", "--box", box, "e2e-lib");
      assertThat(refused).exitedWith(2);
      assertThat(refused.stderr())
          .contains(
              "Removing e2e-lib from "
                  + box
                  + " also removes 1 package you did not name:"
                  + " e2e-viewer. Nothing was removed.")
          .contains("--yes");
      CommandResult json = s.appbox("--json", "remove", "--box", box, "e2e-lib");
      assertThat(json.exitCode()).isEqualTo(2);
      assertThat(json.stdout())
          .contains("\"event\":\"result\",\"ok\":false")
          .contains("INVALID_INPUT");
      assertThat(installed(s, box)).contains("e2e-lib", "e2e-viewer");
      assertThat(desktop).exists();
      assertThat(wrapper).exists();

      // On a terminal it asks; no keeps everything.
      EnterTest.Tmux tmux = new EnterTest.Tmux(s);
      try {
        tmux.start("bash --norc --noprofile");
        tmux.type("PS1='host$ '");
        tmux.waitFor("host\\$ $", 20);
        tmux.type(
            TestEnvironment.appbox()
                + " "
                + String.join(" ", s.engineFlag())
                + " remove --box "
                + box
                + " e2e-lib; echo remove-ended");
        tmux.waitFor("Remove them too\\? \\[y/N\\] $", 120);
        assertThat(tmux.screen()).contains("also removes 1 package you did not name: e2e-viewer");
        tmux.type("n");
        tmux.waitFor("^remove-ended$", 60);
        assertThat(tmux.screen()).contains("Cancelled: nothing was removed.");
      } finally {
        tmux.kill();
      }
      assertThat(installed(s, box)).contains("e2e-lib", "e2e-viewer");

      // The refusal's hint agrees with --yes: both go, and both exports with them.
      String hint =
          refused.stderr().lines().filter(l -> l.startsWith("hint: ")).findFirst().orElseThrow();
      String command = hint.substring(hint.indexOf(": appbox ") + ": appbox ".length());
      command = command.replace("--engine podman ", "");
      assertThat(command).isEqualTo("remove --yes --box " + box + " e2e-lib");
      List<String> words = new java.util.ArrayList<>(List.of("--json"));
      words.addAll(List.of(command.split(" ")));
      CommandResult removed = s.appbox(words.toArray(String[]::new));
      assertThat(removed).succeeded();
      Map<String, Object> data = result(removed);
      assertThat(data.get("removed"))
          .isEqualTo(
              List.of(
                  Map.of("name", "e2e-lib", "asked", true),
                  Map.of("name", "e2e-viewer", "asked", false)));
      assertThat(names(data.get("unexported")))
          .containsExactlyInAnyOrder("org.example.Viewer", "e2e-viewer");
      assertThat(installed(s, box)).doesNotContain("e2e-lib", "e2e-viewer");
      assertThat(desktop).doesNotExist();
      assertThat(wrapper).doesNotExist();
      assertThat(s.appbox("exports", "--box", box).stdout()).doesNotContain("e2e-viewer");
    }
  }

  @Test
  void removeAndAutoremoveSayWhatTheyTookInText() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      packages(s, box);
      CommandResult removed = s.appbox("remove", "--box", box, "--yes", "e2e-lib");
      assertThat(removed).succeeded();
      assertThat(removed.stdout())
          .contains("Removed e2e-lib from " + box + "\n")
          .contains("Removed e2e-viewer from " + box + " (taken along with e2e-lib)");

      assertThat(s.appbox("remove", "--box", box, "e2e-top").exitCode()).isZero();
      CommandResult asked = s.appbox("autoremove", box);
      assertThat(asked).exitedWith(2);
      assertThat(asked.stderr()).contains("you did not name: e2e-dep");
      assertThat(installed(s, box)).contains("e2e-dep");
      CommandResult auto = s.appbox("--json", "autoremove", "--yes", box);
      assertThat(auto).succeeded();
      @SuppressWarnings("unchecked")
      List<Object> went = (List<Object>) result(auto).get("removed");
      assertThat(went).contains(Map.of("name", "e2e-dep", "asked", false));
      assertThat(installed(s, box)).doesNotContain("e2e-dep");
      CommandResult nothing = s.appbox("autoremove", "--box", box);
      assertThat(nothing).succeeded();
      assertThat(nothing.stdout()).contains("Nothing to remove from " + box);
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> installed(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "packages", "--box", box);
    assertThat(r).succeeded();
    Set<String> out = new TreeSet<>();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      out.add((String) ((Map<String, Object>) o).get("name"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(CommandResult r) {
    List<String> lines = r.stdout().lines().toList();
    return (Map<String, Object>) Json.parseObject(lines.get(lines.size() - 1)).get("data");
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Object exports) {
    return ((List<Object>) exports)
        .stream().map(e -> (String) ((Map<String, Object>) e).get("name")).toList();
  }
}
