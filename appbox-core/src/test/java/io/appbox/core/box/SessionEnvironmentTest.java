package io.appbox.core.box;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.host.HostUser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionEnvironmentTest {
  private final HostUser user =
      new HostUser("ann", 1000, 1000, "ann", Path.of("/home/ann"), "/bin/bash");

  @Test
  void theSessionPassesThroughAndHostOnlyVariablesDoNot() {
    Map<String, String> host =
        Map.of(
            "DISPLAY", ":0",
            "WAYLAND_DISPLAY", "wayland-0",
            "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus",
            "LANG", "de_DE.UTF-8",
            "PATH", "/home/ann/bin:/usr/bin",
            "LD_PRELOAD", "/x.so",
            "DOCKER_HOST", "unix:///x");
    Map<String, String> env =
        SessionEnvironment.of(host, user, BoxName.of("dev"), Path.of("/home/ann"), false);
    assertThat(env)
        .containsEntry("DISPLAY", ":0")
        .containsEntry("WAYLAND_DISPLAY", "wayland-0")
        .containsEntry("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
        .containsEntry("LANG", "de_DE.UTF-8")
        .containsEntry("PATH", SessionEnvironment.BOX_PATH)
        .containsEntry("HOME", "/home/ann")
        .containsEntry("USER", "ann")
        .containsEntry("APPBOX_BOX", "dev")
        .doesNotContainKeys("LD_PRELOAD", "DOCKER_HOST");
  }

  @Test
  void asRootHomeIsRoots() {
    Map<String, String> env =
        SessionEnvironment.of(Map.of(), user, BoxName.of("dev"), Path.of("/home/ann"), true);
    assertThat(env).containsEntry("HOME", "/root").containsEntry("USER", "root");
  }
}
