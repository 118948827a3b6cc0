package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's exec, as every local user sees it in {@code ps}: the running program's command line
 * ({@code /proc/PID/cmdline}) names the session's variables, never their values.
 */
class EngineCliExecTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir Path dir;

  @Test
  void aSecretIsInTheRunningExecsEnvironmentAndNotOnItsCommandLine() throws Exception {
    // The engine's program: stays up, as `docker exec` does for a session.
    Path cli = dir.resolve("docker");
    Files.writeString(cli, "#!/bin/sh\nsleep 600\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
    EngineInfo docker =
        new EngineInfo(
            EngineKind.DOCKER, false, Path.of("/run/docker.sock"), "20", Optional.of(cli));
    ContainerState box =
        new ContainerState(
            BoxName.of("dev"), FakeBox.randomId(), "img", true, "running", 1, Map.of());
    // Not the fast path: no nsenter, so the runner takes the engine's exec.
    NamespaceEntry closed = new NamespaceEntry(docker, 0, Optional.empty(), Optional.empty());
    BoxProcessRunner runner =
        new BoxProcessRunner(
            docker,
            closed,
            new BoxProcessCache(Optional.empty(), 0),
            Map.of("PATH", "/usr/bin:/bin", "AWS_SECRET_ACCESS_KEY", SECRET));
    AttachedCommand enter =
        new AttachedCommand(
            List.of("bash", "-l"),
            "root",
            Map.of("AWS_SECRET_ACCESS_KEY", SECRET, "HOME", "/root"),
            "/root",
            true,
            true);

    Process exec = runner.processFor(box, enter).start();
    try {
      Path proc = Path.of("/proc", Long.toString(exec.pid()));
      String cmdline = "";
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!cmdline.contains("dev") && System.nanoTime() < deadline) {
        cmdline =
            new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        Thread.sleep(20);
      }
      String environ =
          new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8);
      assertThat(cmdline)
          .contains(cli + " exec --interactive --tty --user root --workdir /root")
          .contains(" --env AWS_SECRET_ACCESS_KEY ")
          .contains(" dev bash -l")
          .doesNotContain(SECRET);
      assertThat(environ).contains("AWS_SECRET_ACCESS_KEY=" + SECRET);
    } finally {
      exec.destroyForcibly();
      exec.waitFor();
    }
  }
}
