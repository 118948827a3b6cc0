package io.appbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real OCI registry on loopback: Debian's docker-registry (distribution 2.8), over TLS with a
 * certificate from a CA the test made, optionally asking for a login (htpasswd). Stopped and its
 * storage removed on close.
 */
final class LocalRegistry implements AutoCloseable {
  final int port;
  private final Path dir;
  private final Process process;

  private LocalRegistry(int port, Path dir, Process process) {
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  /**
   * A CA and a certificate it signed for 127.0.0.1 and localhost, in {@code dir}; {@code
   * dir/trust/} holds only the CA's certificate, for a client's --cert-dir.
   */
  static Path certificateAuthority(Path dir) {
    try {
      Files.createDirectories(dir);
      Commands.check(
          List.of(
              "openssl",
              "req",
              "-x509",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-days",
              "2",
              "-subj",
              "/CN=appbox test CA " + dir.getFileName(),
              "-keyout",
              dir.resolve("ca.key").toString(),
              "-out",
              dir.resolve("ca.crt").toString()));
      Commands.check(
          List.of(
              "openssl",
              "req",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-subj",
              "/CN=127.0.0.1",
              "-keyout",
              dir.resolve("server.key").toString(),
              "-out",
              dir.resolve("server.csr").toString()));
      Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
      Commands.check(
          List.of(
              "openssl",
              "x509",
              "-req",
              "-days",
              "2",
              "-in",
              dir.resolve("server.csr").toString(),
              "-CA",
              dir.resolve("ca.crt").toString(),
              "-CAkey",
              dir.resolve("ca.key").toString(),
              "-CAcreateserial",
              "-extfile",
              dir.resolve("san.ext").toString(),
              "-out",
              dir.resolve("server.crt").toString()));
      // What a client is given to trust the registry: the CA's certificate alone (a key beside it
      // would be taken for a client certificate's).
      Files.createDirectories(dir.resolve("trust"));
      Files.copy(dir.resolve("ca.crt"), dir.resolve("trust/ca.crt"));
      Commands.check(List.of("chmod", "-R", "a+rX", dir.toString()));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a registry on 127.0.0.1:port serving the certificate of {@code ca}; with a user, it asks
   * for that login.
   */
  static LocalRegistry start(int port, Path ca, String user, String password) {
    try {
      Path dir = Files.createTempDirectory("appbox-e2e-registry-");
      StringBuilder config = new StringBuilder();
      config.append("version: 0.1\nlog:\n  level: warn\n");
      config.append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data"));
      config.append("\nhttp:\n  addr: 127.0.0.1:").append(port).append('\n');
      config.append("  secret: appbox-e2e\n  tls:\n");
      config.append("    certificate: ").append(ca.resolve("server.crt")).append('\n');
      config.append("    key: ").append(ca.resolve("server.key")).append('\n');
      if (user != null) {
        CommandResult hash = Commands.check(List.of("htpasswd", "-Bbn", user, password));
        Files.writeString(dir.resolve("htpasswd"), hash.stdout().strip() + "\n");
        config.append("auth:\n  htpasswd:\n    realm: appbox-e2e\n    path: ");
        config.append(dir.resolve("htpasswd")).append('\n');
      }
      Files.writeString(dir.resolve("config.yml"), config.toString());
      Process p =
          new ProcessBuilder("docker-registry", "serve", dir.resolve("config.yml").toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("log").toFile())
              .start();
      LocalRegistry registry = new LocalRegistry(port, dir, p);
      registry.awaitReady(ca);
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady(Path ca) {
    for (int i = 0; i < 100; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "docker-registry did not start on port " + port + ": " + log());
      }
      CommandResult r =
          Commands.run(
              List.of(
                  "curl",
                  "-s",
                  "-o",
                  "/dev/null",
                  "-w",
                  "%{http_code}",
                  "--cacert",
                  ca.resolve("ca.crt").toString(),
                  "https://127.0.0.1:" + port + "/v2/"),
              null,
              null,
              10);
      if (r.stdout().equals("200") || r.stdout().equals("401")) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("docker-registry on port " + port + " is silent: " + log());
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("log"));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Commands.run(List.of("rm", "-rf", dir.toString()), null, null, 60);
  }
}
