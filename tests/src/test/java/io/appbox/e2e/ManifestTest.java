package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.appbox.core.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code appbox apply} and {@code export-manifest} on rootless Podman, against Debian's real
 * mirror. One story in order, because boxes are slow to make: a manifest is refused, planned,
 * applied (twice), edited, pruned, served over http, and finally exported and applied on a fresh
 * home, which must reproduce the same boxes and exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManifestTest {
  private Sandbox s;
  private String a;
  private String b;

  /** Box a: its own home, a volume, an init command that makes a desktop file, a package. */
  private String boxA(String packages, String bins) {
    return "  "
        + a
        + ":\n"
        + "    home: ~/a-home\n"
        + "    volumes: ['~/data:/data:ro']\n"
        + "    init:\n"
        + "      - [sh, -c, 'mkdir -p /usr/share/applications && printf \"[Desktop Entry]\\n"
        + "Type=Application\\nName=E2E App\\nExec=/bin/true\\n\" >"
        + " /usr/share/applications/e2e-app.desktop']\n"
        + "    entry: true\n"
        + "    packages: ["
        + packages
        + "]\n"
        + "    export:\n"
        + "      apps: [e2e-app]\n"
        + "      bins: ["
        + bins
        + "]\n";
  }

  /** Box b: nothing to install; one command from the image. */
  private String boxB() {
    return "  " + b + ":\n    export:\n      bins: [{path: /usr/bin/env, as: env-" + b + "}]\n";
  }

  private String first() {
    return "boxes:\n" + boxA("hello", "{path: /usr/bin/hello, as: hello-" + a + "}") + boxB();
  }

  private String edited() {
    return "boxes:\n"
        + boxA(
            "hello, tree",
            "{path: /usr/bin/hello, as: hello-"
                + a
                + "}, {path: /usr/bin/tree, as: tree-"
                + a
                + "}")
        + boxB();
  }

  /** Without box b, and without hello and its command. */
  private String pruned() {
    return "boxes:\n" + boxA("tree", "{path: /usr/bin/tree, as: tree-" + a + "}");
  }

  /** What the hosted manifest adds: one more command. */
  private String hosted() {
    return "boxes:\n"
        + boxA(
            "tree",
            "{path: /usr/bin/tree, as: tree-" + a + "}, {path: /usr/bin/env, as: env-" + a + "}");
  }

  @BeforeAll
  void sandbox() {
    s = Sandbox.on(Engine.ROOTLESS_PODMAN);
    a = s.newBox();
    b = s.newBox();
    s.write("data/readme", "shared\n");
  }

  @AfterAll
  void cleanUp() {
    s.close();
  }

  private static CommandResult ok(CommandResult r) {
    assertThat(r).succeeded();
    return r;
  }

  /** The final line of a long operation's JSON Lines. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> result(CommandResult r) {
    List<String> lines = r.stdout().lines().toList();
    for (String line : lines) {
      assertThat(Json.parseObject(line)).containsKey("event");
    }
    Map<String, Object> last = Json.parseObject(lines.get(lines.size() - 1));
    assertThat(last).containsEntry("event", "result");
    return last.get("ok").equals(Boolean.TRUE) ? (Map<String, Object>) last.get("data") : last;
  }

  @SuppressWarnings("unchecked")
  private static List<String> actions(Map<String, Object> data) {
    return ((List<Object>) data.get("changes"))
        .stream().map(c -> ((Map<String, Object>) c).get("description").toString()).toList();
  }

  /** Every export of this home: box, kind, name. */
  @SuppressWarnings("unchecked")
  private static List<String> exports(Sandbox sandbox) {
    CommandResult r = ok(sandbox.appbox("--json", "exports"));
    return ((List<Object>) Json.parseObject(r.stdout()).get("data"))
        .stream()
            .map(o -> (Map<String, Object>) o)
            .map(e -> e.get("box") + " " + e.get("kind") + " " + e.get("name"))
            .sorted()
            .toList();
  }

  private static boolean has(Sandbox sandbox, String box, String program) {
    return sandbox
            .appbox("run", box, "--", "sh", "-c", "command -v \"$1\"", "sh", program)
            .exitCode()
        == 0;
  }

  private List<String> files(Sandbox sandbox) throws IOException {
    try (Stream<Path> all = Files.walk(sandbox.home())) {
      return all.map(p -> sandbox.home().relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  @Order(1)
  void anInvalidManifestIsRefusedWithFileLineAndFieldAndNothingIsCreated() {
    s.write("bad.yaml", first().replace("    packages: [hello]", "    pakages: [hello]"));
    int line = 8;
    assertThat(first().lines().toList().get(line - 1)).isEqualTo("    packages: [hello]");

    CommandResult r = s.appbox("apply", "-f", "bad.yaml");

    assertThat(r).exitedWith(2);
    assertThat(r.stderr())
        .contains(
            "error: bad.yaml:"
                + line
                + ": boxes."
                + a
                + ".pakages: unknown field; expected one of distro, image, home, volumes, init,"
                + " entry, packages, export")
        .contains("hint: Did you mean 'packages'?");

    s.write("bad2.yaml", first().replace("/usr/bin/hello", "usr/bin/hello"));
    CommandResult json = s.appbox("--json", "apply", "-f", "bad2.yaml");
    assertThat(json).exitedWith(2);
    Map<String, Object> refused = result(json);
    assertThat(refused).containsEntry("ok", false);
    assertThat(refused.get("error").toString())
        .contains("code=INVALID_INPUT")
        .contains(
            "bad2.yaml:11: boxes."
                + a
                + ".export.bins[0].path: path 'usr/bin/hello' is not a plain absolute path");

    assertThat(s.containerNames()).doesNotContain(a, b);
  }

  @Test
  @Order(2)
  void aDryRunPrintsThePlanAndChangesNothing() throws IOException {
    s.write("boxes.yaml", first());
    List<String> before = files(s);

    CommandResult human = ok(s.appbox("apply", "-f", "boxes.yaml", "--dry-run"));
    Map<String, Object> plan =
        result(ok(s.appbox("--json", "apply", "-f", "boxes.yaml", "--dry-run")));

    assertThat(human.stdout())
        .contains("Plan for boxes.yaml (dry run: nothing was changed):")
        .contains("  + create box " + a + " (debian, home " + s.home().resolve("a-home"))
        .contains("  + install hello in " + a)
        .contains("7 changes to make");
    assertThat(plan).containsEntry("dryRun", true).containsEntry("count", 7L);
    assertThat(actions(plan))
        .containsExactly(
            "create box "
                + a
                + " (debian, home "
                + s.home().resolve("a-home")
                + ", 1 init command)",
            "install hello in " + a,
            "add the terminal menu entry of " + a,
            "export app e2e-app from " + a,
            "export command hello-" + a + " (/usr/bin/hello) from " + a,
            "create box " + b + " (debian)",
            "export command env-" + b + " (/usr/bin/env) from " + b);
    assertThat(s.containerNames()).doesNotContain(a, b);
    assertThat(files(s)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void applyMakesWhatIsMissingAndASecondApplyChangesNothing() {
    CommandResult r = ok(s.appbox("apply", "-f", "boxes.yaml"));

    assertThat(r.stdout()).contains("  + create box " + a).contains("7 changes.");
    assertThat(s.containerNames()).contains(a, b);
    assertThat(exports(s))
        .containsExactlyInAnyOrder(
            a + " app e2e-app", a + " app terminal", a + " bin hello-" + a, b + " bin env-" + b);
    CommandResult hello = s.host(s.home() + "/.local/bin/hello-" + a);
    assertThat(hello.stdout()).as(hello.toString()).isEqualTo("Hello, world!\n");
    assertThat(ExportsTest.desktopFile(s, a, "e2e-app")).exists();
    assertThat(s.home().resolve("a-home")).isDirectory();
    CommandResult volume = s.appbox("run", a, "--", "cat", "/data/readme");
    assertThat(volume.stdout()).as(volume.toString()).isEqualTo("shared\n");

    CommandResult again = ok(s.appbox("apply", "-f", "boxes.yaml"));
    assertThat(again.stdout()).contains("0 changes");
    assertThat(result(ok(s.appbox("--json", "apply", "-f", "boxes.yaml"))))
        .containsEntry("count", 0L);
  }

  @Test
  @Order(4)
  void anEditedManifestChangesOnlyTheDifference() throws IOException {
    s.write("boxes.yaml", edited());
    List<String> exportsBefore = exports(s);
    String idOfB = ok(s.engineCli("inspect", "-f", "{{.Id}}", b)).stdout();

    Map<String, Object> plan =
        result(ok(s.appbox("--json", "apply", "-f", "boxes.yaml", "--dry-run")));
    assertThat(actions(plan))
        .containsExactly(
            "install tree in " + a, "export command tree-" + a + " (/usr/bin/tree) from " + a);
    assertThat(exports(s)).isEqualTo(exportsBefore);
    assertThat(has(s, a, "tree")).isFalse();

    Map<String, Object> applied = result(ok(s.appbox("--json", "apply", "-f", "boxes.yaml")));

    assertThat(actions(applied)).isEqualTo(actions(plan));
    assertThat(has(s, a, "tree")).isTrue();
    assertThat(exports(s)).contains(a + " bin tree-" + a).hasSize(exportsBefore.size() + 1);
    assertThat(ok(s.engineCli("inspect", "-f", "{{.Id}}", b)).stdout()).isEqualTo(idOfB);
  }

  @Test
  @Order(5)
  void pruneRemovesWhatApplyMadeThatTheManifestNoLongerLists() {
    // A box made by hand is not the manifest's: prune leaves it.
    String byHand = s.newBox();
    ok(s.appbox("create", byHand));
    s.write("boxes.yaml", pruned());

    CommandResult withoutPrune = ok(s.appbox("apply", "-f", "boxes.yaml"));
    assertThat(withoutPrune.stdout()).contains("0 changes");
    Map<String, Object> r = result(ok(s.appbox("--json", "apply", "-f", "boxes.yaml", "--prune")));

    assertThat(actions(r))
        .containsExactly(
            "remove box " + b + " and its exports",
            "unexport command hello-" + a + " from " + a,
            "remove hello from " + a);
    assertThat(s.containerNames()).contains(a, byHand).doesNotContain(b);
    assertThat(s.home().resolve(".local/bin/env-" + b)).doesNotExist();
    assertThat(s.home().resolve(".local/bin/hello-" + a)).doesNotExist();
    assertThat(exports(s))
        .containsExactlyInAnyOrder(a + " app e2e-app", a + " app terminal", a + " bin tree-" + a);
    assertThat(has(s, a, "hello")).isFalse();
    assertThat(has(s, a, "tree")).isTrue();
    assertThat(ok(s.appbox("apply", "-f", "boxes.yaml", "--prune")).stdout()).contains("0 changes");
    ok(s.appbox("rm", "--force", byHand));
  }

  @Test
  @Order(6)
  void aManifestServedOverHttpAppliesTheSameWay() throws IOException {
    byte[] body = hosted().getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/boxes.yaml",
        ex -> {
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/boxes.yaml";
      String pin = sha256(body);

      // Plain http is refused: whoever alters it runs commands as root in the boxes.
      List<String> before = s.containerNames();
      CommandResult refused = s.appbox("apply", "-f", url);
      assertThat(refused).exitedWith(2);
      assertThat(refused.stderr()).contains("is plain http").contains("--insecure");
      CommandResult wrongPin =
          s.appbox("apply", "-f", url, "--insecure", "--sha256", sha256(new byte[0]));
      assertThat(wrongPin).exitedWith(2);
      assertThat(wrongPin.stderr()).contains("is not the one pinned").contains(pin);
      // The engine is shared with whatever else runs on the machine: look at the manifest's box.
      assertThat(s.containerNames().contains(a)).isEqualTo(before.contains(a));
      assertThat(s.home().resolve(".local/bin/env-" + a)).doesNotExist();

      Map<String, Object> r =
          result(ok(s.appbox("--json", "apply", "-f", url, "--insecure", "--sha256", pin)));

      assertThat(actions(r))
          .containsExactly("export command env-" + a + " (/usr/bin/env) from " + a);
      assertThat(
              ok(s.host(s.home() + "/.local/bin/env-" + a, "sh", "-c", "echo $container")).stdout())
          .isEqualTo("appbox\n");
      // The config key allows http as --insecure does.
      s.write(".config/appbox/config.yaml", "insecure-manifests: true\n");
      assertThat(ok(s.appbox("apply", "-f", url)).stdout()).contains("0 changes");

      CommandResult missing = s.appbox("apply", "-f", url.replace("boxes.yaml", "none.yaml"));
      assertThat(missing).exitedWith(1);
      assertThat(missing.stderr())
          .contains("Could not fetch the manifest " + url.replace("boxes.yaml", "none.yaml"))
          .contains("the server answered 404");
    } finally {
      s.write(".config/appbox/config.yaml", "");
      server.stop(0);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(7)
  void exportManifestThenApplyOnAFreshHomeReproducesTheBoxAndItsExports() throws IOException {
    ok(s.appbox("export-manifest", "-o", "exported.yaml", a));
    String exported = Files.readString(s.home().resolve("exported.yaml"));
    assertThat(exported)
        .contains("  " + a + ":\n    distro: debian\n    home: ~/a-home\n")
        .contains("    entry: true\n")
        .contains("e2e-app")
        .contains("tree-" + a)
        .contains("env-" + a)
        .doesNotContain("hello");
    assertThat(ok(s.appbox("export-manifest", a)).stdout()).isEqualTo(exported);
    List<String> exportsOfA = exports(s);

    // The engine is shared by every home of the user: to make box a again from the manifest
    // alone, the box goes first (and its exports with it, from this home).
    ok(s.appbox("rm", "--force", a));
    assertThat(s.containerNames()).doesNotContain(a);
    assertThat(exports(s)).isEmpty();

    try (Sandbox fresh = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      fresh.write("data/readme", "shared\n");
      fresh.write("boxes.yaml", exported);

      CommandResult applied = ok(fresh.appbox("apply", "-f", "boxes.yaml"));

      assertThat(applied.stdout()).contains("  + create box " + a);
      assertThat(ok(fresh.appbox("apply", "-f", "boxes.yaml")).stdout()).contains("0 changes");
      assertThat(ok(fresh.appbox("export-manifest", a)).stdout()).isEqualTo(exported);
      assertThat(exports(fresh)).isEqualTo(exportsOfA);
      CommandResult tree = fresh.host(fresh.home() + "/.local/bin/tree-" + a, "--version");
      assertThat(tree.stdout()).as(tree.toString()).startsWith("tree v");
      assertThat(ExportsTest.desktopFile(fresh, a, "e2e-app")).exists();
      assertThat(fresh.home().resolve("a-home")).isDirectory();
      assertThat(ok(fresh.appbox("run", a, "--", "cat", "/data/readme")).stdout())
          .isEqualTo("shared\n");
    }
  }
}
