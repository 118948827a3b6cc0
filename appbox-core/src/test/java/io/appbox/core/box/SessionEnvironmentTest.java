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
        Map.ofEntries(
            Map.entry("DISPLAY", ":0"),
            Map.entry("WAYLAND_DISPLAY", "wayland-0"),
            Map.entry("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"),
            Map.entry("LANG", "de_DE.UTF-8"),
            Map.entry("PATH", "/home/ann/bin:/usr/bin"),
            Map.entry("LD_PRELOAD", "/x.so"),
            Map.entry("LD_AUDIT", "/y.so"),
            Map.entry("BASH_FUNC_ls%%", "() { rm -rf ~; }"),
            Map.entry("JAVA_HOME", "/usr/lib/jvm/host"),
            Map.entry("CONTAINERS_STORAGE_CONF", "/etc/host.conf"),
            Map.entry("DOCKER_HOST", "unix:///x"),
            Map.entry("USER", "ann"));
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
        .doesNotContainKeys(
            "LD_PRELOAD",
            "LD_AUDIT",
            "BASH_FUNC_ls%%",
            "JAVA_HOME",
            "CONTAINERS_STORAGE_CONF",
            "DOCKER_HOST");
  }

  @Test
  void asRootHomeIsRoots() {
    Map<String, String> env =
        SessionEnvironment.of(Map.of(), user, BoxName.of("dev"), Path.of("/home/ann"), true);
    assertThat(env).containsEntry("HOME", "/root").containsEntry("USER", "root");
  }

  @Test
  void withoutRootTheHomeIsTheBoxsAndTheNamesAreTheSessions() {
    HostUser root = new HostUser("root", 0, 0, "root", Path.of("/root"), "/bin/sh");
    Map<String, String> env =
        SessionEnvironment.of(
            Map.of("USER", "root", "HOME", "/elsewhere"),
            root,
            BoxName.of("dev"),
            Path.of("/srv/home"),
            false);
    assertThat(env).containsEntry("HOME", "/srv/home").containsEntry("USER", "root");
  }
}
