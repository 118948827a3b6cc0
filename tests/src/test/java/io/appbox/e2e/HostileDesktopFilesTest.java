package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile desktop files in a box are exported safely or refused with a clear message; nothing is
 * written outside the XDG data directories and ~/.local/bin, and no user file is overwritten.
 */
class HostileDesktopFilesTest {

  @Test
  void hostileDesktopFilesAreExportedSafelyOrRefused() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      s.write(".bashrc", "# the user's own\n");
      s.write(
          ".local/share/applications/" + ExportsTest.desktopFileName(box, "taken"),
          "[Desktop Entry]\n# mine\n");
      BoxFixture fx = new BoxFixture(s, box);
      String head = "[Desktop Entry]\nType=Application\n";
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(
          "unquoted-semicolon",
          (head + "Name=A\nExec=sh -c touch /tmp/appbox-pwned;id\n")
              .getBytes(StandardCharsets.UTF_8));
      files.put(
          "quoted-shell",
          (head + "Name=B\nExec=sh -c \"touch /tmp/appbox-pwned; echo \\\\$HOME\"\n")
              .getBytes(StandardCharsets.UTF_8));
      files.put(
          "field-codes",
          (head + "Name=C\nExec=prog %f%F \"%u\" %z\n").getBytes(StandardCharsets.UTF_8));
      files.put(
          "icon-escape",
          (head + "Name=D\nExec=true\nIcon=../../../.bashrc\n").getBytes(StandardCharsets.UTF_8));
      files.put(
          "icon-absolute",
          (head + "Name=E\nExec=true\nIcon=/etc/passwd\n").getBytes(StandardCharsets.UTF_8));
      files.put(
          "control-name",
          (head + "Name=Evil\u001b[31mRed\u0007\nExec=true\n").getBytes(StandardCharsets.UTF_8));
      files.put(
          "no-group", "Name=F\nExec=true\nType=Application\n".getBytes(StandardCharsets.UTF_8));
      byte[] invalid = (head + "Name=G\u00ff\nExec=true\n").getBytes(StandardCharsets.ISO_8859_1);
      files.put("invalid-utf8", invalid);
      files.put("taken", (head + "Name=H\nExec=true\n").getBytes(StandardCharsets.UTF_8));
      for (var e : files.entrySet()) {
        fx.write("/usr/share/applications/" + e.getKey() + ".desktop", e.getValue(), "644");
      }
      CommandResult big =
          s.appbox(
              "run",
              "--root",
              box,
              "--",
              "sh",
              "-c",
              "{ printf '[Desktop Entry]\\nType=Application\\nName=Big\\nExec=true\\nComment='; head -c 10485760 /dev/zero | tr '\\\\0' a; echo; } > /usr/share/applications/huge.desktop");
      assertThat(big).succeeded();

      List<Path> before = ExportsTest.files(s.home());
      Map<String, CommandResult> results = new LinkedHashMap<>();
      for (String id :
          new ArrayList<>(
              List.of(
                  "unquoted-semicolon",
                  "quoted-shell",
                  "field-codes",
                  "icon-escape",
                  "icon-absolute",
                  "control-name",
                  "no-group",
                  "invalid-utf8",
                  "taken",
                  "huge"))) {
        results.put(id, s.appbox("export", "--box", box, "--app", id));
      }

      assertRefused(results.get("unquoted-semicolon"), 2, "Exec");
      assertRefused(results.get("field-codes"), 2, "Exec");
      assertRefused(results.get("no-group"), 2, "Desktop Entry");
      assertRefused(results.get("invalid-utf8"), 2, "UTF-8");
      assertRefused(results.get("huge"), 2, "1 MiB");
      assertRefused(results.get("taken"), 5, ExportsTest.desktopFileName(box, "taken"));

      for (String ok : List.of("quoted-shell", "icon-escape", "icon-absolute", "control-name")) {
        CommandResult r = results.get(ok);
        assertThat(r.exitCode()).as(ok + ": " + r).isZero();
        Path exported = ExportsTest.desktopFile(s, box, ok);
        CommandResult valid = s.host("desktop-file-validate", exported.toString());
        assertThat(valid.exitCode()).as(ok + " validates: " + valid).isZero();
        String text = Files.readString(exported);
        assertThat(text)
            .doesNotContain("\u001b")
            .doesNotContain("\u0007")
            .doesNotContain("Icon=/etc")
            .doesNotContain(".bashrc");
        assertThat(text).containsPattern("(?m)^Exec=\\S*/\\.local/share/appbox/launchers/");
      }
      assertThat(results.get("icon-escape").stderr()).contains("warning");

      assertThat(Files.readString(s.home().resolve(".bashrc"))).isEqualTo("# the user's own\n");
      assertThat(
              Files.readString(
                  s.home()
                      .resolve(
                          ".local/share/applications/"
                              + ExportsTest.desktopFileName(box, "taken"))))
          .isEqualTo("[Desktop Entry]\n# mine\n");
      assertThat(Path.of("/tmp/appbox-pwned")).doesNotExist();
      List<Path> added = ExportsTest.files(s.home());
      added.removeAll(before);
      for (Path p : added) {
        String rel = s.home().relativize(p).toString();
        assertThat(rel)
            .as("written only to the XDG data directories and ~/.local/bin")
            .matches("\\.local/(share/(applications|icons|appbox)|bin|state/appbox)/.*");
      }
    }
  }

  private static void assertRefused(CommandResult r, int code, String mentions) {
    assertThat(r).exitedWith(code);
    assertThat(r.stderr()).as(r.toString()).contains(mentions);
  }
}
