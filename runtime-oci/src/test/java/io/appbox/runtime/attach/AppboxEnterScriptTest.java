package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.box.SessionEnvironment;
import io.appbox.core.engine.AttachedCommand;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.host.HostUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enter script, run by a real sh into a fake rootful box ({@link FakeBox}): it enters only with
 * a cache nobody else could have written that still names the same process of the same container,
 * gives the command no more than the box's capabilities, and passes the environment by the one
 * rule. A cache it refuses runs nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppboxEnterScriptTest {
  private static final String NARROW = "-all,+chown,+setuid,+sys_chroot";

  @TempDir Path dir;
  private FakeBox box;
  private FakeBox other;
  private Path script;
  private Path runtime;
  private Path cache;
  private Path ran;

  @BeforeAll
  void startBoxes(@TempDir Path boxes) throws Exception {
    box = FakeBox.start(boxes, NARROW);
    other = FakeBox.start(boxes, null);
  }

  @AfterAll
  void stopBoxes() {
    box.close();
    other.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    script = dir.resolve("appbox-enter");
    try (var in = NamespaceEntry.class.getResourceAsStream("appbox-enter")) {
      Files.write(script, in.readAllBytes());
    }
    runtime = privateDir(dir.resolve("run"));
    Path boxes =
        privateDir(
            privateDir(privateDir(runtime.resolve("appbox")).resolve("boxes")).resolve("docker"));
    cache = boxes.resolve("dev");
    write(cache, box.cacheLine(dir.toString(), "dev"));
    ran = dir.resolve("ran");
  }

  private static Path privateDir(Path p) throws IOException {
    Files.createDirectories(p);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  private static void write(Path file, String line) throws IOException {
    Files.writeString(file, line, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private Process run(Map<String, String> env, String... command) throws IOException {
    List<String> argv = new ArrayList<>(List.of("sh", script.toString(), cache.toString(), "0"));
    argv.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb.start();
  }

  private int touch() throws Exception {
    Process p = run(Map.of("PATH", "/usr/bin:/bin"), "touch", ran.toString());
    p.getInputStream().readAllBytes();
    return p.waitFor();
  }

  @Test
  void aTrustedCacheOfTheRunningBoxIsEntered() throws Exception {
    assertThat(touch()).isZero();
    assertThat(ran).exists();
  }

  /** A way the cache can be wrong, and how the test makes it so. */
  record Tamper(String what, Change change) {
    @Override
    public String toString() {
      return what;
    }
  }

  interface Change {
    void apply(AppboxEnterScriptTest t) throws Exception;
  }

  Stream<Tamper> tampered() {
    return Stream.of(
        new Tamper("missing", t -> Files.delete(t.cache)),
        new Tamper("owned by someone else", t -> Files.setAttribute(t.cache, "unix:uid", 4343)),
        new Tamper(
            "writable by its group",
            t ->
                Files.setPosixFilePermissions(
                    t.cache, PosixFilePermissions.fromString("rw-rw----"))),
        new Tamper(
            "a symbolic link to a good cache",
            t -> {
              Path real = t.dir.resolve("elsewhere");
              Files.move(t.cache, real);
              Files.createSymbolicLink(t.cache, real);
            }),
        new Tamper(
            "in an engine directory others can write",
            t ->
                Files.setPosixFilePermissions(
                    t.cache.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"))),
        new Tamper(
            "in an engine directory that is a link",
            t -> {
              Path real = t.dir.resolve("docker-real");
              Files.move(t.cache.getParent(), real);
              Files.createSymbolicLink(t.cache.getParent(), real);
            }),
        new Tamper(
            "in a runtime directory of someone else",
            t -> Files.setAttribute(t.runtime, "unix:uid", 4343)),
        new Tamper(
            "in a runtime directory others can write",
            t ->
                Files.setPosixFilePermissions(
                    t.runtime, PosixFilePermissions.fromString("rwxrwxrwx"))),
        new Tamper(
            "naming another container (a stale cache: PID and namespace reused)",
            t -> t.rewrite(5, FakeBox.randomId())),
        new Tamper(
            "naming the process another container runs",
            t ->
                write(
                    t.cache,
                    t.other.cacheLine(t.dir.toString(), "dev").replace(t.other.id, t.box.id))),
        new Tamper("from another start of the process", t -> t.rewrite(6, "1")),
        new Tamper("from another boot", t -> t.rewrite(7, "00000000-0000-0000-0000-000000000000")),
        new Tamper("of another mount namespace", t -> t.rewrite(1, "mnt:[1]")),
        new Tamper(
            "of the old format, without the identity",
            t -> write(t.cache, String.join(" ", t.fields().subList(0, 5)) + "\n")),
        new Tamper("garbage", t -> write(t.cache, "$(touch " + t.ran + ") x y 1 dev\n")));
  }

  private List<String> fields() throws IOException {
    return Arrays.asList(Files.readString(cache).strip().split(" "));
  }

  private void rewrite(int field, String value) throws IOException {
    List<String> f = new ArrayList<>(fields());
    f.set(field, value);
    write(cache, String.join(" ", f) + "\n");
  }

  @ParameterizedTest(name = "a cache {0} runs nothing")
  @MethodSource("tampered")
  void aCacheItCannotTrustRunsNothing(Tamper tamper) throws Exception {
    tamper.change().apply(this);
    Process p = run(Map.of("PATH", "/usr/bin:/bin"), "touch", ran.toString());
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isEqualTo(125);
    assertThat(out).contains("the box's process is gone");
    assertThat(ran).doesNotExist();
  }

  @Test
  void aRootCommandHasTheBoxsCapabilitiesNotRootsOutside() throws Exception {
    Process p = run(Map.of(), "/bin/sh", "-c", "grep -E '^Cap(Eff|Bnd)' /proc/self/status");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    String boxSet = BoxCapabilities.boundingSet(box.pid()).orElseThrow().toString(16);
    assertThat(out)
        .as("CAP_CHOWN, CAP_SETUID, CAP_SYS_CHROOT, as the box has")
        .contains("CapEff:\t" + "0".repeat(16 - boxSet.length()) + boxSet)
        .contains("CapBnd:\t" + "0".repeat(16 - boxSet.length()) + boxSet);
    assertThat(boxSet).isEqualTo(Long.toHexString((1L << 0) | (1L << 7) | (1L << 18)));
  }

  /** A hostile environment, as a user's session may carry. */
  static Map<String, String> hostile(Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("LD_AUDIT", dir.resolve("audit.so").toString());
    env.put("LD_LIBRARY_PATH", "/opt/host/lib");
    env.put("BASH_FUNC_ls%%", "() { echo owned; }");
    env.put("JAVA_HOME", "/usr/lib/jvm/host");
    env.put("CONTAINERS_STORAGE_CONF", "/etc/host-storage.conf");
    env.put("DOCKER_CONFIG", "/root/.docker");
    env.put("CONTAINER_HOST", "unix:///run/podman/podman.sock");
    env.put("HOSTNAME", "host");
    env.put("AWS_SECRET_ACCESS_KEY", "s3cr3t value with spaces");
    env.put("DISPLAY", ":0");
    env.put("LANG", "C.UTF-8");
    env.put("USER", "ann");
    env.put("HOME", "/home/ann");
    env.put("APPBOX_BOX", "outer");
    return env;
  }

  /** What a command sees of these names, as `env` prints them. */
  private static Map<String, String> seen(String envOutput, Iterable<String> names) {
    Map<String, String> all = new TreeMap<>();
    envOutput
        .lines()
        .filter(l -> l.contains("="))
        .forEach(l -> all.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    Map<String, String> out = new TreeMap<>();
    for (String n : names) {
      if (all.containsKey(n)) {
        out.put(n, all.get(n));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "with {0} as sh")
  @MethodSource("shells")
  void theEnterScriptAndTheEnginesExecPassTheSameEnvironment(String shell) throws Exception {
    Map<String, String> env = hostile(dir);
    List<String> argv = new ArrayList<>(List.of(shell, script.toString(), cache.toString(), "0"));
    argv.add("/usr/bin/env");
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();

    List<String> names = new ArrayList<>(env.keySet());
    names.addAll(List.of("container", "LOGNAME"));
    Map<String, String> script = seen(out, names);

    // The engine's exec: what its program is given on the command line (NAME=VALUE) or by name.
    HostUser root = new HostUser("root", 0, 0, "root", Path.of("/root"), "/bin/sh");
    Map<String, String> session = SessionEnvironment.of(env, root, BoxName.of("dev"), dir, false);
    EngineCliExec.Invocation exec =
        EngineCliExec.of(
            new EngineInfo(EngineKind.DOCKER, false, Path.of("/s"), "1", Optional.empty()),
            Path.of("/usr/bin/docker"),
            new ContainerState(BoxName.of("dev"), box.id, "img", true, "running", 1, Map.of()),
            new AttachedCommand(List.of("env"), "root", session, "/", false, false),
            env);
    Map<String, String> engine = new TreeMap<>();
    List<String> a = exec.argv();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).equals("--env")) {
        String e = a.get(++i);
        engine.put(
            e.contains("=") ? e.substring(0, e.indexOf('=')) : e,
            e.contains("=") ? e.substring(e.indexOf('=') + 1) : exec.environment().get(e));
      }
    }
    engine.keySet().retainAll(names);

    assertThat(script).isEqualTo(engine);
    assertThat(script)
        .containsEntry("AWS_SECRET_ACCESS_KEY", "s3cr3t value with spaces")
        .containsEntry("DISPLAY", ":0")
        .containsEntry("HOME", dir.toString())
        .containsEntry("USER", "ann")
        .containsEntry("APPBOX_BOX", "dev")
        .containsEntry("container", "appbox")
        .containsEntry("PATH", SessionEnvironment.BOX_PATH)
        .doesNotContainKeys(
            "LD_AUDIT",
            "LD_LIBRARY_PATH",
            "BASH_FUNC_ls%%",
            "JAVA_HOME",
            "CONTAINERS_STORAGE_CONF",
            "DOCKER_CONFIG",
            "CONTAINER_HOST",
            "HOSTNAME");
  }

  static Stream<String> shells() {
    // dash drops what is not a name (BASH_FUNC_ls%%) itself; bash, /bin/sh elsewhere, passes it on.
    return Stream.of("/bin/dash", "/bin/bash");
  }

  @Test
  void theScriptsRuleIsSessionEnvironmentsRule() throws IOException {
    String text = Files.readString(script);
    int start = text.indexOf("_ab_host_only='") + "_ab_host_only='".length();
    String list = text.substring(start, text.indexOf('\'', start));
    assertThat(Arrays.stream(list.split("\\s+")).filter(s -> !s.isEmpty()).toList())
        .isEqualTo(SessionEnvironment.HOST_ONLY);
    assertThat(text)
        .contains(
            "'' | "
                + SessionEnvironment.SET_BY_APPBOX.stream()
                    .filter(n -> !n.equals("PATH"))
                    .collect(Collectors.joining(" | "))
                + ") continue");
  }
}
