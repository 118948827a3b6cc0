package io.appbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What people see in a terminal: colour only there and never with NO_COLOR; a progress bar. */
class TerminalTest {

  @Test
  void noEscapeSequencesWhenOutputIsNotATerminalOrNoColorIsSet() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      for (CommandResult r :
          List.of(
              s.appbox("list"),
              s.appbox("doctor"),
              s.appbox("run", "no-such-box", "--", "true"),
              s.appbox("--help"))) {
        assertThat(r.stdout() + r.stderr()).as(r.toString()).doesNotContain("\u001b");
      }

      EnterTest.Tmux tmux = new EnterTest.Tmux(s);
      Path raw = s.home().resolve("pane.raw");
      try {
        tmux.start("env TERM=xterm-256color bash --norc --noprofile");
        tmux.type("PS1='$ '");
        tmux.waitFor("\\$ $", 20);
        tmux.record(raw);
        String appbox = TestEnvironment.appbox() + " " + String.join(" ", s.engineFlag());
        // The shell computes the marker, so the typed command line itself does not match it.
        tmux.type(appbox + " list; echo done-$((40+1))");
        tmux.waitFor("done-41", 60);
        String colored = recorded(raw, "done-41");
        assertThat(colored).as("on a terminal the table header is bold").contains("\u001b[1mNAME");

        Files.writeString(raw, "");
        tmux.type(
            "NO_COLOR=1 "
                + appbox
                + " list; NO_COLOR=1 "
                + appbox
                + " run no-such-box -- true; echo done-$((40+2))");
        tmux.waitFor("done-42", 60);
        String plain = recorded(raw, "done-42");
        assertThat(plain).contains("NAME").contains("no box named");
        assertThat(plain)
            .as("NO_COLOR: no colour or style")
            .doesNotContain("\u001b[1m")
            .doesNotContain("\u001b[31m");
      } finally {
        tmux.kill();
      }
    }
  }

  @Test
  void aLongInstallShowsAProgressBarThatAdvances() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(s.appbox("update", "--box", box).exitCode()).isZero();
      EnterTest.Tmux tmux = new EnterTest.Tmux(s);
      Path raw = s.home().resolve("pane.raw");
      try {
        tmux.start("env TERM=xterm-256color bash --norc --noprofile");
        tmux.type("PS1='$ '");
        tmux.waitFor("\\$ $", 20);
        tmux.record(raw);
        tmux.type(
            TestEnvironment.appbox()
                + " "
                + String.join(" ", s.engineFlag())
                + " install --box "
                + box
                + " --no-export tree hello; echo install-$((40+3))");
        tmux.waitFor("install-43", 300);
        String pane = recorded(raw, "install-43");
        Matcher bar = Pattern.compile("\\[(#*) *\\] +(\\d+)%").matcher(pane);
        List<Integer> percents = new ArrayList<>();
        while (bar.find()) {
          int p = Integer.parseInt(bar.group(2));
          if (percents.isEmpty() || percents.get(percents.size() - 1) != p) {
            percents.add(p);
          }
        }
        assertThat(percents).as("the bar is drawn with several percentages").hasSizeGreaterThan(2);
        assertThat(percents.get(percents.size() - 1)).isGreaterThan(percents.get(0));
        assertThat(pane).as("redrawn in place").contains("\r\u001b[2K");
        assertThat(tmux.screen()).contains("Installed tree").contains("Installed hello");
      } finally {
        tmux.kill();
      }
    }
  }

  /** The pane's recording once it holds the marker: tmux writes it a little after the screen. */
  private static String recorded(Path raw, String marker) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    String text = Files.readString(raw, StandardCharsets.UTF_8);
    while (!text.contains(marker) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      text = Files.readString(raw, StandardCharsets.UTF_8);
    }
    assertThat(text).as("the recording reached " + marker).contains(marker);
    return text;
  }
}
