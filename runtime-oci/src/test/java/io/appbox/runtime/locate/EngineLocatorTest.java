package io.appbox.runtime.locate;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.runtime.api.EngineTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine an earlier command found is taken without asking it only while it is the one the
 * locator would ask first: another socket named first, another engine wanted or its socket gone
 * send appbox through the locator.
 */
class EngineLocatorTest {
  @TempDir Path run;
  private Path socket;
  private int me;
  private EngineInfo known;

  @BeforeEach
  void aRootlessPodmanSocket() throws Exception {
    socket = Files.createDirectories(run.resolve("podman")).resolve("podman.sock");
    Files.writeString(socket, "");
    // The rootless socket is looked for only by a user; root plays one, owning the socket.
    me = (Integer) Files.getAttribute(run, "unix:uid");
    if (me == 0) {
      me = 4242;
      Files.setAttribute(socket, "unix:uid", me);
    }
    known = new EngineInfo(EngineKind.PODMAN, true, socket, "5.4.2", Optional.empty());
  }

  private EngineLocator locator(Map<String, String> env, Optional<EngineKind> wanted) {
    return new EngineLocator(env, me, wanted, Optional.empty(), EngineTimeouts.DEFAULTS);
  }

  @Test
  void theEngineAtTheFirstSocketIsTakenAsItWasWithoutAskingIt() {
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", run.toString(), "PATH", "/nonexistent");

    EngineInfo info = locator(env, Optional.empty()).remembered(known).orElseThrow().info();

    assertThat(info.kind()).isEqualTo(EngineKind.PODMAN);
    assertThat(info.version()).isEqualTo("5.4.2");
    assertThat(info.endpoint()).isEqualTo(socket);
    assertThat(info.rootless()).isTrue();
    assertThat(locator(env, Optional.of(EngineKind.PODMAN)).remembered(known)).isPresent();
  }

  @Test
  void anotherSocketAskedFirstAnotherEngineWantedOrTheSocketGoneAreAskedAbout() throws Exception {
    Path other = Files.writeString(run.resolve("other.sock"), "");
    Map<String, String> env = Map.of("XDG_RUNTIME_DIR", run.toString());

    assertThat(
            locator(
                    Map.of("XDG_RUNTIME_DIR", run.toString(), "CONTAINER_HOST", "unix://" + other),
                    Optional.empty())
                .remembered(known))
        .isEmpty();
    assertThat(locator(env, Optional.of(EngineKind.DOCKER)).remembered(known)).isEmpty();
    Files.delete(socket);
    assertThat(locator(env, Optional.empty()).remembered(known)).isEmpty();
  }
}
