package io.appbox.runtime.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A process that looks to appbox-enter like a rootful box's first process, without an engine: a
 * mount namespace of its own whose /etc/hosts is mounted from a directory named by a container id,
 * as the engines mount theirs. Its root is the host's, so what runs "in" it writes host files the
 * test can check. Needs root (unshare, mount), as the test run has.
 */
final class FakeBox implements AutoCloseable {
  final String id;
  final Process process;
  final Path userdata;

  private FakeBox(String id, Process process, Path userdata) {
    this.id = id;
    this.process = process;
    this.userdata = userdata;
  }

  static String randomId() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A fake box; {@code capabilities} (setpriv's list, e.g. "-all,+cap_sys_chroot") or null. */
  static FakeBox start(Path dir, String capabilities) throws IOException, InterruptedException {
    String id = randomId();
    Path userdata =
        Files.createDirectories(dir.resolve("containers").resolve(id).resolve("userdata"));
    Files.writeString(userdata.resolve("hosts"), "127.0.0.1 localhost\n", StandardCharsets.UTF_8);
    // The mount needs root's capabilities, so the box's narrower set comes after it.
    String drop =
        capabilities == null
            ? ""
            : "setpriv --bounding-set=" + capabilities + " --inh-caps=-all -- ";
    List<String> argv =
        List.of(
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            "mount --bind \"$1\" /etc/hosts && exec " + drop + "sleep 600",
            "fake-box",
            userdata.resolve("hosts").toString());
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    FakeBox box = new FakeBox(id, p, userdata);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "the fake box did not start: "
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
      if (Files.readString(Path.of("/proc", Long.toString(p.pid()), "mountinfo")).contains(id)
          && Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"))
              .startsWith("sleep")) {
        return box;
      }
      Thread.sleep(20);
    }
    box.close();
    throw new IllegalStateException("the fake box never mounted its /etc/hosts");
  }

  long pid() {
    return process.pid();
  }

  String mountNamespace() {
    return BoxProcessCache.mountNamespace(pid()).orElseThrow();
  }

  String startTime() {
    return BoxProcessCache.startTime(pid()).orElseThrow();
  }

  /** The cache line that names this box truthfully. */
  String cacheLine(String home, String name) {
    return String.join(
            " ",
            Long.toString(pid()),
            mountNamespace(),
            home,
            "0",
            name,
            id,
            startTime(),
            BoxProcessCache.bootId().orElseThrow())
        + "\n";
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
