package io.appbox.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A session bus of the sandbox's user, started with {@code dbus-run-session}, with or without
 * Flatpak's real session helper on it: the host side of host-exec. The bus listens in the user's
 * runtime directory, which boxes share, as a desktop session's bus does; the helper runs with
 * {@link #bin} first on its PATH, where a test puts the host programs it wants to watch.
 */
final class HostSession implements AutoCloseable {
  static final String HELPER = "/usr/libexec/flatpak-session-helper";

  private final Sandbox sandbox;
  private final Process process;
  private final String address;
  private final Path bin;

  private HostSession(Sandbox sandbox, Process process, String address, Path bin) {
    this.sandbox = sandbox;
    this.process = process;
    this.address = address;
    this.bin = bin;
  }

  /** A bus with the session helper on it, answering when this returns. */
  static HostSession withHelper(Sandbox s) throws Exception {
    return start(s, true);
  }

  /** A bus where nothing serves org.freedesktop.Flatpak: a host without flatpak. */
  static HostSession withoutHelper(Sandbox s) throws Exception {
    return start(s, false);
  }

  private static HostSession start(Sandbox s, boolean helper) throws Exception {
    String tag = Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
    Path socket = Path.of(s.env().get("XDG_RUNTIME_DIR"), "e2e-bus-" + tag);
    // No service directories: nothing is started on demand, so only the helper started here
    // answers (with this PATH), and a bus without it is a host without flatpak.
    s.write(
        ".e2e-bus-" + tag + ".conf",
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
            + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            + "<busconfig>\n"
            + "  <type>session</type>\n"
            + "  <listen>unix:path="
            + socket
            + "</listen>\n"
            + "  <auth>EXTERNAL</auth>\n"
            + "  <policy context=\"default\">\n"
            + "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
            + "    <allow eavesdrop=\"true\"/>\n"
            + "    <allow own=\"*\"/>\n"
            + "  </policy>\n"
            + "</busconfig>\n");
    s.write("fake-host-bin/.keep", "");
    Path bin = s.home().resolve("fake-host-bin");
    Path out = s.home().resolve(".e2e-bus-" + tag + ".out");
    String program = helper ? "exec " + HELPER : "exec sleep 100000";
    Process p =
        s.startProgram(
            out,
            out,
            Map.of(),
            List.of(
                "dbus-run-session",
                "--config-file=" + s.home().resolve(".e2e-bus-" + tag + ".conf"),
                "--",
                "sh",
                "-c",
                "PATH=\"$1:$PATH\"; export PATH; " + program,
                "sh",
                bin.toString()));
    HostSession session = new HostSession(s, p, "unix:path=" + socket, bin);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!session.ready(helper)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        session.close();
        throw new AssertionError(
            "the session bus did not come up: " + Files.readString(out).strip());
      }
      Thread.sleep(50);
    }
    return session;
  }

  private boolean ready(boolean helper) {
    CommandResult r =
        sandbox.host(
            "dbus-send",
            "--bus=" + address,
            "--print-reply",
            "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner",
            "string:org.freedesktop.Flatpak");
    return r.exitCode() == 0 && (!helper || r.stdout().contains("boolean true"));
  }

  /** The bus address, as DBUS_SESSION_BUS_ADDRESS. */
  String address() {
    return address;
  }

  /** The directory first on the helper's PATH: host programs a test watches go here. */
  Path bin() {
    return bin;
  }

  /** The environment that puts a command on this session: appbox passes it into the box. */
  Map<String, String> env() {
    return Map.of("DBUS_SESSION_BUS_ADDRESS", address);
  }

  /** Runs appbox on this sandbox's engine within this session. */
  CommandResult appbox(String... args) {
    return appboxWithInput(null, args);
  }

  CommandResult appboxWithInput(byte[] stdin, String... args) {
    List<String> argv = new java.util.ArrayList<>();
    argv.add(TestEnvironment.appbox().toString());
    argv.addAll(sandbox.engineFlag());
    argv.addAll(List.of(args));
    return sandbox.as(argv, stdin, 300, env());
  }

  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
