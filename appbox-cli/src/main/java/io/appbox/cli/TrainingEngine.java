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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a Podman service during the start-up cache's training run only: it answers the
 * requests of {@code list} and {@code exports} with ten boxes, and runs the commands appbox sends a
 * box in a {@link TrainingBox}, so the training goes through the same code a user's {@code list},
 * {@code search} and {@code install} do (socket, HTTP, JSON, the profile, the export) without an
 * engine on the build machine.
 */
final class TrainingEngine implements AutoCloseable {
  private final Path socket;
  private final Path home;
  private final ServerSocketChannel server;
  private final Thread serving;
  private final TrainingBox box = new TrainingBox();
  private final Map<String, List<String>> execs = new HashMap<>();
  private final Map<String, Integer> statuses = new HashMap<>();

  private TrainingEngine(Path socket, Path home, ServerSocketChannel server) {
    this.socket = socket;
    this.home = home;
    this.server = server;
    this.serving = new Thread(this::serve, "appbox-training-engine");
    serving.setDaemon(true);
    serving.start();
  }

  /** Listens in {@code dir}, whose boxes' home is {@code dir} as well. */
  static TrainingEngine start(Path dir) throws IOException {
    Path socket = dir.resolve("podman.sock");
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new TrainingEngine(socket, dir, server);
  }

  Path socket() {
    return socket;
  }

  private record Reply(String contentType, byte[] body) {
    static Reply json(String body) {
      return new Reply("application/json", body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        InputStream in = Channels.newInputStream(client);
        String[] head = readHead(in).split("\r\n");
        String[] requestLine = head[0].split(" ", 3);
        int length = 0;
        for (String h : head) {
          if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(h.substring(15).strip());
          }
        }
        byte[] body = in.readNBytes(length);
        Reply reply = answer(requestLine[0], requestLine.length > 1 ? requestLine[1] : "/", body);
        String head2 =
            "HTTP/1.1 200 OK\r\nContent-Type: "
                + reply.contentType()
                + "\r\nLibpod-Api-Version: 4.3.1\r\n"
                + "Server: Libpod/4.3.1 (linux)\r\nContent-Length: "
                + reply.body().length
                + "\r\nConnection: close\r\n\r\n";
        client.write(ByteBuffer.wrap(head2.getBytes(StandardCharsets.US_ASCII)));
        client.write(ByteBuffer.wrap(reply.body()));
      } catch (IOException | RuntimeException e) {
        // closed, or a client that went away: the training only needs the classes to run
      }
    }
  }

  /** The request line and headers, up to the empty line. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    for (int b; (b = in.read()) != -1; ) {
      head.write(b);
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        break;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  private synchronized Reply answer(String method, String path, byte[] body) {
    if (path.contains("/containers/json")) {
      return Reply.json(boxes());
    }
    if (path.endsWith("/_ping")) {
      return Reply.json("OK");
    }
    String[] parts = path.replaceFirst("\\?.*", "").split("/");
    int n = parts.length;
    if (n >= 3 && parts[n - 3].equals("containers") && parts[n - 1].equals("json")) {
      return Reply.json(inspect(parts[n - 2]));
    }
    if (n >= 3 && parts[n - 3].equals("containers") && parts[n - 1].equals("exec")) {
      Object cmd = io.appbox.core.json.Json.parse(new String(body, StandardCharsets.UTF_8));
      List<String> argv = new ArrayList<>();
      if (cmd instanceof Map<?, ?> m && m.get("Cmd") instanceof List<?> l) {
        l.forEach(a -> argv.add(String.valueOf(a)));
      }
      String id = String.format("%016x", execs.size() + 1);
      execs.put(id, argv);
      return Reply.json("{\"Id\":\"" + id + "\"}");
    }
    if (n >= 3 && parts[n - 3].equals("exec") && parts[n - 1].equals("start")) {
      TrainingBox.Ran ran = box.run(execs.getOrDefault(parts[n - 2], List.of()));
      statuses.put(parts[n - 2], ran.status());
      ByteArrayOutputStream frames = new ByteArrayOutputStream();
      frame(frames, 1, ran.out());
      frame(frames, 2, ran.err().getBytes(StandardCharsets.UTF_8));
      return new Reply("application/vnd.docker.multiplexed-stream", frames.toByteArray());
    }
    if (n >= 3 && parts[n - 3].equals("exec") && parts[n - 1].equals("json")) {
      return Reply.json(
          "{\"Running\":false,\"ExitCode\":" + statuses.getOrDefault(parts[n - 2], 0) + "}");
    }
    return Reply.json("{}");
  }

  private static void frame(ByteArrayOutputStream out, int stream, byte[] bytes) {
    if (bytes.length == 0) {
      return;
    }
    int n = bytes.length;
    out.writeBytes(
        new byte[] {
          (byte) stream, 0, 0, 0, (byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n
        });
    out.writeBytes(bytes);
  }

  private static String boxes() {
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

  /** A running Debian box of this user, whatever its name. */
  private String inspect(String name) {
    Map<String, Object> labels = new LinkedHashMap<>();
    labels.put(io.appbox.core.box.BoxLabels.MANAGER, io.appbox.core.box.BoxLabels.MANAGER_VALUE);
    labels.put(io.appbox.core.box.BoxLabels.DISTRO, "debian");
    labels.put(io.appbox.core.box.BoxLabels.USER, "training");
    labels.put(io.appbox.core.box.BoxLabels.HOME, home.toString());
    labels.put(io.appbox.core.box.BoxLabels.VERSION, "0");
    Map<String, Object> box = new LinkedHashMap<>();
    box.put("Id", String.format("%064x", 2));
    box.put("Name", "/" + name);
    box.put("State", Map.of("Running", true, "Status", "running", "Pid", 0L));
    box.put(
        "Config",
        Map.of(
            "Image",
            "docker.io/library/debian:bookworm",
            "Labels",
            labels,
            "Cmd",
            List.of("sleep", "infinity")));
    box.put("HostConfig", Map.of("Binds", List.of()));
    box.put("Mounts", List.of());
    return io.appbox.core.json.Json.write(box);
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
