package io.appbox.core.box;

import io.appbox.core.BoxName;
import io.appbox.core.host.HostUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of a command in a box: the user's session passes through (display, sound, bus,
 * language, terminal, and whatever else the user set), minus what only makes sense on the host.
 *
 * <p>This is the one rule for every way into a box. {@code libexec/appbox-enter} applies the same
 * list ({@code _ab_host_only}, kept equal to {@link #HOST_ONLY} by a test) on the namespace path,
 * and its launchers' engine fallback passes the same names; the engine's exec here gets these
 * values.
 */
public final class SessionEnvironment {
  /** The box's own search path; the host's may name directories the box does not have. */
  public static final String BOX_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /**
   * What stays on the host: names, or prefixes ending in {@code *}. The search path is the box's;
   * the dynamic loader's variables ({@code LD_PRELOAD}, {@code LD_AUDIT}, ...) would load host
   * libraries into box programs; exported bash functions are host code; the Java and engine
   * variables name host paths and sockets; the rest is the host shell's own state.
   */
  public static final List<String> HOST_ONLY =
      List.of(
          "PATH",
          "HOSTNAME",
          "PWD",
          "OLDPWD",
          "SHLVL",
          "_",
          "LD_*",
          "BASH_FUNC_*",
          "JAVA_HOME",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS",
          "CLASSPATH",
          "CONTAINER_HOST",
          "CONTAINER_CONNECTION",
          "CONTAINER_SSHKEY",
          "CONTAINERS_*",
          "DOCKER_*",
          "PODMAN_*");

  /** Set by appbox for every command: never taken from the host. */
  public static final List<String> SET_BY_APPBOX =
      List.of("PATH", "HOME", "APPBOX_BOX", "container");

  private SessionEnvironment() {}

  /** Whether a variable of the host stays there. */
  public static boolean hostOnly(String name) {
    for (String rule : HOST_ONLY) {
      if (rule.endsWith("*")
          ? name.startsWith(rule.substring(0, rule.length() - 1))
          : name.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The environment of a command run as the user, or as root ({@code asRoot}, {@code run --root}):
   * HOME, USER and LOGNAME are root's then; otherwise HOME is the box's home and USER and LOGNAME
   * pass through as the session has them.
   */
  public static Map<String, String> of(
      Map<String, String> hostEnv, HostUser user, BoxName box, Path boxHome, boolean asRoot) {
    Map<String, String> env = new TreeMap<>();
    hostEnv.forEach(
        (k, v) -> {
          if (!hostOnly(k) && !SET_BY_APPBOX.contains(k)) {
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
    }
    return env;
  }
}
