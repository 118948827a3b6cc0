package io.appbox.runtime.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An engine that misbehaves, on a real unix socket: for each request it reads, it sends what a
 * script says, and then closes the connection or goes silent until the test ends.
 */
final class FakeEngineSocket implements AutoCloseable {
  /**
   * What the engine does after its bytes: close the connection, or keep it open and say nothing.
   */
  enum Then {
    CLOSE,
    STALL
  }

  /** One answer: bytes, an optional pause and more bytes, then close or stall. */
  record Answer(byte[] first, long pauseMillis, byte[] rest, Then then) {
    static Answer of(String wire, Then then) {
      return new Answer(bytes(wire), 0, new byte[0], then);
    }

    static Answer paused(String before, long pauseMillis, String after) {
      return new Answer(bytes(before), pauseMillis, bytes(after), Then.CLOSE);
    }
  }

  final Path socket;
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** Each request's head: the request line and the header lines. */
  final List<String> heads = new CopyOnWriteArrayList<>();

  private final ServerSocketChannel server;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;

  FakeEngineSocket(Path socket, Function<String, Answer> script) throws IOException {
    this.socket = socket;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    thread =
        new Thread(
            () -> {
              while (true) {
                SocketChannel client;
                try {
                  client = server.accept();
                } catch (IOException stopped) {
                  return;
                }
                Thread serve = new Thread(() -> serve(client, script));
                serve.setDaemon(true);
                serve.start();
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  private void serve(SocketChannel client, Function<String, Answer> script) {
    try (client) {
      String head = readRequest(client);
      heads.add(head);
      String requestLine = head.split("\r\n", 2)[0];
      requests.add(requestLine);
      Answer a = script.apply(requestLine);
      client.write(ByteBuffer.wrap(a.first()));
      if (a.pauseMillis() > 0) {
        Thread.sleep(a.pauseMillis());
        client.write(ByteBuffer.wrap(a.rest()));
      }
      if (a.then() == Then.STALL) {
        closed.await();
      }
    } catch (IOException | InterruptedException gone) {
      // the client gave up, or the test ended
    }
  }

  /** Reads the request's head and its Content-Length body; returns the head. */
  private static String readRequest(SocketChannel client) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      one.clear();
      if (client.read(one) < 0) {
        break;
      }
      head.write(one.array()[0]);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.equalsIgnoreCase("transfer-encoding: chunked")) {
        // An upload: read up to its last chunk, as an engine does before it answers.
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (!body.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
          one.clear();
          if (client.read(one) < 0) {
            break;
          }
          body.write(one.array()[0]);
        }
      }
      if (line.toLowerCase().startsWith("content-length:")) {
        int length = Integer.parseInt(line.substring(15).trim());
        ByteBuffer body = ByteBuffer.allocate(length);
        while (body.hasRemaining() && client.read(body) >= 0) {
          // reading the body
        }
      }
    }
    return text;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    server.close();
  }
}
