package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code exports} and {@code doctor} apply one check and say the same; the help names every state.
 */
class ExportStatesTest {

  @Test
  void exportsAndDoctorReportTheSameStateOfEveryExport() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      BoxFixture fx = new BoxFixture(s, box);
      for (String name : List.of("e2e-kept", "e2e-gone", "e2e-lost")) {
        fx.write("/usr/local/bin/" + name, "#!/bin/sh\necho " + name + "\n", "755");
        CommandResult r = s.appbox("export", "--box", box, "--bin", "/usr/local/bin/" + name);
        assertThat(r).succeeded();
      }
      fx.write(
          "/usr/share/applications/e2e-gone-app.desktop",
          "[Desktop Entry]\nType=Application\nName=Gone\nExec=/usr/local/bin/e2e-gone\n",
          "644");
      assertThat(s.appbox("export", "--box", box, "--app", "e2e-gone-app").exitCode()).isZero();

      // The program and the desktop file removed inside the box, as the package manager would.
      CommandResult removed =
          s.appbox(
              "run",
              "--root",
              box,
              "--",
              "rm",
              "/usr/local/bin/e2e-gone",
              "/usr/share/applications/e2e-gone-app.desktop");
      assertThat(removed).succeeded();
      // A host file of another export deleted by hand.
      Files.delete(s.home().resolve(".local/bin/e2e-lost"));

      Map<String, String> expected =
          Map.of(
              "e2e-kept", "ok",
              "e2e-gone", "program-gone",
              "e2e-gone-app", "program-gone",
              "e2e-lost", "files-missing");
      assertThat(exportsJson(s)).isEqualTo(expected);
      assertThat(exportsText(s)).isEqualTo(expected);
      Map<String, String> doctor = doctorJson(s, box);
      expected.forEach(
          (name, state) -> {
            if (!state.equals("ok")) {
              assertThat(doctor.get(name)).as(name).startsWith(state);
            }
          });
      assertThat(doctor).doesNotContainKey("e2e-kept");
    }
  }

  @Test
  void theHelpOfExportsNamesEveryState() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      CommandResult help = s.appbox("exports", "--help");
      assertThat(help.exitCode()).isZero();
      for (String state :
          List.of("ok", "box-gone", "program-gone", "files-missing", "files-overwritten")) {
        assertThat(help.stdout()).containsPattern("(?m)^\\s+" + state + "\\s");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> exportsJson(Sandbox s) {
    CommandResult r = s.appbox("--json", "exports");
    assertThat(r).succeeded();
    Map<String, String> out = new TreeMap<>();
    for (Object o : (List<Object>) Json.parseObject(r.stdout()).get("data")) {
      Map<String, Object> e = (Map<String, Object>) o;
      out.put((String) e.get("name"), (String) e.get("state"));
    }
    return out;
  }

  private static Map<String, String> exportsText(Sandbox s) {
    CommandResult r = s.appbox("exports");
    assertThat(r).succeeded();
    Map<String, String> out = new TreeMap<>();
    r.stdout()
        .lines()
        .skip(1)
        .map(l -> l.strip().split("\\s+"))
        // BOX KIND NAME PACKAGE STATE, then the display name (which may have spaces) and icon.
        .forEach(cols -> out.put(cols[2], cols[4]));
    return out;
  }

  /** Each failed export check of doctor: the export's name and the check's detail. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> doctorJson(Sandbox s, String box) {
    CommandResult r = s.appbox("--json", "doctor");
    Map<String, Object> data = (Map<String, Object>) Json.parseObject(r.stdout()).get("data");
    Map<String, String> out = new TreeMap<>();
    for (Object o : (List<Object>) data.get("checks")) {
      Map<String, Object> c = (Map<String, Object>) o;
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("^export (?:\\w+ )?" + box + "/(.+)$")
              .matcher((String) c.get("check"));
      if (m.matches()) {
        out.put(m.group(1), (String) c.get("detail"));
      }
    }
    return out;
  }
}
