package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input table: box names, package arguments, desktop-file ids and desktop files, icons,
 * manifests and engine replies, each tried against the built appbox on rootless Podman with the
 * exit code it must give, what its error must say, and the proof that nothing outside appbox's own
 * files changed: the listing of the home (every file's path, mode and SHA-256) and of the engine's
 * containers (id, name, state) is the same before and after.
 *
 * <p>appbox's own files are its directories ({@code ~/.local/state/appbox}, {@code
 * ~/.local/share/appbox}, {@code ~/.cache/appbox}) and the exports it names {@code appbox-*} in
 * {@code ~/.local/share/applications} and the icon theme. A row that exports (exit 0) may add only
 * those.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
  /** One input tried: what kind, the arguments, the exit code and words of the error. */
  record Row(String kind, String what, List<String> args, int exit, String says) {
    @Override
    public String toString() {
      return kind + ": " + what;
    }
  }

  /** A bad engine reply, tried with {@code appbox --engine docker ARGS} against a fake engine. */
  record EngineRow(String what, List<String> args, FakeEngineSocket.Answer answer, String says) {
    @Override
    public String toString() {
      return "engine reply: " + what;
    }
  }

  private static final String HEAD = "[Desktop Entry]\nType=Application\n";
  private static final String OK_HEAD = "HTTP/1.1 200 OK\r\n";

  /** A process cache put where appbox keeps the table's box's, and what it holds. */
  record CacheRow(String what, CacheFile file) {
    @Override
    public String toString() {
      return "cache file: " + what;
    }
  }

  interface CacheFile {
    /** Puts the hostile cache at {@code cache}, given the other box's true cache line. */
    void put(Path cache, String otherLine) throws IOException;
  }

  private Sandbox s;
  private String box;
  private String other;
  private HttpServer web;
  private String base;

  @BeforeAll
  void prepare() throws IOException {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    box = s.boxNamed("e2e-hostile-" + Long.toString(System.nanoTime() & 0xffffff, 36));
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
    other = s.boxNamed(box + "-other");
    created = s.appbox("create", other);
    assertThat(created).succeeded();
    s.write(".bashrc", "# the user's own\n");
    s.write(".local/share/applications/mine.desktop", HEAD + "Name=Mine\nExec=mine\n");
    s.write(
        ".local/share/applications/" + ExportsTest.desktopFileName(box, "taken"),
        HEAD + "Name=Taken by the user\nExec=mine\n");
    BoxFixture fx = new BoxFixture(s, box);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("unquoted-semicolon", text(HEAD + "Name=A\nExec=sh -c touch ~/pwned;id\n"));
    entries.put("field-codes", text(HEAD + "Name=C\nExec=prog %f%F \"%u\" %z\n"));
    entries.put("no-group", text("Name=F\nExec=true\nType=Application\n"));
    entries.put(
        "invalid-utf8", (HEAD + "Name=G\u00ff\nExec=true\n").getBytes(StandardCharsets.ISO_8859_1));
    entries.put("nul-byte", text(HEAD + "Name=N\u0000\nExec=true\n"));
    entries.put("a-link", text("[Desktop Entry]\nType=Link\nName=L\nURL=file:///etc/passwd\n"));
    entries.put("no-exec", text(HEAD + "Name=X\n"));
    entries.put(
        "dbus-instead",
        text(HEAD + "Name=D\nExec=true\nDBusActivatable=true\nX-DBUS-ServiceName=org.evil\n"));
    entries.put("taken", text(HEAD + "Name=T\nExec=true\n"));
    entries.put("icon-escape", text(HEAD + "Name=I1\nExec=true\nIcon=../../../.bashrc\n"));
    entries.put("icon-absolute", text(HEAD + "Name=I2\nExec=true\nIcon=/etc/passwd\n"));
    entries.put(
        "icon-dotdot-path",
        text(HEAD + "Name=I3\nExec=true\nIcon=/usr/share/icons/../../../etc/shadow.png\n"));
    entries.put("icon-link", text(HEAD + "Name=I4\nExec=true\nIcon=linked-icon\n"));
    entries.put("icon-not-an-image", text(HEAD + "Name=I5\nExec=true\nIcon=fake-icon\n"));
    entries.put("icon-control", text(HEAD + "Name=I6\nExec=true\nIcon=evil\u001b[31m\n"));
    entries.put("icon-host-has", text(HEAD + "Name=I7\nExec=true\nIcon=host-icon\n"));
    for (var e : entries.entrySet()) {
      fx.write("/usr/share/applications/" + e.getKey() + ".desktop", e.getValue(), "644");
    }
    CommandResult big =
        s.appbox(
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "{ printf '[Desktop Entry]\\nType=Application\\nName=Big\\nExec=true\\nComment=';"
                + " head -c 2097152 /dev/zero | tr '\\\\0' a; echo; } > /usr/share/applications/huge.desktop;"
                + " mkdir -p /usr/share/icons/hicolor/48x48/apps;"
                + " ln -sf /etc/shadow /usr/share/icons/hicolor/48x48/apps/linked-icon.png;"
                + " echo 'not a png' > /usr/share/icons/hicolor/48x48/apps/fake-icon.png");
    assertThat(big).succeeded();
    fx.write("/usr/share/icons/hicolor/48x48/apps/host-icon.png", BoxFixture.png(48), "644");
    // The host's own theme has host-icon: the box's must not replace it.
    s.write("host-share/icons/hicolor/48x48/apps/host-icon.png", "the host's icon");
    s.env().put("XDG_DATA_DIRS", s.home().resolve("host-share") + ":/usr/share");

    s.write("m/unknown-key.yaml", "boxes:\n  dev:\n    pakages: [git]\n");
    s.write("m/alias-bomb.yaml", aliasBomb());
    s.write("m/huge.yaml", "#" + "x".repeat(1100 * 1024) + "\n");
    s.write("m/init-string.yaml", "boxes:\n  dev:\n    init: \"rm -rf ~\"\n");
    s.write("m/bad-box.yaml", "boxes:\n  ../x:\n    packages: [git]\n");
    s.write("m/short-image.yaml", "boxes:\n  dev:\n    image: debian:bookworm\n");
    s.write("m/relative-home.yaml", "boxes:\n  dev:\n    home: dev-home\n");
    s.write(
        "m/option-package.yaml",
        "boxes:\n  dev:\n    packages: [-oAPT::Update::Pre-Invoke::=id]\n");
    s.write("m/dash-init.yaml", "boxes:\n  dev:\n    init: [[-rf, /]]\n");
    s.write("m/not-yaml.yaml", "boxes: [unclosed\n");
    s.write("m/ok.yaml", "boxes:\n  " + box + ":\n");
    Files.write(s.home().resolve("m/not-utf8.yaml"), new byte[] {'b', 'o', 'x', (byte) 0xff, '\n'});

    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] served =
        ("boxes:\n  " + box + "-web:\n    init: [[sh, -c, 'echo owned']]\n")
            .getBytes(StandardCharsets.UTF_8);
    web.createContext(
        "/boxes.yaml",
        ex -> {
          ex.sendResponseHeaders(200, served.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(served);
          }
        });
    web.start();
    base = "http://127.0.0.1:" + web.getAddress().getPort();
  }

  @AfterAll
  void cleanUp() {
    if (web != null) {
      web.stop(0);
    }
    s.close();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String aliasBomb() {
    StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    return y.append("boxes: {}\n").toString();
  }

  static Row row(String kind, String what, int exit, String says, String... args) {
    return new Row(kind, what, List.of(args), exit, says);
  }

  Stream<Row> rows() {
    String b = box;
    List<Row> rows = new ArrayList<>();
    // Box names: refused before the engine is asked.
    for (String name :
        List.of(
            "../x",
            "a b",
            "$(id)",
            "a/b",
            "name\nnewline",
            "ü",
            "a:b",
            "a;rm -rf ~",
            ".hidden",
            "a".repeat(64))) {
      rows.add(row("box name", "create " + printable(name), 2, "", "create", name));
    }
    rows.add(row("box name", "create ''", 2, "", "create", ""));
    rows.add(row("box name", "create -x (an option)", 2, "", "create", "-x"));
    rows.add(row("box name", "run $(id)", 2, "not valid", "run", "$(id)", "--", "true"));
    rows.add(row("box name", "rm ../..", 2, "not valid", "rm", "../.."));
    rows.add(row("box name", "stop a/b", 2, "not valid", "stop", "a/b"));
    rows.add(
        row(
            "box name",
            "export --box '$(id)'",
            2,
            "not valid",
            "export",
            "--box",
            "$(id)",
            "--bin",
            "/usr/bin/env"));
    rows.add(
        row(
            "box name",
            "start a box that does not exist",
            3,
            "no box named",
            "start",
            "e2e-no-such-box"));
    // Package arguments: one argument each, never an option or a shell word.
    for (String pkg :
        List.of(
            "-oAPT::Update::Pre-Invoke::=touch ~/pwned",
            "--allow-unauthenticated",
            "hello;id",
            "$(id)",
            "a b",
            "../x",
            "hello\n-y",
            "`id`",
            "")) {
      rows.add(row("package", "install " + printable(pkg), 2, "", "install", "--box", b, pkg));
    }
    rows.add(
        row("package", "remove -- -y", 2, "starts with '-'", "remove", "--box", b, "--", "-y"));
    rows.add(
        row(
            "package",
            "install a package that does not exist",
            3,
            "no-such-package-e2e",
            "install",
            "--box",
            b,
            "no-such-package-e2e"));
    // Desktop-file ids.
    for (String id : List.of("../../etc/passwd", "a;b", "$(id)", "-x")) {
      rows.add(
          row(
              "desktop id",
              "export --app " + printable(id),
              2,
              "",
              "export",
              "--box",
              b,
              "--app",
              id));
    }
    rows.add(
        row(
            "desktop id",
            "export --app of no application",
            3,
            "has no application",
            "export",
            "--box",
            b,
            "--app",
            "no-such-app"));
    // Desktop files in the box.
    rows.add(
        row(
            "desktop file",
            "an unquoted ; in Exec",
            2,
            "Exec",
            "export",
            "--box",
            b,
            "--app",
            "unquoted-semicolon"));
    rows.add(
        row(
            "desktop file",
            "field codes the specification forbids",
            2,
            "Exec",
            "export",
            "--box",
            b,
            "--app",
            "field-codes"));
    rows.add(
        row(
            "desktop file",
            "no [Desktop Entry] group first",
            2,
            "Desktop Entry",
            "export",
            "--box",
            b,
            "--app",
            "no-group"));
    rows.add(
        row(
            "desktop file",
            "invalid UTF-8",
            2,
            "UTF-8",
            "export",
            "--box",
            b,
            "--app",
            "invalid-utf8"));
    rows.add(row("desktop file", "a NUL byte", 2, "", "export", "--box", b, "--app", "nul-byte"));
    rows.add(
        row(
            "desktop file",
            "Type=Link to /etc/passwd",
            2,
            "Type=Application",
            "export",
            "--box",
            b,
            "--app",
            "a-link"));
    rows.add(row("desktop file", "no Exec", 2, "Exec", "export", "--box", b, "--app", "no-exec"));
    rows.add(row("desktop file", "2 MiB", 2, "1 MiB", "export", "--box", b, "--app", "huge"));
    rows.add(
        row(
            "desktop file",
            "its name is a file of the user's",
            5,
            ExportsTest.desktopFileName(b, "taken"),
            "export",
            "--box",
            b,
            "--app",
            "taken"));
    rows.add(
        row(
            "desktop file",
            "D-Bus activation instead of Exec (dropped)",
            0,
            "",
            "export",
            "--box",
            b,
            "--app",
            "dbus-instead"));
    // Icons: the entry is exported, the icon never followed outside the icon directories.
    rows.add(
        row(
            "icon",
            "Icon=../../../.bashrc",
            0,
            "is not a safe icon",
            "export",
            "--box",
            b,
            "--app",
            "icon-escape"));
    rows.add(
        row(
            "icon",
            "Icon=/etc/passwd",
            0,
            "is not a safe icon",
            "export",
            "--box",
            b,
            "--app",
            "icon-absolute"));
    rows.add(
        row(
            "icon",
            "Icon=/usr/share/icons/../../../etc/shadow.png",
            0,
            "is not a safe icon",
            "export",
            "--box",
            b,
            "--app",
            "icon-dotdot-path"));
    rows.add(
        row(
            "icon",
            "an icon that is a link to /etc/shadow",
            0,
            "",
            "export",
            "--box",
            b,
            "--app",
            "icon-link"));
    rows.add(
        row(
            "icon",
            "an icon that is not an image",
            0,
            "",
            "export",
            "--box",
            b,
            "--app",
            "icon-not-an-image"));
    rows.add(
        row(
            "icon",
            "control characters in Icon=",
            0,
            "",
            "export",
            "--box",
            b,
            "--app",
            "icon-control"));
    rows.add(
        row(
            "icon",
            "the name of one of the host's icons",
            0,
            "",
            "export",
            "--box",
            b,
            "--app",
            "icon-host-has"));
    // Manifests: refused before the engine is asked.
    rows.add(
        row("manifest", "an unknown key", 2, "unknown field", "apply", "-f", "m/unknown-key.yaml"));
    rows.add(
        row("manifest", "a billion laughs of aliases", 2, "", "apply", "-f", "m/alias-bomb.yaml"));
    rows.add(row("manifest", "over 1 MiB", 2, "1024 KiB", "apply", "-f", "m/huge.yaml"));
    rows.add(row("manifest", "not UTF-8", 2, "", "apply", "-f", "m/not-utf8.yaml"));
    rows.add(row("manifest", "not YAML", 2, "", "apply", "-f", "m/not-yaml.yaml"));
    rows.add(
        row(
            "manifest",
            "init as one shell string",
            2,
            "init",
            "apply",
            "-f",
            "m/init-string.yaml"));
    rows.add(
        row(
            "manifest",
            "init that starts with an option",
            2,
            "init",
            "apply",
            "-f",
            "m/dash-init.yaml"));
    rows.add(row("manifest", "a box named ../x", 2, "", "apply", "-f", "m/bad-box.yaml"));
    rows.add(
        row(
            "manifest",
            "an image without its registry",
            2,
            "image",
            "apply",
            "-f",
            "m/short-image.yaml"));
    rows.add(row("manifest", "a relative home", 2, "home", "apply", "-f", "m/relative-home.yaml"));
    rows.add(
        row(
            "manifest",
            "a package that is an option",
            2,
            "",
            "apply",
            "-f",
            "m/option-package.yaml"));
    rows.add(
        row(
            "manifest",
            "plain http without --insecure",
            2,
            "is plain http",
            "apply",
            "-f",
            base + "/boxes.yaml"));
    rows.add(
        row(
            "manifest",
            "a pin it does not match",
            2,
            "is not the one pinned",
            "apply",
            "-f",
            base + "/boxes.yaml",
            "--insecure",
            "--sha256",
            "0".repeat(64)));
    rows.add(
        row(
            "manifest",
            "a pin that is not a SHA-256",
            2,
            "is not a SHA-256",
            "apply",
            "-f",
            base + "/boxes.yaml",
            "--insecure",
            "--sha256",
            "abc"));
    rows.add(
        row(
            "manifest",
            "a file: URL",
            2,
            "is not an http or https URL",
            "apply",
            "-f",
            "file:///etc/passwd"));
    rows.add(
        row(
            "manifest",
            "a file that is not there",
            2,
            "There is no manifest file",
            "apply",
            "-f",
            "m/none.yaml"));
    rows.add(
        row(
            "manifest",
            "a pinned local file that differs",
            2,
            "is not the one pinned",
            "apply",
            "-f",
            "m/ok.yaml",
            "--sha256",
            "f".repeat(64)));
    rows.add(
        row(
            "manifest",
            "auto-update of plain http",
            2,
            "is plain http",
            "auto-update",
            "enable",
            "--manifest",
            base + "/boxes.yaml"));
    return rows.stream();
  }

  Stream<CacheRow> cacheRows() {
    String id = s.engineCli("inspect", "--format", "{{.Id}}", box).stdout().strip();
    return Stream.of(
        new CacheRow(
            "another user's, naming the other box",
            (cache, line) -> {
              Files.writeString(cache, line.replace(" " + other + " ", " " + box + " "));
              Files.setAttribute(cache, "unix:uid", 65534);
            }),
        new CacheRow(
            "a symbolic link to the other box's",
            (cache, line) -> Files.createSymbolicLink(cache, cache.resolveSibling(other))),
        new CacheRow(
            "stale: the process and namespace it names are another container's now",
            (cache, line) -> {
              // The other box's process, as it is now; only the container named is this box's.
              List<String> f = new ArrayList<>(List.of(line.strip().split(" ")).subList(0, 4));
              String stat = Files.readString(Path.of("/proc", f.get(0), "stat"));
              f.add(box);
              f.add(id);
              f.add(stat.substring(stat.lastIndexOf(") ") + 2).split(" ")[19]);
              f.add(Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip());
              userFile(cache, String.join(" ", f) + "\n");
            }),
        new CacheRow(
            "of the old format, naming the other box",
            (cache, line) ->
                userFile(
                    cache,
                    String.join(" ", List.of(line.strip().split(" ")).subList(0, 4))
                        + " "
                        + box
                        + "\n")),
        new CacheRow(
            "naming a process that is gone",
            (cache, line) -> {
              List<String> f = new ArrayList<>(List.of(line.strip().split(" ")));
              f.set(0, "999999");
              userFile(cache, String.join(" ", f) + "\n");
            }),
        new CacheRow(
            "shell code instead of a line",
            (cache, line) ->
                userFile(cache, "$(touch ~/pwned) `touch ~/pwned` x 1 " + box + "\n")));
  }

  private void userFile(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setAttribute(file, "unix:uid", TestEnvironment.testUid());
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @ParameterizedTest(name = "{index} {0}")
  @MethodSource("cacheRows")
  void aHostileCacheIsNeverEnteredAndTheCommandRunsInItsOwnBox(CacheRow row) throws Exception {
    new BoxFixture(s, box).write("/etc/appbox-e2e-tag", "the table's box\n", "644");
    new BoxFixture(s, other).write("/etc/appbox-e2e-tag", "the other box\n", "644");
    Path boxes = Path.of(TestEnvironment.runtimeDir(), "appbox/boxes/podman-rootless");
    String otherLine = Files.readString(boxes.resolve(other));
    Path cache = boxes.resolve(box);
    Files.deleteIfExists(cache);
    row.file().put(cache, otherLine);
    Map<String, String> homeBefore = home();
    List<String> containersBefore = containers();

    CommandResult r = s.appbox("run", box, "--", "cat", "/etc/appbox-e2e-tag");

    assertThat(r.exitCode()).as(row + ": " + r).isZero();
    assertThat(r.stdout()).as(row + ": " + r).isEqualTo("the table's box\n");
    assertThat(r.stderr()).as(row + ": " + r).doesNotContain("error");
    assertUnchangedOutsideAppbox(homeBefore, containersBefore, row.toString());
  }

  Stream<EngineRow> engineRows() {
    String json = OK_HEAD + "Content-Length: %d\r\n\r\n%s";
    String chunked = OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n";
    return Stream.of(
        new EngineRow(
            "silence",
            List.of("list"),
            new FakeEngineSocket.Answer("", true),
            "sent nothing for 2 seconds in reply to GET /v1.41/containers/json"),
        new EngineRow(
            "silence after the headers",
            List.of("list"),
            new FakeEngineSocket.Answer(OK_HEAD + "Content-Length: 10\r\n\r\n[", true),
            "sent nothing for 2 seconds"),
        new EngineRow(
            "a body cut short",
            List.of("list"),
            new FakeEngineSocket.Answer(OK_HEAD + "Content-Length: 100\r\n\r\n[{\"Id\":", false),
            "the body ended after 7 of the 100 bytes"),
        new EngineRow(
            "a garbage chunk size",
            List.of("list"),
            new FakeEngineSocket.Answer(chunked + "zz\r\n[]\r\n0\r\n\r\n", false),
            "the chunk size \"zz\" is not hexadecimal"),
        new EngineRow(
            "chunks without the last one",
            List.of("list"),
            new FakeEngineSocket.Answer(chunked + "2\r\n[]\r\n", false),
            "before the body's last chunk"),
        new EngineRow(
            "not HTTP",
            List.of("list"),
            new FakeEngineSocket.Answer("SSH-2.0-OpenSSH_9.2\r\n", false),
            "the status line is not HTTP/1.1"),
        new EngineRow(
            "no answer",
            List.of("list"),
            new FakeEngineSocket.Answer("", false),
            "closed without an answer"),
        new EngineRow(
            "not JSON",
            List.of("list"),
            new FakeEngineSocket.Answer(json.formatted(4, "{{{{"), false),
            "the body is not JSON"),
        new EngineRow(
            "an array for an object",
            List.of("start", "dev"),
            new FakeEngineSocket.Answer(json.formatted(2, "[]"), false),
            "GET /v1.41/containers/dev/json: the body is not a JSON object"),
        new EngineRow(
            "a header line of 100 KiB",
            List.of("list"),
            new FakeEngineSocket.Answer(OK_HEAD + "X: " + "a".repeat(100 * 1024), false),
            "longer than 64 KiB"),
        new EngineRow(
            "a Content-Length that is not a number",
            List.of("list"),
            new FakeEngineSocket.Answer(OK_HEAD + "Content-Length: lots\r\n\r\n[]", false),
            "the Content-Length is not a number"),
        new EngineRow(
            "an escape sequence in the status line",
            List.of("list"),
            new FakeEngineSocket.Answer("HTTP/1.1 \u001b]0;pwned\u0007200\r\n\r\n", false),
            "\\x1b"));
  }

  @ParameterizedTest(name = "{index} {0}")
  @MethodSource("rows")
  void aHostileInputGetsItsExitCodeAndChangesNothingOutsideAppbox(Row row) {
    Map<String, String> homeBefore = home();
    List<String> containersBefore = containers();

    CommandResult r = s.appbox(row.args().toArray(String[]::new));

    assertThat(r.exitCode()).as(row + ": " + r).isEqualTo(row.exit());
    if (row.exit() != 0) {
      assertThat(r.stderr()).as(row + ": " + r).contains("error:").contains(row.says());
    } else {
      assertThat(r.stderr()).as(row + ": " + r).contains(row.says());
    }
    assertThat(r.stderr() + r.stdout())
        .as("no raw control character from the input")
        .doesNotContain("\u001b[31m");
    assertUnchangedOutsideAppbox(homeBefore, containersBefore, row.toString());
  }

  @ParameterizedTest(name = "{index} {0}")
  @MethodSource("engineRows")
  void aHostileEngineReplyIsTheEnginesFailureNamingTheRequest(EngineRow row) throws Exception {
    s.write("engine-config/appbox/config.yaml", "engine-timeouts:\n  reply: 2\n  long: 2\n");
    Map<String, String> homeBefore = home();
    List<String> containersBefore = containers();
    CommandResult r;
    try (FakeEngineSocket engine = new FakeEngineSocket(request -> row.answer())) {
      List<String> args = new ArrayList<>(List.of("--engine", "docker"));
      args.addAll(row.args());
      r =
          s.appboxRaw(
              Map.of(
                  "DOCKER_HOST",
                  "unix://" + engine.socket,
                  "XDG_CONFIG_HOME",
                  s.home().resolve("engine-config").toString()),
              args.toArray(String[]::new));
    }
    assertThat(r.exitCode()).as(row + ": " + r).isEqualTo(1);
    assertThat(r.stderr())
        .as(row + ": " + r)
        .contains("error: The docker engine at ")
        .contains(row.says())
        .contains("hint:")
        .doesNotContain("Unexpected error")
        .doesNotContain("\u001b]0;");
    assertUnchangedOutsideAppbox(homeBefore, containersBefore, row.toString());
  }

  private void assertUnchangedOutsideAppbox(
      Map<String, String> homeBefore, List<String> containersBefore, String row) {
    assertThat(home()).as(row + ": the home outside appbox's own files").isEqualTo(homeBefore);
    assertThat(containers()).as(row + ": the engine's containers").isEqualTo(containersBefore);
    assertThat(s.home().resolve("pwned")).doesNotExist();
  }

  /** Every file of the home outside appbox's own, with its mode and SHA-256. */
  private Map<String, String> home() {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(s.home())) {
      for (Path p : walk.filter(p -> !Files.isDirectory(p)).toList()) {
        String rel = s.home().relativize(p).toString();
        if (appboxOwn(rel)) {
          continue;
        }
        String mode =
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        String hash =
            Files.isSymbolicLink(p)
                ? "-> " + Files.readSymbolicLink(p)
                : HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        out.put(rel, mode + " " + hash);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static boolean appboxOwn(String rel) {
    String name = Path.of(rel).getFileName().toString();
    return rel.startsWith(".local/state/appbox/")
        || rel.startsWith(".local/share/appbox/")
        || rel.startsWith(".cache/appbox/")
        || rel.startsWith("engine-config/")
        || (rel.startsWith(".local/share/applications/") || rel.startsWith(".local/share/icons/"))
            && name.startsWith("appbox-");
  }

  /**
   * The containers this sandbox's appbox could have made or changed: those labelled with its home
   * (every box appbox creates carries it), with their image and whether they run. Other tests share
   * the engine, so their containers are left out.
   */
  private List<String> containers() {
    String mine = "label=io.appbox.home=" + s.home();
    CommandResult all =
        s.engineCli("ps", "-a", "--filter", mine, "--format", "{{.ID}} {{.Names}} {{.Image}}");
    CommandResult running = s.engineCli("ps", "--filter", mine, "--format", "{{.ID}} running");
    assertThat(all).succeeded();
    assertThat(running).succeeded();
    return Stream.concat(all.stdout().lines(), running.stdout().lines()).sorted().toList();
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder("'");
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return (out.length() > 40 ? out.substring(0, 37) + "..." : out.toString()) + "'";
  }
}
