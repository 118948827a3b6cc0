package io.appbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One test's world: a user (root, or the test user for rootless Podman) with a fresh temporary HOME
 * and XDG directories, an engine, and the boxes the test made, removed afterwards.
 */
final class Sandbox implements AutoCloseable {
  final Engine engine;
  private final Path home;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> boxes = new ArrayList<>();

  private Sandbox(Engine engine, Path home) {
    this.engine = engine;
    this.home = home;
  }

  static Sandbox on(Engine engine) {
    try {
      Path home = Files.createTempDirectory("appbox-e2e-home-");
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
      Sandbox s = new Sandbox(engine, home);
      s.init();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void init() throws IOException {
    String user = engine.rootless ? TestEnvironment.testUser() : "root";
    env.put("HOME", home.toString());
    env.put("USER", user);
    env.put("LOGNAME", user);
    env.put("PATH", home + "/.local/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    env.put("LANG", "C.UTF-8");
    env.put("CONTAINERS_CONF", TestEnvironment.containersConf());
    if (engine.rootless) {
      env.put("XDG_RUNTIME_DIR", TestEnvironment.runtimeDir());
      env.put("CONTAINERS_STORAGE_CONF", TestEnvironment.storageConf());
      Commands.check(List.of("chown", TestEnvironment.testUser() + ":", home.toString()));
    } else {
      Path runtime = home.resolve(".run");
      Files.createDirectories(runtime);
      Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
      env.put("XDG_RUNTIME_DIR", runtime.toString());
    }
  }

  Path home() {
    return home;
  }

  Map<String, String> env() {
    return env;
  }

  /** The user appbox runs as here. */
  String user() {
    return env.get("USER");
  }

  /** The user's runtime directory ($XDG_RUNTIME_DIR) as appbox sees it. */
  String runtimeDir() {
    return env.get("XDG_RUNTIME_DIR");
  }

  int uid() {
    return engine.rootless ? TestEnvironment.testUid() : 0;
  }

  /** A box name no other test uses; removed when the test ends. */
  String newBox() {
    String name = "e2e-" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
    boxes.add(name);
    return name;
  }

  /** A box name the test chose; removed when the test ends. */
  String boxNamed(String name) {
    boxes.add(name);
    return name;
  }

  /** The engine flag that selects this sandbox's engine. */
  List<String> engineFlag() {
    return List.of("--engine", engine.program);
  }

  /** Runs the built appbox as this sandbox's user; the engine is chosen with --engine. */
  CommandResult appbox(String... args) {
    return appboxWithInput(null, args);
  }

  CommandResult appboxWithInput(byte[] stdin, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(TestEnvironment.appbox().toString());
    argv.addAll(engineFlag());
    argv.addAll(Arrays.asList(args));
    return as(argv, stdin, 900);
  }

  /** Runs appbox without choosing the engine: the locator's own order decides. */
  CommandResult appboxRaw(Map<String, String> extraEnv, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(TestEnvironment.appbox().toString());
    argv.addAll(Arrays.asList(args));
    return as(argv, null, 300, extraEnv);
  }

  /** Runs a host program as this sandbox's user, with its environment. */
  CommandResult host(String... argv) {
    return as(Arrays.asList(argv), null, 300);
  }

  CommandResult hostWithInput(byte[] stdin, String... argv) {
    return as(Arrays.asList(argv), stdin, 300);
  }

  /** The engine's own command line, as this user: what `podman ps` would tell them. */
  CommandResult engineCli(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(engine.program);
    argv.addAll(Arrays.asList(args));
    return as(argv, null, 300);
  }

  List<String> containerNames() {
    CommandResult r = engineCli("ps", "-a", "--format", "{{.Names}}");
    if (r.exitCode() != 0) {
      throw new AssertionError("cannot list containers: " + r);
    }
    return r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  CommandResult as(List<String> argv, byte[] stdin, long timeout) {
    return as(argv, stdin, timeout, Map.of());
  }

  CommandResult as(List<String> argv, byte[] stdin, long timeout, Map<String, String> extraEnv) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putAll(extraEnv);
    all.values().removeIf(v -> v == null);
    // Every command starts in the sandbox's HOME, as a user's terminal would.
    List<String> full =
        new ArrayList<>(
            List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "cd", home.toString()));
    if (!engine.rootless) {
      full.addAll(argv);
      return Commands.run(full, all, stdin, timeout);
    }
    full.addAll(List.of("runuser", "-u", TestEnvironment.testUser(), "--", "env", "-i"));
    all.forEach((k, v) -> full.add(k + "=" + v));
    full.addAll(argv);
    return Commands.run(full, Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"), stdin, timeout);
  }

  /**
   * Starts the built appbox as this sandbox's user and returns at once, its output going to {@code
   * out} and {@code err}: for a test that signals it mid-way.
   */
  Process start(Path out, Path err, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(TestEnvironment.appbox().toString());
    argv.addAll(engineFlag());
    argv.addAll(Arrays.asList(args));
    return startProgram(out, err, Map.of(), argv);
  }

  /** Starts a host program as this sandbox's user, with its environment, and returns at once. */
  Process startProgram(Path out, Path err, Map<String, String> extraEnv, List<String> argv) {
    Map<String, String> all = new LinkedHashMap<>(env);
    all.putAll(extraEnv);
    all.values().removeIf(v -> v == null);
    List<String> full =
        new ArrayList<>(
            List.of("sh", "-c", "cd \"$1\" && shift && exec \"$@\"", "cd", home.toString()));
    ProcessBuilder pb = new ProcessBuilder();
    pb.environment().clear();
    if (engine.rootless) {
      full.addAll(List.of("runuser", "-u", TestEnvironment.testUser(), "--", "env", "-i"));
      all.forEach((k, v) -> full.add(k + "=" + v));
      pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    } else {
      pb.environment().putAll(all);
    }
    // Signals at their defaults, as from a terminal, whatever this test run inherited: under
    // nohup SIGHUP is ignored, and so, by every JVM and shell started from it, never handled.
    full.add("env");
    full.add("--default-signal");
    full.addAll(argv);
    try {
      return pb.command(full)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM of an appbox this sandbox started: the process itself, or the one runuser runs. */
  static ProcessHandle javaOf(Process started) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(started.toHandle()), started.toHandle().descendants())
        .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no java process under " + started.pid()));
  }

  void write(String relative, String content) {
    try {
      Path file = home.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      if (engine.rootless) {
        Commands.check(List.of("chown", "-R", TestEnvironment.testUser() + ":", home.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (String box : boxes) {
      engineCli("rm", "-f", box);
    }
    Commands.run(List.of("rm", "-rf", home.toString()), null, null, 120);
  }
}
