package io.appbox.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An engine on a real unix socket that answers the discovery ping like Docker and every other
 * request with what the test scripts: a stall, a truncated body, garbage. Any user may connect, so
 * the rootless test user's appbox can reach it.
 */
final class FakeEngineSocket implements AutoCloseable {
  static final String PING =
      "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nServer: Docker/20.10.24 (linux)\r\n"
          + "Content-Length: 2\r\n\r\nOK";

  /** What to send, and whether to go silent afterwards instead of closing. */
  record Answer(String wire, boolean stall) {}

  final Path socket;
  private final Path dir;
  private final ServerSocketChannel server;
  private final CountDownLatch closed = new CountDownLatch(1);

  FakeEngineSocket(Function<String, Answer> script) throws IOException {
    dir = Files.createTempDirectory("appbox-e2e-engine-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    socket = dir.resolve("engine.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
    Thread accept =
        new Thread(
            () -> {
              while (true) {
                try {
                  SocketChannel client = server.accept();
                  Thread serve = new Thread(() -> serve(client, script));
                  serve.setDaemon(true);
                  serve.start();
                } catch (IOException stopped) {
                  return;
                }
              }
            });
    accept.setDaemon(true);
    accept.start();
  }

  private void serve(SocketChannel client, Function<String, Answer> script) {
    try (client) {
      String request = readHead(client);
      Answer a =
          request.startsWith("GET /_ping ") ? new Answer(PING, false) : script.apply(request);
      client.write(ByteBuffer.wrap(a.wire().getBytes(StandardCharsets.ISO_8859_1)));
      if (a.stall()) {
        closed.await();
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up, or the test ended
    }
  }

  /** The request line; the head is read to its end (appbox's requests here have no body). */
  private static String readHead(SocketChannel client) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      one.clear();
      if (client.read(one) < 0) {
        break;
      }
      head.write(one.array()[0]);
    }
    return head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
