package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wording and feedback as a person reads it: plain sentences, proper plurals, lines that stay apart
 * on a terminal, a progress bar that stays a bar, an install that says it made a box, and a prompt
 * in the box that names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordingTest {
  private Sandbox s;
  private String box;

  @BeforeAll
  void createBox() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
  }

  @AfterAll
  void removeBox() {
    s.close();
  }

  @Test
  void aMissingPackageIsSaidPlainly() {
    CommandResult show = s.appbox("show", "--box", box, "htopp");
    assertThat(show).exitedWith(3);
    assertThat(show.stderr()).contains("error: No package htopp in box " + box + ".");
    CommandResult install = s.appbox("install", "--box", box, "htopp");
    assertThat(install).exitedWith(3);
    assertThat(install.stderr())
        .contains("error: No package htopp in box " + box + "; nothing was installed.");
  }

  @Test
  void countsHaveProperPlurals() {
    String other = s.newBox();
    assertThat(s.appbox("create", other).exitCode()).isZero();
    exportTrue(other, "e2e-one-" + other);
    CommandResult doctor = s.appbox("doctor");
    assertThat(doctor.stdout()).contains("1 export, working").doesNotContain("(s)");
    exportTrue(other, "e2e-two-" + other);
    assertThat(s.appbox("doctor").stdout()).contains("2 exports, all working");

    CommandResult rm = s.appbox("rm", "--force", other);
    assertThat(rm).succeeded();
    assertThat(rm.stdout())
        .contains("Removed " + other + " and its 2 exports")
        .doesNotContain("(s)");
  }

  private void exportTrue(String from, String as) {
    CommandResult r = s.appbox("export", "--box", from, "--bin", "/bin/true", "--as", as);
    assertThat(r).succeeded();
  }

  @Test
  void onATerminalTheResultStandsOnItsOwnLineBelowTheProgress() throws Exception {
    EnterTest.Tmux tmux = new EnterTest.Tmux(s);
    try {
      tmux.start("bash --norc --noprofile");
      tmux.type("PS1='host$ '");
      tmux.waitFor("host\\$ $", 20);
      tmux.type(appbox() + " update --box " + box + "; echo update-ended");
      tmux.waitFor("^update-ended$", 300);
      List<String> lines = tmux.screen().lines().toList();
      assertThat(lines)
          .as("the screen:\n" + String.join("\n", lines))
          .anyMatch(l -> l.startsWith("Updated the package index of " + box))
          .noneMatch(l -> l.contains(box + "Updated") || l.matches(".+Updated the package.*"));
    } finally {
      tmux.kill();
    }
  }

  @Test
  void anInstallKeepsItsProgressBarAndSaysItCreatedTheBox() throws Exception {
    String distro = s.newBox();
    userProfile(distro);
    Path raw = s.home().resolve("terminal.raw");
    EnterTest.Tmux tmux = new EnterTest.Tmux(s);
    String screen;
    try {
      tmux.start("bash --norc --noprofile");
      tmux.type("PS1='host$ '");
      tmux.waitFor("host\\$ $", 20);
      tmux.record(raw);
      tmux.type(appbox() + " install --distro " + distro + " hello; echo install-ended");
      tmux.waitFor("^install-ended$", 600);
      screen = tmux.screen();
    } finally {
      tmux.kill();
    }
    assertThat(screen)
        .contains("Created box " + distro + " (" + distro + ") on rootless Podman for ")
        .containsPattern("Installed hello \\S+ in " + distro);

    // What the terminal was sent: each redraw of the progress line starts with \r and a clear.
    String sent = Files.readString(raw);
    String progress = sent.substring(sent.indexOf("install --distro"), sent.indexOf("Created box"));
    List<String> redraws =
        Arrays.stream(progress.split("\r\u001b\\[2K")).skip(1).filter(r -> !r.isBlank()).toList();
    int firstBar = indexOfBar(redraws);
    assertThat(firstBar).as("a progress bar was drawn: " + redraws).isNotNegative();
    assertThat(redraws.subList(firstBar, redraws.size()))
        .as("after the first bar, every redraw keeps it")
        .allMatch(r -> r.matches("(?s)\\[[# ]{24}\\] +\\d+% .*"))
        .anyMatch(r -> r.contains("Unpacking") || r.contains("Setting up"));

    Map<String, Object> created = installJson(distro, "hello");
    assertThat(created).containsEntry("createdBox", null);
    String fresh = s.newBox();
    userProfile(fresh);
    Map<String, Object> made = installJson(fresh, "hello");
    @SuppressWarnings("unchecked")
    Map<String, Object> createdBox = (Map<String, Object>) made.get("createdBox");
    assertThat(createdBox).containsEntry("name", fresh).containsEntry("distro", fresh);
  }

  private static int indexOfBar(List<String> redraws) {
    for (int i = 0; i < redraws.size(); i++) {
      if (redraws.get(i).startsWith("[")) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> installJson(String distro, String pkg) {
    CommandResult r = s.appbox("--json", "install", "--distro", distro, "--no-export", pkg);
    assertThat(r).succeeded();
    List<String> lines = r.stdout().lines().toList();
    return (Map<String, Object>) Json.parseObject(lines.get(lines.size() - 1)).get("data");
  }

  /** A distro profile of the user's, Debian's under another id: its box is named after it. */
  private void userProfile(String id) throws Exception {
    Path builtin =
        TestEnvironment.repository()
            .resolve("distro-profiles/src/main/resources/io/appbox/profiles/builtin/debian.yaml");
    String profile = Files.readString(builtin).replaceFirst("(?m)^id: debian$", "id: " + id);
    s.write(".config/appbox/profiles/" + id + ".yaml", profile);
  }

  @Test
  void thePromptInsideEnterNamesTheBox() throws Exception {
    EnterTest.Tmux tmux = new EnterTest.Tmux(s);
    try {
      tmux.start("bash --norc --noprofile");
      tmux.type("PS1='host$ '");
      tmux.waitFor("host\\$ $", 20);
      tmux.type(appbox() + " enter " + box);
      tmux.waitFor("⬢ \\[" + TestEnvironment.testUser() + "@" + box + " [^\\]]+\\]\\$ $", 60);
      tmux.type("exit");
    } finally {
      tmux.kill();
    }
  }

  private String appbox() {
    return TestEnvironment.appbox() + " " + String.join(" ", s.engineFlag());
  }
}
