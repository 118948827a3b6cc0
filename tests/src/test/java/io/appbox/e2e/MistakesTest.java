package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mistakes get help, not parser jargon: a mistyped command or option is told what was meant, no
 * doubled prefixes, {@code export} finds what the user named the way they named it, and a box that
 * does not exist is not found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MistakesTest {
  private Sandbox s;
  private String box;

  @BeforeAll
  void createBoxWithPackages() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
    BoxFixture fx = new BoxFixture(s, box);
    // e2e-tool: one application, whose desktop-file id is not the package's name, and a program
    // in /usr/games. e2e-suite: two applications.
    fx.write("/tmp/e2e-tool/usr/games/e2e-tool", "#!/bin/sh\necho \"tool ran $*\"\n", "755");
    fx.write(
        "/tmp/e2e-tool/usr/share/applications/org.example.E2eTool.desktop",
        desktop("E2e Tool"),
        "644");
    fx.write("/tmp/e2e-tool/DEBIAN/control", control("e2e-tool"), "644");
    for (String id : List.of("SuiteOne", "SuiteTwo")) {
      fx.write(
          "/tmp/e2e-suite/usr/share/applications/org.example." + id + ".desktop",
          desktop(id),
          "644");
    }
    fx.write("/tmp/e2e-suite/DEBIAN/control", control("e2e-suite"), "644");
    CommandResult installed =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "set -e; for p in e2e-tool e2e-suite; do dpkg-deb -b /tmp/$p /tmp/$p.deb >/dev/null;"
                + " dpkg -i /tmp/$p.deb >/dev/null; done");
    assertThat(installed).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  private static String desktop(String name) {
    return "[Desktop Entry]\nType=Application\nName=" + name + "\nExec=/usr/games/e2e-tool %U\n";
  }

  private static String control(String pkg) {
    return "Package: "
        + pkg
        + "\nVersion: 1.0\nArchitecture: all\nMaintainer: appbox e2e <e2e@example.org>\n"
        + "Description: a package of appbox's end-to-end tests\n";
  }

  @Test
  void aMistypedCommandOrOptionIsToldWhatWasMeant() {
    CommandResult typo = s.appbox("instal", "htop");
    assertThat(typo).exitedWith(2);
    assertThat(typo.stderr())
        .contains("error: appbox has no command 'instal'.")
        .contains("hint: Did you mean: appbox --engine podman install htop?")
        .doesNotContain("Unmatched");
    CommandResult json = s.appbox("--json", "instal", "htop");
    assertThat(json.stdout())
        .contains("\"code\":\"INVALID_INPUT\"")
        .contains("appbox --engine podman --json install htop?");

    CommandResult option = s.appbox("install", "--boxx", box, "htop");
    assertThat(option).exitedWith(2);
    assertThat(option.stderr())
        .contains("appbox install has no option '--boxx'.")
        .contains("Did you mean: appbox --engine podman install --box " + box + " htop?")
        .doesNotContain("Unknown option");

    CommandResult extra = s.appbox("snapshots", box, "surplus");
    assertThat(extra).exitedWith(2);
    assertThat(extra.stderr())
        .contains("appbox snapshots takes no argument 'surplus' here.")
        .doesNotContain("Unmatched");
  }

  @Test
  void noMessageCarriesTwoErrorPrefixes() {
    for (List<String> args :
        List.of(
            List.of("export", "--box", box),
            List.of("export", "--box", box, "--app", "a", "--bin", "b"))) {
      CommandResult r = s.appbox(args.toArray(String[]::new));
      assertThat(r).exitedWith(2);
      assertThat(r.stderr())
          .as(r.toString())
          .startsWith("error: ")
          .doesNotContainIgnoringCase("error: error");
    }
  }

  @Test
  void exportFindsAnApplicationByItsIdWithOrWithoutDotDesktopOrByItsPackage() {
    Map<String, Object> byFile = exported("--app", "org.example.E2eTool.desktop");
    assertThat(byFile)
        .containsEntry("name", "org.example.E2eTool")
        .containsEntry("package", "e2e-tool");
    assertThat(s.appbox("unexport", "--box", box, "--app", "org.example.E2eTool").exitCode())
        .isZero();

    Map<String, Object> byPackage = exported("--app", "e2e-tool");
    assertThat(byPackage).containsEntry("name", "org.example.E2eTool");
    assertThat(s.appbox("unexport", "--box", box, "--app", "org.example.E2eTool").exitCode())
        .isZero();

    CommandResult two = s.appbox("export", "--box", box, "--app", "e2e-suite");
    assertThat(two).exitedWith(2);
    assertThat(two.stderr())
        .contains(
            "Package e2e-suite has 2 applications: org.example.SuiteOne, org.example.SuiteTwo.");
    CommandResult hinted = runHint(two);
    assertThat(hinted).succeeded();
    assertThat(s.appbox("unexport", "--box", box, "--app", "org.example.SuiteOne").exitCode())
        .isZero();
  }

  @Test
  void exportFindsAProgramOnTheBoxsPath() {
    CommandResult wrong = s.appbox("export", "--box", box, "--bin", "/usr/bin/e2e-tool");
    assertThat(wrong).exitedWith(3);
    assertThat(wrong.stderr()).contains("--bin e2e-tool").doesNotContain("/usr/bin/htop");

    CommandResult hinted = runHint(wrong);
    assertThat(hinted).succeeded();
    CommandResult ran = s.host(s.home() + "/.local/bin/e2e-tool", "hello");
    assertThat(ran).succeeded();
    assertThat(ran.stdout()).isEqualTo("tool ran hello\n");
    Map<String, Object> listed = onlyExport(s.appbox("--json", "exports", "--box", box));
    assertThat(listed).containsEntry("source", "/usr/games/e2e-tool");
    assertThat(s.appbox("unexport", "--box", box, "--bin", "e2e-tool").exitCode()).isZero();

    CommandResult none = s.appbox("export", "--box", box, "--bin", "no-such-program");
    assertThat(none).exitedWith(3);
    assertThat(none.stderr()).contains("has no program no-such-program on its PATH");
  }

  @Test
  void exportsOfABoxThatDoesNotExistIsNotFound() {
    String missing = "e2e-missing-box";
    CommandResult r = s.appbox("exports", "--box", missing);
    assertThat(r).exitedWith(3);
    assertThat(r.stderr()).contains("There is no box named " + missing);
    assertThat(r.stdout()).doesNotContain("Nothing exported");
    CommandResult json = s.appbox("--json", "exports", "--box", missing);
    assertThat(json.exitCode()).isEqualTo(3);
    assertThat(json.stdout()).contains("\"code\":\"BOX_NOT_FOUND\"");

    CommandResult mine = s.appbox("exports", "--box", box);
    assertThat(mine).succeeded();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> exported(String... what) {
    List<String> argv = new java.util.ArrayList<>(List.of("--json", "export", "--box", box));
    argv.addAll(Arrays.asList(what));
    CommandResult r = s.appbox(argv.toArray(String[]::new));
    assertThat(r).succeeded();
    return (Map<String, Object>) Json.parseObject(r.stdout()).get("data");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> onlyExport(CommandResult r) {
    assertThat(r).succeeded();
    List<Object> all = (List<Object>) Json.parseObject(r.stdout()).get("data");
    assertThat(all).hasSize(1);
    return (Map<String, Object>) all.get(0);
  }

  /** Runs the command a failure's hint gives, as printed. */
  private CommandResult runHint(CommandResult failed) {
    String hint =
        failed.stderr().lines().filter(l -> l.startsWith("hint: ")).findFirst().orElseThrow();
    int at = hint.indexOf("appbox ");
    assertThat(at).as(hint).isPositive();
    String[] words = hint.substring(at + "appbox ".length()).strip().split(" ");
    return s.appbox(words);
  }
}
