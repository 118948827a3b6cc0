package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.manifest.Manifest;
import io.appbox.profiles.ManifestLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** apply's and export-manifest's options, and where apply reads its manifest from. */
class ManifestCommandsTest {
  static final Path HOME = Path.of("/home/ann");
  static final String MANIFEST = "boxes:\n  dev:\n    packages: [hello]\n";

  private HttpServer server;
  private String base;

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/m.yaml", ex -> answer(ex, 200, MANIFEST.getBytes(StandardCharsets.UTF_8)));
    server.createContext("/missing.yaml", ex -> answer(ex, 404, new byte[0]));
    server.createContext(
        "/huge.yaml",
        ex -> answer(ex, 200, ("#" + "x".repeat(ManifestLoader.MAX_BYTES) + "\n").getBytes()));
    server.createContext(
        "/moved.yaml",
        ex -> {
          ex.getResponseHeaders().add("Location", "/m.yaml");
          answer(ex, 302, new byte[0]);
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body)
      throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Loads from the test's plain http server, which only an insecure load may use. */
  private static Manifest load(String source) {
    return load(source, new ManifestSource.Trust(true, Optional.empty()));
  }

  private static Manifest load(String source, ManifestSource.Trust trust) {
    return ManifestSource.load(source, new ByteArrayInputStream(new byte[0]), HOME, trust);
  }

  static final String MANIFEST_SHA256 = sha256(MANIFEST);

  static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void applyTakesAFileAndItsFlags() {
    AppboxCommand root = new AppboxCommand(Map.of(), o -> null);
    String[] args = {"apply", "--dry-run", "--prune", "-f", "boxes.yaml"};
    CommandLine cli = Main.commandLine(root, args);
    cli.parseArgs(args);
    ApplyCommand apply = cli.getSubcommands().get("apply").getCommand();

    assertThat(apply.file).isEqualTo("boxes.yaml");
    assertThat(apply.dryRun).isTrue();
    assertThat(apply.prune).isTrue();
  }

  @Test
  void exportManifestTakesAFileAndBoxes() {
    AppboxCommand root = new AppboxCommand(Map.of(), o -> null);
    String[] args = {"export-manifest", "-o", "out.yaml", "dev", "tools"};
    CommandLine cli = Main.commandLine(root, args);
    cli.parseArgs(args);
    ExportManifestCommand export = cli.getSubcommands().get("export-manifest").getCommand();

    assertThat(export.output).isEqualTo("out.yaml");
    assertThat(export.names).containsExactly("dev", "tools");
  }

  @Test
  void anInvalidManifestIsRefusedWithExitTwoBeforeAnEngineIsLookedFor(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("m.yaml"), "boxes:\n  dev:\n    pakages: [git]\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        Main.run(
            new String[] {"--engine", "docker", "apply", "-f", file.toString()},
            Map.of("DOCKER_HOST", "unix://" + dir.resolve("no.sock"), "HOME", dir.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: " + file + ":3: boxes.dev.pakages: unknown field")
        .contains("hint: Did you mean 'packages'?");
  }

  @Test
  void aUrlIsFetchedAndFollowsRedirects() {
    assertThat(load(base + "/m.yaml").boxes()).hasSize(1);
    assertThat(load(base + "/moved.yaml").boxes()).hasSize(1);
  }

  @Test
  void standardInputIsRead() {
    Manifest m =
        ManifestSource.load(
            "-",
            new ByteArrayInputStream(MANIFEST.getBytes(StandardCharsets.UTF_8)),
            HOME,
            ManifestSource.Trust.DEFAULT);

    assertThat(m.boxes()).hasSize(1);
  }

  @Test
  void aUrlThatIsNotThereSaysWhatTheServerAnswered() {
    assertThatThrownBy(() -> load(base + "/missing.yaml"))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FAILED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Could not fetch the manifest "
                          + base
                          + "/missing.yaml: the server answered 404.");
            });
  }

  @Test
  void anAnswerOverTheLimitIsRefused() {
    assertThatThrownBy(() -> load(base + "/huge.yaml"))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage())
                  .isEqualTo("The manifest at " + base + "/huge.yaml is larger than 1024 KiB.");
            });
  }

  @Test
  void aServerThatIsNotThereAndOtherSchemesAreRefused() {
    server.stop(0);
    assertThatThrownBy(() -> load(base + "/m.yaml"))
        .hasMessageStartingWith("Could not fetch the manifest " + base + "/m.yaml: cannot connect");
    assertThatThrownBy(() -> load("file:///etc/passwd"))
        .hasMessage("Manifest URL 'file:///etc/passwd' is not an http or https URL.");
    assertThatThrownBy(() -> load("ftp://example.org/m.yaml"))
        .isInstanceOfSatisfying(
            AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void aPlainHttpUrlIsRefusedUnlessInsecureAndNothingIsFetched() {
    int[] asked = {0};
    server.createContext(
        "/counted.yaml",
        ex -> {
          asked[0]++;
          answer(ex, 200, MANIFEST.getBytes(StandardCharsets.UTF_8));
        });
    assertThatThrownBy(() -> load(base + "/counted.yaml", ManifestSource.Trust.DEFAULT))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("is plain http");
              assertThat(e.hint()).contains("--insecure").contains("--sha256");
            });
    assertThat(asked[0]).isZero();
    assertThat(load(base + "/counted.yaml").boxes()).hasSize(1);
  }

  @Test
  void aPinnedManifestIsAppliedOnlyWhenItsHashMatches(@TempDir Path dir) throws IOException {
    ManifestSource.Trust pinned = new ManifestSource.Trust(true, Optional.of(MANIFEST_SHA256));
    assertThat(load(base + "/m.yaml", pinned).boxes()).hasSize(1);
    assertThat(
            load(
                    base + "/m.yaml",
                    new ManifestSource.Trust(
                        true, Optional.of("sha256:" + MANIFEST_SHA256.toUpperCase())))
                .boxes())
        .hasSize(1);

    String other = sha256("boxes: {}\n");
    assertThatThrownBy(
            () -> load(base + "/m.yaml", new ManifestSource.Trust(true, Optional.of(other))))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage())
                  .contains("is not the one pinned")
                  .contains(MANIFEST_SHA256)
                  .contains(other);
            });

    Path file = Files.writeString(dir.resolve("m.yaml"), MANIFEST);
    assertThat(
            load(file.toString(), new ManifestSource.Trust(false, Optional.of(MANIFEST_SHA256)))
                .boxes())
        .hasSize(1);
    assertThatThrownBy(
            () -> load(file.toString(), new ManifestSource.Trust(false, Optional.of(other))))
        .hasMessageContaining("is not the one pinned");
    assertThatThrownBy(
            () ->
                ManifestSource.load(
                    "-",
                    new ByteArrayInputStream("boxes: {}\n".getBytes(StandardCharsets.UTF_8)),
                    HOME,
                    new ManifestSource.Trust(false, Optional.of(MANIFEST_SHA256))))
        .hasMessageContaining("is not the one pinned");
  }

  @Test
  void aPinThatIsNotASha256IsRefused() {
    for (String bad : new String[] {"", "abc", "g".repeat(64), MANIFEST_SHA256 + "0", "md5:x"}) {
      assertThatThrownBy(() -> new ManifestSource.Trust(false, Optional.of(bad)))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
  }

  @Test
  void applyTakesAPinAndInsecure() {
    AppboxCommand root = new AppboxCommand(Map.of(), o -> null);
    String[] args = {"apply", "-f", "http://h/b.yaml", "--insecure", "--sha256", MANIFEST_SHA256};
    CommandLine cli = Main.commandLine(root, args);
    cli.parseArgs(args);
    ApplyCommand apply = cli.getSubcommands().get("apply").getCommand();
    assertThat(apply.insecure).isTrue();
    assertThat(apply.sha256).isEqualTo(MANIFEST_SHA256);
  }

  @Test
  void applyOfAPlainHttpUrlExitsTwoBeforeAnEngineIsLookedFor(@TempDir Path dir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"--engine", "docker", "apply", "-f", base + "/m.yaml"},
            Map.of("DOCKER_HOST", "unix://" + dir.resolve("no.sock"), "HOME", dir.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is plain http");
  }
}
