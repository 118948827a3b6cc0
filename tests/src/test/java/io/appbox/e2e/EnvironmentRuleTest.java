package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One environment rule for every way into a box: the same hostile session, passed through `appbox
 * run` without a JVM and through it, an exported launcher, and the engine's exec that appbox and
 * launchers fall back to, reaches the command the same; and the engine's exec never shows a value
 * on its command line, which every local user can read.
 */
class EnvironmentRuleTest {
  private static final String SECRET =
      "e2e-secret-" + Long.toHexString(ThreadLocalRandom.current().nextLong());

  /** A session with what must stay on the host and what must not. */
  private static Map<String, String> hostile(Sandbox s) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_SECRET_ACCESS_KEY", SECRET);
    env.put("DISPLAY", ":42");
    env.put("LD_LIBRARY_PATH", "/nonexistent/host/lib");
    env.put("LD_BIND_NOW", "1");
    env.put("BASH_FUNC_e2e%%", "() { echo owned; }");
    env.put("JAVA_HOME", "/usr/lib/jvm/host-only");
    env.put("CLASSPATH", "/host/only.jar");
    env.put("HOSTNAME", "the-host");
    return env;
  }

  private static final List<String> SET =
      List.of("HOME", "USER", "LOGNAME", "PATH", "APPBOX_BOX", "container");

  /** What the command saw of the names that matter, from `env`'s output. */
  private static Map<String, String> seen(CommandResult r, Map<String, String> hostile, Sandbox s) {
    assertThat(r).succeeded();
    Map<String, String> all = new TreeMap<>();
    r.stdout()
        .lines()
        .filter(l -> l.contains("="))
        .forEach(l -> all.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    List<String> names = new ArrayList<>(hostile.keySet());
    names.addAll(SET);
    names.addAll(s.env().keySet());
    // The one variable the sudo -E case changes on purpose.
    names.remove("XDG_RUNTIME_DIR");
    // The host's HOSTNAME never passes; Docker's exec sets the box's own, the namespace path none.
    assertThat(all.get("HOSTNAME")).as("HOSTNAME in " + r).isNotEqualTo("the-host");
    names.remove("HOSTNAME");
    Map<String, String> out = new TreeMap<>();
    names.stream().filter(all::containsKey).forEach(n -> out.put(n, all.get(n)));
    return out;
  }

  private static void theRule(Map<String, String> env, Sandbox s) {
    assertThat(env)
        .containsEntry("AWS_SECRET_ACCESS_KEY", SECRET)
        .containsEntry("DISPLAY", ":42")
        .containsEntry("LANG", "C.UTF-8")
        .containsEntry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        .containsEntry("container", "appbox")
        .doesNotContainKeys(
            "LD_LIBRARY_PATH",
            "LD_BIND_NOW",
            "BASH_FUNC_e2e%%",
            "JAVA_HOME",
            "CLASSPATH",
            "HOSTNAME",
            "CONTAINERS_CONF",
            "CONTAINERS_STORAGE_CONF");
  }

  @Test
  void everyWayIntoARootlessBoxPassesTheSameEnvironment() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/env", "--as", "env-" + box)
                  .exitCode())
          .isZero();
      Map<String, String> h = hostile(s);
      List<String> flags = s.engineFlag();
      Map<String, String> fast =
          seen(s.appboxRaw(h, flags.get(0), flags.get(1), "run", box, "--", "env"), h, s);
      Map<String, String> jvm =
          seen(s.appboxRaw(h, "-v", flags.get(0), flags.get(1), "run", box, "--", "env"), h, s);
      Map<String, String> launcher =
          seen(s.as(List.of(s.home() + "/.local/bin/env-" + box), null, 120, h), h, s);
      theRule(fast, s);
      assertThat(jvm).isEqualTo(fast);
      assertThat(launcher).isEqualTo(fast);
    }
  }

  @Test
  void everyWayIntoARootfulBoxPassesTheSameEnvironmentAndTheEnginesExecShowsNoValue()
      throws Exception {
    try (Sandbox user = Sandbox.on(Engine.ROOTLESS_PODMAN);
        Sandbox s = Sandbox.on(Engine.DOCKER)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      assertThat(
              s.appbox("export", "--box", box, "--bin", "/usr/bin/env", "--as", "env-" + box)
                  .exitCode())
          .isZero();
      Map<String, String> h = hostile(s);
      Map<String, String> fast =
          seen(s.appboxRaw(h, "--engine", "docker", "run", box, "--", "env"), h, s);
      Map<String, String> jvm =
          seen(s.appboxRaw(h, "-v", "--engine", "docker", "run", box, "--", "env"), h, s);
      Path launcher = s.home().resolve(".local/bin/env-" + box);
      Map<String, String> launched = seen(s.as(List.of(launcher.toString()), null, 120, h), h, s);

      // sudo -E: root's runtime directory and home are the user's, so no cache is trusted and
      // appbox goes through the engine's exec.
      Map<String, String> sudoE = new LinkedHashMap<>(h);
      sudoE.put("XDG_RUNTIME_DIR", user.home().toString());
      sudoE.put("HOME", user.home().toString());
      CommandResult viaEngine =
          s.appboxRaw(sudoE, "-v", "--engine", "docker", "run", box, "--", "env");
      assertThat(viaEngine.stderr()).contains("through the engine's exec");
      Map<String, String> engine = seen(viaEngine, h, s);

      // A launcher whose runtime directory others could write goes to the engine too.
      Path boxes = Path.of(s.env().get("XDG_RUNTIME_DIR"), "appbox/boxes");
      Commands.check(List.of("chmod", "g+w", boxes.toString()));
      Map<String, String> launcherViaEngine =
          seen(s.as(List.of(launcher.toString()), null, 120, h), h, s);
      Commands.check(List.of("chmod", "g-w", boxes.toString()));

      theRule(fast, s);
      assertThat(jvm).isEqualTo(fast);
      assertThat(launched).isEqualTo(fast);
      assertThat(engine).isEqualTo(fast);
      assertThat(launcherViaEngine).isEqualTo(fast);

      // A session through the engine's exec, watched with ps while it runs.
      // Seconds no other process on the machine is given: how this test finds its own.
      int unique = ThreadLocalRandom.current().nextInt(100000, 999999);
      for (List<String> way :
          List.of(
              List.of(
                  TestEnvironment.appbox().toString(),
                  "--engine",
                  "docker",
                  "run",
                  box,
                  "--",
                  "sleep",
                  "4243." + unique),
              List.of(launcher.toString(), "sleep", "4244." + unique))) {
        Map<String, String> env = new LinkedHashMap<>(h);
        if (way.get(0).endsWith("bin/appbox")) {
          env.putAll(
              Map.of("XDG_RUNTIME_DIR", user.home().toString(), "HOME", user.home().toString()));
        } else {
          Commands.check(List.of("chmod", "g+w", boxes.toString()));
        }
        String seconds = way.get(way.size() - 1);
        Process p =
            s.startProgram(s.home().resolve("ps.out"), s.home().resolve("ps.err"), env, way);
        try {
          List<HostProcesses.Running> exec =
              HostProcesses.await(
                  argv ->
                      argv.get(0).endsWith("docker")
                          && argv.contains("exec")
                          && argv.contains(seconds),
                  60);
          assertThat(exec).as("the engine's exec runs " + way).isNotEmpty();
          assertThat(String.join(" ", exec.get(0).argv()))
              .contains("--env AWS_SECRET_ACCESS_KEY")
              .doesNotContain(SECRET);
          assertThat(exec.get(0).environ()).contains("AWS_SECRET_ACCESS_KEY=" + SECRET);
        } finally {
          p.destroyForcibly();
          // This test's own: the engine's program and the sleep it started, which outlive p.
          HostProcesses.matching(argv -> argv.contains(seconds))
              .forEach(r -> ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly));
          Commands.check(List.of("chmod", "g-w", boxes.toString()));
        }
      }
    }
  }
}
