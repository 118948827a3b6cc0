package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceEntryTest {
  private static final Optional<Path> NSENTER = Optional.of(Path.of("/usr/bin/nsenter"));
  private static final Optional<Path> SCRIPT =
      Optional.of(Path.of("/opt/appbox/libexec/appbox-enter"));

  private final ContainerState box =
      new ContainerState(BoxName.of("dev"), "id", "img", true, "running", 4242, Map.of());

  private static EngineInfo engine(EngineKind kind, boolean rootless) {
    return new EngineInfo(kind, rootless, Path.of("/s"), "1", Optional.empty());
  }

  @Test
  void theCommandGoesThroughTheEnterScriptUntouched() {
    NamespaceEntry entry =
        new NamespaceEntry(engine(EngineKind.PODMAN, true), 1000, NSENTER, SCRIPT);
    AttachedCommand asUser =
        new AttachedCommand(
            List.of("printf", "%s", "a b", ""), "1000:1000", Map.of(), "/home/ann", false, false);
    assertThat(entry.argv(Path.of("/run/user/1000/appbox/boxes/podman-rootless/dev"), asUser))
        .containsExactly(
            "/bin/sh",
            "/opt/appbox/libexec/appbox-enter",
            "/run/user/1000/appbox/boxes/podman-rootless/dev",
            "0",
            "printf",
            "%s",
            "a b",
            "");
    AttachedCommand asRoot =
        new AttachedCommand(List.of("id"), "root", Map.of(), "/root", false, true);
    assertThat(entry.argv(Path.of("/c"), asRoot)).containsSubsequence("/c", "1", "id");
  }

  @Test
  void appboxsOwnCommandsOnRootlessPodmanJoinTheNamespacesAsTheEnterScriptEndsUpDoing() {
    NamespaceEntry entry =
        new NamespaceEntry(engine(EngineKind.PODMAN, true), 1000, NSENTER, SCRIPT);
    // As the user: its own credentials kept; the arguments untouched after the directory.
    assertThat(entry.direct(4242, false, false, "/home/ann", List.of("rpm", "-q", "a b", "")))
        .contains(
            List.of(
                "/usr/bin/nsenter",
                "--target",
                "4242",
                "--user",
                "--preserve-credentials",
                "--mount",
                "--",
                "/bin/sh",
                "-c",
                NamespaceEntry.CD,
                "appbox-run",
                "/home/ann",
                "rpm",
                "-q",
                "a b",
                ""));
    // As root in the box (the namespace's own root), into an init box's process namespace.
    assertThat(entry.direct(4242, true, true, "/root", List.of("id")).orElseThrow())
        .containsSubsequence("--target", "4242", "--pid", "--user", "--mount", "--")
        .doesNotContain("--preserve-credentials")
        .endsWith("/root", "id");
    // A rootful engine's entry lowers the capabilities: the script does that, not this.
    assertThat(
            new NamespaceEntry(engine(EngineKind.PODMAN, false), 0, NSENTER, SCRIPT)
                .direct(4242, false, true, "/root", List.of("id")))
        .isEmpty();
  }

  @Test
  void theFastPathIsOpenOnlyToTheOwnerOfTheNamespaces() {
    assertThat(new NamespaceEntry(engine(EngineKind.PODMAN, true), 1000, NSENTER, SCRIPT).allowed())
        .isTrue();
    assertThat(new NamespaceEntry(engine(EngineKind.PODMAN, false), 0, NSENTER, SCRIPT).allowed())
        .isTrue();
    assertThat(new NamespaceEntry(engine(EngineKind.DOCKER, false), 0, NSENTER, SCRIPT).allowed())
        .isTrue();
    assertThat(
            new NamespaceEntry(engine(EngineKind.DOCKER, false), 1000, NSENTER, SCRIPT)
                .unavailable(box))
        .contains("the box's namespaces belong to the engine, not to you");
    assertThat(
            new NamespaceEntry(engine(EngineKind.PODMAN, true), 1000, Optional.empty(), SCRIPT)
                .unavailable(box))
        .contains("nsenter is not installed");
    ContainerState stopped =
        new ContainerState(BoxName.of("dev"), "id", "img", false, "exited", 0, Map.of());
    assertThat(
            new NamespaceEntry(engine(EngineKind.PODMAN, false), 0, NSENTER, SCRIPT)
                .unavailable(stopped))
        .contains("the box reports no process");
  }

  @Test
  void theEngineCliFallbackPassesArgumentsUntouchedAndValuesByName() {
    AttachedCommand tty =
        new AttachedCommand(
            List.of("sh", "-c", "echo $1", "x y"),
            "1000:1000",
            Map.of("A", "1", "HOME", "/home/ann"),
            "/w",
            true,
            false);
    EngineCliExec.Invocation exec =
        EngineCliExec.of(
            engine(EngineKind.DOCKER, false),
            Path.of("/usr/bin/docker"),
            box,
            tty,
            Map.of("HOME", "/root", "PATH", "/usr/bin"));
    assertThat(exec.argv())
        .containsExactly(
            "/usr/bin/docker",
            "exec",
            "--interactive",
            "--tty",
            "--user",
            "1000:1000",
            "--workdir",
            "/w",
            "--env",
            "A",
            "--env",
            "HOME=/home/ann",
            "dev",
            "sh",
            "-c",
            "echo $1",
            "x y");
    // The program keeps its own HOME and PATH; the session's values are in its environment.
    assertThat(exec.environment())
        .containsEntry("A", "1")
        .containsEntry("HOME", "/root")
        .containsEntry("PATH", "/usr/bin")
        .containsEntry("DOCKER_HOST", "unix:///s");
  }
}
