package io.appbox.runtime.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a unix socket, as much of it as the Docker-compatible engine API needs: one request
 * per connection, fixed-length, chunked or read-to-close bodies, and streamed responses. The JDK's
 * own client cannot dial unix sockets, and a full client library would cost start-up time on every
 * command.
 */
public final class UnixHttpClient {
  private final Path socket;

  public UnixHttpClient(Path socket) {
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }

  /** A request whose response is read whole. */
  public HttpResponse send(String method, String path, String contentType, byte[] body)
      throws IOException {
    try (StreamedResponse r = open(method, path, contentType, body, -1, null)) {
      return new HttpResponse(r.status(), r.headers(), r.body().readAllBytes());
    }
  }

  /**
   * Sends a request with a body of {@code length} bytes taken from {@code upload} (or chunked when
   * the length is unknown, -1), and returns the response for streaming.
   */
  public StreamedResponse upload(String method, String path, String contentType, InputStream upload)
      throws IOException {
    return open(method, path, contentType, null, -1, upload);
  }

  /** A request whose response body the caller reads as it arrives, then closes. */
  public StreamedResponse stream(String method, String path, String contentType, byte[] body)
      throws IOException {
    return open(method, path, contentType, body, -1, null);
  }

  private StreamedResponse open(
      String method, String path, String contentType, byte[] body, long length, InputStream upload)
      throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      OutputStream out = Channels.newOutputStream(channel);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: engine\r\n");
      head.append("User-Agent: appbox\r\n");
      head.append("Connection: close\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      if (upload != null) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else {
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      if (upload != null) {
        writeChunked(upload, out);
      } else if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(channel), 65536);
      String statusLine = readLine(in);
      if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
        throw new IOException("the engine at " + socket + " did not answer HTTP: " + statusLine);
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      String line;
      while ((line = readLine(in)) != null && !line.isEmpty()) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      InputStream bodyStream;
      String te = headers.getOrDefault("transfer-encoding", "");
      if (te.equalsIgnoreCase("chunked")) {
        bodyStream = new ChunkedInputStream(in);
      } else if (headers.containsKey("content-length")) {
        bodyStream = new BoundedInputStream(in, Long.parseLong(headers.get("content-length")));
      } else if (status == 204 || status == 304 || method.equals("HEAD")) {
        bodyStream = InputStream.nullInputStream();
      } else {
        bodyStream = in;
      }
      return new StreamedResponse(status, headers, bodyStream, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void writeChunked(InputStream upload, OutputStream out) throws IOException {
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = upload.read(buf)) > 0) {
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(buf, 0, n);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        int len =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
      }
      line.write(c);
      if (line.size() > 65536) {
        throw new IOException("HTTP header line too long");
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}
