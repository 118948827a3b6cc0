package io.appbox.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a Podman service during the start-up cache's training run only: it answers the
 * requests of {@code list} and {@code exports} with ten boxes, so the training goes through the
 * same code a user's {@code list} does (socket, HTTP, JSON, the table) without an engine on the
 * build machine.
 */
final class TrainingEngine implements AutoCloseable {
  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread serving;

  private TrainingEngine(Path socket, ServerSocketChannel server) {
    this.socket = socket;
    this.server = server;
    this.serving = new Thread(this::serve, "appbox-training-engine");
    serving.setDaemon(true);
    serving.start();
  }

  static TrainingEngine start(Path dir) throws IOException {
    Path socket = dir.resolve("podman.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new TrainingEngine(socket, server);
  }

  Path socket() {
    return socket;
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        String path = requestPath(Channels.newInputStream(client));
        byte[] body = answer(path).getBytes(StandardCharsets.UTF_8);
        String head =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLibpod-Api-Version: 4.3.1\r\n"
                + "Server: Libpod/4.3.1 (linux)\r\nContent-Length: "
                + body.length
                + "\r\nConnection: close\r\n\r\n";
        client.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        client.write(ByteBuffer.wrap(body));
      } catch (IOException e) {
        // closed, or a client that went away: the training only needs the classes to run
      }
    }
  }

  /** The request line's path; the headers are read and dropped. */
  private static String requestPath(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    for (int b; (b = in.read()) != -1; ) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    String[] requestLine = head.toString(StandardCharsets.US_ASCII).split(" ", 3);
    return requestLine.length > 1 ? requestLine[1] : "/";
  }

  private static String answer(String path) {
    if (path.contains("/containers/json")) {
      StringBuilder boxes = new StringBuilder("[");
      for (int i = 1; i <= 10; i++) {
        boxes
            .append(i == 1 ? "" : ",")
            .append("{\"Id\":\"")
            .append(String.format("%064x", i))
            .append("\",\"Names\":[\"/training-")
            .append(i)
            .append("\"],\"Image\":\"docker.io/library/debian:bookworm\",\"State\":\"")
            .append(i % 2 == 0 ? "running" : "exited")
            .append("\",\"Labels\":{\"io.appbox.manager\":\"appbox\",\"io.appbox.distro\":")
            .append("\"debian\",\"io.appbox.user\":\"training\",\"io.appbox.version\":\"0\"}}");
      }
      return boxes.append(']').toString();
    }
    if (path.endsWith("/_ping")) {
      return "OK";
    }
    return "{}";
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    try {
      serving.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
