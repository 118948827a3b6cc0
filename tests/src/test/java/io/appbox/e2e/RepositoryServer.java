package io.appbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The test package repositories over http on loopback, as the distribution test images expect them
 * (http://127.0.0.1:PORT/ID/, scripts/test-env/distro-images.sh): the package managers take their
 * network path, not file://. Each distribution is served one stage of scripts/test-env/
 * repositories.sh at a time (1.0, 1.1, 1.2), copied afresh so that its files are newer than what
 * the box fetched before: the server answers "not modified" to a file older than the box's copy.
 */
final class RepositoryServer implements AutoCloseable {
  private final Path root;
  private final int port;
  private final Process process;

  private RepositoryServer(Path root, int port, Process process) {
    this.root = root;
    this.port = port;
    this.process = process;
  }

  static RepositoryServer start() {
    int port = Integer.parseInt(TestEnvironment.require("APPBOX_TEST_REPO_PORT"));
    try {
      Path root = Files.createTempDirectory("appbox-e2e-repos-");
      Commands.check(List.of("chmod", "755", root.toString()));
      Process p =
          new ProcessBuilder(
                  "python3",
                  "-m",
                  "http.server",
                  "--bind",
                  "127.0.0.1",
                  "--directory",
                  root.toString(),
                  Integer.toString(port))
              .redirectErrorStream(true)
              .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
              .start();
      RepositoryServer server = new RepositoryServer(root, port, p);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Path probe = root.resolve("ready");
    try {
      Files.writeString(probe, "ready");
      for (int i = 0; i < 100; i++) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the repository server did not start on 127.0.0.1:"
                  + port
                  + " (is another test run serving there?)");
        }
        try {
          HttpResponse<String> r =
              client.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200 && r.body().equals("ready")) {
            return;
          }
          throw new IllegalStateException(
              "something else answers on 127.0.0.1:" + port + ": HTTP " + r.statusCode());
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException("the repository server on 127.0.0.1:" + port + " is silent");
  }

  /** The repository format of a distribution's package manager. */
  static String format(String distro) {
    return switch (distro) {
      case "debian" -> "deb";
      case "arch" -> "arch";
      default -> "rpm";
    };
  }

  /** Serves {@code stage} (1.0, 1.1, 1.2) of the distribution's repository from now on. */
  void serve(String distro, String stage) {
    Path source = Path.of(TestEnvironment.require("APPBOX_TEST_REPOS"), format(distro), stage);
    Path target = root.resolve(distro);
    Commands.check(List.of("rm", "-rf", target.toString()));
    // A plain copy, not -p: its files are new, so no box's copy of them counts as current.
    Commands.check(List.of("cp", "-r", source.toString(), target.toString()));
    Commands.check(List.of("chmod", "-R", "a+rX", target.toString()));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Commands.run(List.of("rm", "-rf", root.toString()), null, null, 60);
  }
}
