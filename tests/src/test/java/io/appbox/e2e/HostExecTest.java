package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * host-exec, in every box: a program run on the host through Flatpak's real session helper on a
 * session bus of the user's, as on a Silverblue desktop.
 */
class HostExecTest {
  private static final String NO_PORTAL =
      "host-exec: no Flatpak session helper on the session bus (install flatpak on the host)";

  @Test
  void runsTheProgramOnTheHostWithItsStreamsArgumentsDirectoryAndExitCode() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession host = HostSession.withHelper(s)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();

      CommandResult streams =
          host.appbox("run", box, "--", "host-exec", "sh", "-c", "echo out; echo err >&2; exit 7");
      assertThat(streams).exitedWith(7);
      assertThat(streams.stdout()).isEqualTo("out\n");
      assertThat(streams.stderr()).isEqualTo("err\n");

      CommandResult stdin =
          host.appboxWithInput("a line\n".getBytes(), "run", box, "--", "host-exec", "cat");
      assertThat(stdin).succeeded();
      assertThat(stdin.stdout()).isEqualTo("a line\n");

      // Only the host sees the file: the box's /tmp is its own.
      String marker =
          "/tmp/appbox-e2e-host-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
      try {
        assertThat(host.appbox("run", box, "--", "host-exec", "touch", marker)).succeeded();
        assertThat(Path.of(marker)).exists();
        assertThat(s.appbox("run", box, "--", "test", "-e", marker)).exitedWith(1);
      } finally {
        Files.deleteIfExists(Path.of(marker));
      }

      // Arguments arrive byte for byte: what printf prints on the host is what it prints in the
      // box. The box's shell makes the bytes no Java string can hold.
      String args =
          "printf '[%s]\\n' 'two words' '' \"q'\\\"\" \"$(printf 'line\\nbreak')\""
              + " \"$(printf '\\377\\376')\" '$HOME' '*' | od -An -tx1";
      CommandResult inBox = s.appbox("run", box, "--", "sh", "-c", args);
      CommandResult onHost =
          host.appbox(
              "run", box, "--", "sh", "-c", args.replace("printf '[", "host-exec printf '["));
      assertThat(inBox).succeeded();
      assertThat(onHost).succeeded();
      assertThat(onHost.stdout()).isEqualTo(inBox.stdout()).contains("ff fe");

      // The same directory when the host has it, else the home.
      s.write("a project/.keep", "");
      Path project = s.home().resolve("a project");
      CommandResult here =
          host.appbox(
              "run", box, "--", "sh", "-c", "cd \"$1\" && host-exec pwd", "sh", project.toString());
      assertThat(here).succeeded();
      assertThat(here.stdout().strip()).isEqualTo(project.toString());
      CommandResult boxOnly =
          host.appbox(
              "run",
              box,
              "--",
              "sh",
              "-c",
              "mkdir -p /tmp/box-only && cd /tmp/box-only && host-exec pwd");
      assertThat(boxOnly).succeeded();
      assertThat(boxOnly.stdout().strip()).isEqualTo(s.home().toString());

      // The caller's variables come along, the box's own stay in the box.
      CommandResult env =
          host.appbox(
              "run",
              box,
              "--",
              "sh",
              "-c",
              "E2E_VAR='x y' host-exec sh -c 'echo \"$E2E_VAR|${APPBOX_BOX-none}|${container-none}\"'");
      assertThat(env).succeeded();
      assertThat(env.stdout()).isEqualTo("x y|none|none\n");
      // Closed standard streams become /dev/null for the program, never the bus's socket.
      assertThat(host.appbox("run", box, "--", "sh", "-c", "host-exec sh -c 'exit 3' <&- >&-"))
          .exitedWith(3);

