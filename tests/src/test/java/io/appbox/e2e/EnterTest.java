package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `enter` in a real terminal (tmux): a prompt, a command that runs in the box, and exit. */
class EnterTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void enterGivesAShellInTheBoxAndExitReturnsToTheHost(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      Tmux tmux = new Tmux(s);
      try {
        tmux.start("bash --norc --noprofile");
        tmux.type("PS1='host$ '");
        tmux.waitFor("host\\$ $", 20);
        tmux.type(
            TestEnvironment.appbox() + " " + String.join(" ", s.engineFlag()) + " enter " + box);
        // The box's login shell names the box in its prompt, as Toolbx does: ⬢ [user@box dir]$
        tmux.waitFor("(?m)⬢ \\[[^ ]+@" + box + " [^\\]]*\\][$#] $", 60);

        String marker =
            "/tmp/appbox-entered-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        tmux.type("touch " + marker + "; echo \"inside:$APPBOX_BOX:$(pwd)\"");
        tmux.waitFor("inside:" + box + ":" + s.home(), 20);
        assertThat(s.appbox("run", box, "--", "test", "-f", marker).exitCode())
            .as("the command ran inside the box")
            .isZero();
        assertThat(java.nio.file.Path.of(marker)).as("and not on the host").doesNotExist();

        tmux.type("exit");
        tmux.type("echo \"back:${APPBOX_BOX:-host}\"");
        tmux.waitFor("back:host", 20);
      } finally {
        tmux.kill();
      }
    }
  }

  /** A tmux server of the sandbox's user, on its own socket. */
  static final class Tmux {
    private final Sandbox sandbox;
    private final String socket;

    Tmux(Sandbox sandbox) {
      this.sandbox = sandbox;
      this.socket = sandbox.home().resolve(".tmux-e2e").toString();
    }

    void start(String command) {
      CommandResult r =
          sandbox.host(
              "tmux",
              "-S",
              socket,
              "new-session",
              "-d",
              "-s",
              "e2e",
              "-x",
              "160",
              "-y",
              "40",
              command);
      assertThat(r).succeeded();
    }

    void type(String line) {
      sandbox.host("tmux", "-S", socket, "send-keys", "-t", "e2e", "-l", line);
      sandbox.host("tmux", "-S", socket, "send-keys", "-t", "e2e", "Enter");
    }

    String screen() {
      return sandbox
          .host("tmux", "-S", socket, "capture-pane", "-p", "-t", "e2e", "-S", "-100")
          .stdout();
    }

    void waitFor(String regex, int seconds) throws InterruptedException {
      java.util.regex.Pattern p =
          java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE);
      long deadline = System.currentTimeMillis() + seconds * 1000L;
      String last = "";
      while (System.currentTimeMillis() < deadline) {
        last = screen();
        List<String> lines = new ArrayList<>(last.lines().map(String::stripTrailing).toList());
        String text = String.join("\n", lines).stripTrailing() + " ";
        if (p.matcher(text).find() || p.matcher(last).find()) {
          return;
        }
        Thread.sleep(200);
      }
      throw new AssertionError("the terminal never showed /" + regex + "/; it shows:\n" + last);
    }

    /** Records everything the pane's program writes, escape sequences included, into a file. */
    void record(java.nio.file.Path file) {
      CommandResult r =
          sandbox.host(
              "tmux", "-S", socket, "pipe-pane", "-t", "e2e", "-o", "cat >> '" + file + "'");
      assertThat(r).succeeded();
    }

    void kill() {
      sandbox.host("tmux", "-S", socket, "kill-server");
    }
  }
}
