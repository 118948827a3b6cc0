package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How appbox finds its engine, as a user without a running API service meets it. */
class EngineDiscoveryTest {

  @Test
  void withOnlyThePodmanProgramAppboxStartsAServiceItself() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      s.write("runtime/.keep", "");
      s.host("chmod", "700", s.home() + "/runtime");
      Path runtime = s.home().resolve("runtime");
      Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
      try {
        CommandResult list = s.appboxRaw(env, "-v", "list");
        assertThat(list).succeeded();
        assertThat(list.stderr())
            .contains("using podman-rootless")
            .contains(runtime + "/podman/podman.sock");
        assertThat(runtime.resolve("podman/podman.sock")).exists();
        CommandResult again = s.appboxRaw(env, "--json", "list");
        assertThat(again).succeeded();
      } finally {
        Commands.run(
            java.util.List.of("pkill", "-f", "unix://" + runtime + "/podman/podman.sock"),
            null,
            null,
            30);
      }
    }
  }
}