      // A signal ends the program as the shell would say it; a missing program is 127.
      assertThat(host.appbox("run", box, "--", "host-exec", "sh", "-c", "kill -TERM $$"))
          .exitedWith(143);
      CommandResult missing = host.appbox("run", box, "--", "host-exec", "no-such-program-e2e");
      assertThat(missing).exitedWith(127);
      assertThat(missing.stderr()).contains("no-such-program-e2e: not found on the host");
    }
  }

  @Test
  void anInteractiveHostShellHasJobControl() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession host = HostSession.withHelper(s)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      EnterTest.Tmux tmux = new EnterTest.Tmux(s);
      try {
        tmux.start("env TERM=xterm bash --norc --noprofile");
        tmux.type("PS1='outer$ '");
        tmux.waitFor("^outer\\$ $", 20);
        tmux.type(
            "DBUS_SESSION_BUS_ADDRESS="
                + host.address()
                + " "
                + TestEnvironment.appbox()
                + " "
                + String.join(" ", s.engineFlag())
                + " run "
                + box
                + " -- host-exec bash --norc --noprofile -i");
        tmux.waitFor("^bash-[0-9.]+\\$ $", 60);
        tmux.type("PS1='host-$((6*7))$ '");
        tmux.waitFor("^host-42\\$ $", 60);
        tmux.type("sleep 100 &");
        tmux.type("jobs; echo jobs-$((40+3))");
        tmux.waitFor("^\\[1\\]\\+ +Running +sleep 100 &\\s+^jobs-43", 20);
        // A foreground job stopped with Ctrl-Z comes back with fg: the terminal is the shell's.
        tmux.type("sleep 200");
        // Once sleep runs, the host shell has given it the terminal (before exec).
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (s.host("pgrep", "-u", Integer.toString(s.uid()), "-x", "-f", "sleep 200").exitCode()
            != 0) {
          assertThat(System.nanoTime()).as("sleep 200 started on the host").isLessThan(deadline);
          Thread.sleep(50);
        }
        s.host(
            "tmux",
            "-S",
            s.home().resolve(".tmux-e2e").toString(),
            "send-keys",
            "-t",
            "e2e",
            "C-z");
        tmux.waitFor("Stopped +sleep 200", 20);
        // Both jobs killed; bash may still list the stopped one when exit asks (its status is not
        // reaped yet under load), and then refuses the first exit: the jobs are let go first.
        tmux.type("kill -KILL %1 %2; wait; disown -a; exit 5");
        tmux.waitFor("^outer\\$ $", 30);
        tmux.type("echo rc=$?");
        tmux.waitFor("^rc=5$", 20);
      } finally {
        tmux.kill();
      }
    }
  }

  @Test
  void linksAndFilesOpenOnTheHostUnlessTheBoxWasMadeWithNoHostOpen() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession host = HostSession.withHelper(s)) {
      // The host's xdg-open: records what it was asked to open.
      Path opened = s.home().resolve("opened-on-host");
      s.write("fake-host-bin/xdg-open", "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + opened + "'\n");
      Commands.check(List.of("chmod", "755", host.bin().resolve("xdg-open").toString()));

      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      assertThat(host.appbox("run", box, "--", "xdg-open", "https://example.org/")).succeeded();
      assertThat(Files.readString(opened)).isEqualTo("https://example.org/\n");
      // A login shell's $BROWSER hands over the same way.
      CommandResult browser =
          host.appbox("run", box, "--", "sh", "-lc", "exec \"$BROWSER\" https://example.org/b");
      assertThat(browser).succeeded();
      assertThat(Files.readString(opened)).endsWith("https://example.org/b\n");

      String own = s.newBox();
      assertThat(s.appbox("create", own, "--no-host-open")).succeeded();
      assertThat(
              s.engineCli(
                      "inspect",
                      "--format",
                      "{{index .Config.Labels \"io.appbox.host-open\"}}",
                      own)
                  .stdout()
                  .strip())
          .isEqualTo("false");
      new BoxFixture(s, own)
          .write("/usr/bin/xdg-open", "#!/bin/sh\necho box-opens \"$1\"\n", "755");
      CommandResult inBox = host.appbox("run", own, "--", "xdg-open", "https://example.org/c");
      assertThat(inBox).succeeded();
      assertThat(inBox.stdout()).isEqualTo("box-opens https://example.org/c\n");
      assertThat(Files.readString(opened)).doesNotContain("example.org/c");
      // host-exec is there all the same.
      assertThat(host.appbox("run", own, "--", "host-exec", "true")).succeeded();
    }
  }

  @Test
  void aSignalToHostExecReachesTheHostProgram() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession host = HostSession.withHelper(s)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      String sleep = "sleep 271" + ThreadLocalRandom.current().nextInt(1000, 10000);
      List<String> argv = new java.util.ArrayList<>(List.of(TestEnvironment.appbox().toString()));
      argv.addAll(s.engineFlag());
      argv.addAll(List.of("run", box, "--", "host-exec", "sh", "-c", "exec " + sleep));
      Process running =
          s.startProgram(
              s.home().resolve("signal.out"), s.home().resolve("signal.err"), host.env(), argv);
      try {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!onHost(s, sleep)) {
          assertThat(System.nanoTime()).as(sleep + " started on the host").isLessThan(deadline);
          Thread.sleep(50);
        }
        // host-exec runs in the box, a descendant of appbox run (the box shares the host's PIDs).
        ProcessHandle hostExec =
            running
                .toHandle()
                .descendants()
                .filter(h -> h.info().command().map(c -> c.endsWith("/host-exec")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no host-exec under appbox run"));
        Commands.check(List.of("kill", "-TERM", Long.toString(hostExec.pid())));
        assertThat(running.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as("SIGTERM, as a shell says it").isEqualTo(143);
        assertThat(onHost(s, sleep)).as("the host program ended with it").isFalse();
      } finally {
        running.toHandle().descendants().forEach(ProcessHandle::destroy);
        running.destroy();
      }
    }
  }

  private static boolean onHost(Sandbox s, String command) {
    return s.host("pgrep", "-u", Integer.toString(s.uid()), "-x", "-f", command).exitCode() == 0;
  }

  @Test
  void withoutTheSessionHelperItExits4SayingWhatIsMissing() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN);
        HostSession bare = HostSession.withoutHelper(s)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box)).succeeded();
      CommandResult noHelper = bare.appbox("run", box, "--", "host-exec", "true");
      assertThat(noHelper).exitedWith(4);
      assertThat(noHelper.stderr()).startsWith(NO_PORTAL);
      CommandResult noBus = s.appbox("run", box, "--", "host-exec", "true");
      assertThat(noBus).exitedWith(4);
      assertThat(noBus.stderr()).startsWith(NO_PORTAL);
    }
  }
}
