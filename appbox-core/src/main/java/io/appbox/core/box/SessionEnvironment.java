package io.appbox.core.box;

import io.appbox.core.BoxName;
import io.appbox.core.host.HostUser;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The environment of a command in a box: the user's session passes through (display, sound, bus,
 * language, terminal), minus what only makes sense on the host.
 */
public final class SessionEnvironment {
  /** The box's own search path; the host's may name directories the box does not have. */
  public static final String BOX_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private static final Set<String> HOST_ONLY =
      Set.of(
          "PATH",
          "HOSTNAME",
          "LD_LIBRARY_PATH",
          "LD_PRELOAD",
          "CONTAINER_HOST",
          "DOCKER_HOST",
          "CONTAINERS_CONF",
          "JAVA_HOME",
          "JAVA_TOOL_OPTIONS",
          "_JAVA_OPTIONS",
          "CLASSPATH",
          "OLDPWD",
          "PWD",
          "SHLVL",
          "_");

  private SessionEnvironment() {}

  public static Map<String, String> of(
      Map<String, String> hostEnv, HostUser user, BoxName box, Path boxHome, boolean asRoot) {
    Map<String, String> env = new TreeMap<>();
    hostEnv.forEach(
        (k, v) -> {
          if (!HOST_ONLY.contains(k) && !k.startsWith("BASH_FUNC_")) {
            env.put(k, v);
          }
        });
    env.put("PATH", BOX_PATH);
    env.put("APPBOX_BOX", box.value());
    env.put("container", "appbox");
    if (asRoot) {
      env.put("HOME", "/root");
      env.put("USER", "root");
      env.put("LOGNAME", "root");
    } else {
      env.put("HOME", boxHome.toString());
      env.put("USER", user.name());
      env.put("LOGNAME", user.name());
    }
    return env;
  }
}
