package io.appbox.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a sandbox user's commands on the host as an immutable desktop presents it: in a mount
 * namespace of their own, the JDKs under /usr/lib/jvm hidden behind an empty read-only tmpfs (so
 * the {@code java} on PATH leads nowhere), and {@code /} read-only but for the home, the engine's
 * storage, {@code /tmp} and {@code /run}. No JAVA_HOME reaches the user.
 */
final class HostWithoutJava {
  private static final String SETUP =
      String.join(
          "\n",
          "set -e",
          "mount -t tmpfs -o ro,mode=755,size=4k appbox-no-java /usr/lib/jvm",
          "for writable in /tmp /run \"$APPBOX_TEST_WRITABLE\"; do",
          "  mount --bind \"$writable\" \"$writable\"",
          "done",
          "mount -o remount,bind,ro /",
          "shift",
          "exec \"$@\"");

  private final Sandbox sandbox;

  HostWithoutJava(Sandbox sandbox) {
    if (!sandbox.engine.rootless) {
      throw new IllegalArgumentException("a host without Java is tried as a normal user");
    }
    this.sandbox = sandbox;
  }

  /** Runs {@code argv} as the sandbox's user, in the sandbox's home, on that host. */
  CommandResult run(String... argv) {
    List<String> full = new ArrayList<>();
    full.addAll(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", SETUP));
    full.add("setup");
    full.add("-");
    full.addAll(List.of("runuser", "-u", TestEnvironment.testUser(), "--", "env", "-i"));
    sandbox.env().forEach((k, v) -> full.add(k + "=" + v));
    full.addAll(
        List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "cd", sandbox.home().toString()));
    full.addAll(List.of(argv));
    return Commands.run(
        full,
        Map.of(
            "PATH",
            "/usr/sbin:/usr/bin:/sbin:/bin",
            "APPBOX_TEST_WRITABLE",
            TestEnvironment.testUserStorage()),
        null,
        900);
  }

  /** Runs a shell script of the user's, with arguments. */
  CommandResult sh(String script, String... args) {
    List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
    argv.addAll(List.of(args));
    return run(argv.toArray(String[]::new));
  }
}
