package io.appbox.runtime.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The transport to the engine: HTTP/1.1 over a unix socket, as much of it as the Docker-compatible
 * engine API needs. One request per connection; fixed-length, chunked or read-to-close bodies;
 * streamed responses. Every wait is bounded by {@link EngineTimeouts}, and every reply that breaks
 * the protocol (a status line that is not HTTP, a chunk size that is not hexadecimal, a body
 * shorter than its length) fails with an {@link EngineReplyException} naming the request. It knows
 * nothing of what the requests mean: that is the engine adapter's job.
 *
 * <p>The JDK's own client cannot dial unix sockets, and a full client library would cost start-up
 * time on every command.
 */
public final class UnixHttpClient {
  /** A whole reply read into memory is an answer to a question, never this large. */
  static final int MAX_WHOLE_BODY = 64 << 20;

  /** Header lines and all the headers together; a longer head is not an engine's. */
  static final int MAX_LINE = 64 * 1024;

  static final int MAX_HEAD = 1 << 20;

  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?");

  private final Path socket;
  private final EngineTimeouts timeouts;

  public UnixHttpClient(Path socket, EngineTimeouts timeouts) {
    this.socket = socket;
    this.timeouts = timeouts;
  }

  public Path socket() {
    return socket;
  }

  public EngineTimeouts timeouts() {
    return timeouts;
  }

  /** A request whose response is read whole. */
  public HttpResponse send(ApiRequest request) throws IOException {
    try (StreamedResponse r = stream(request)) {
      byte[] body = r.body().readNBytes(MAX_WHOLE_BODY + 1);
      if (body.length > MAX_WHOLE_BODY) {
        throw EngineReplyException.malformed(
            request.describe(), "the reply is larger than " + (MAX_WHOLE_BODY >> 20) + " MiB");
      }
      return new HttpResponse(r.status(), r.headers(), body, request.describe());
    }
  }

  /** An ordinary request, answered at once, whose response is read whole. */
  public HttpResponse send(String method, String path, String contentType, byte[] body)
      throws IOException {
    return send(new ApiRequest(method, path, contentType, body, null, ApiRequest.Patience.REPLY));
  }

  /**
   * A request whose response body the caller reads as it arrives, then closes. Streams are the long
   * operations (pulls, a command's output), so this waits as patiently as the timeouts allow.
   */
  public StreamedResponse stream(String method, String path, String contentType, byte[] body)
      throws IOException {
    return stream(new ApiRequest(method, path, contentType, body, null, ApiRequest.Patience.LONG));
  }

  /** A request whose response body the caller reads as it arrives, then closes. */
  public StreamedResponse stream(ApiRequest request) throws IOException {
    String named = request.describe();
    Duration silence = timeouts.of(request.patience());
    TimedConnection connection = TimedConnection.open(socket, timeouts.reply(), named);
    try {
      OutputStream out = connection.output(silence);
      out.write(head(request).getBytes(StandardCharsets.US_ASCII));
      if (request.upload() != null) {
        writeChunked(request.upload(), out);
      } else if (request.body() != null) {
        out.write(request.body());
      }
      out.flush();
      InputStream in = new BufferedInputStream(connection.input(silence), 65536);
      String statusLine = readLine(in, named);
      if (statusLine == null) {
        throw EngineReplyException.malformed(named, "the connection closed without an answer");
      }
      if (!STATUS_LINE.matcher(statusLine).matches()) {
        throw EngineReplyException.malformed(
            named, "the status line is not HTTP/1.1: " + printable(statusLine));
      }
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = readHeaders(in, named);
      return new StreamedResponse(status, headers, body(request, status, headers, in), connection);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  private static String head(ApiRequest request) {
    StringBuilder head = new StringBuilder();
    head.append(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n");
    head.append("Host: engine\r\n");
    head.append("User-Agent: appbox\r\n");
    head.append("Connection: close\r\n");
    if (request.registryAuth() != null) {
      head.append("X-Registry-Auth: ").append(request.registryAuth()).append("\r\n");
    }
    if (request.contentType() != null) {
      head.append("Content-Type: ").append(request.contentType()).append("\r\n");
    }
    if (request.upload() != null) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ")
          .append(request.body() == null ? 0 : request.body().length)
          .append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private static Map<String, String> readHeaders(InputStream in, String request)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    long size = 0;
    while (true) {
      String line = readLine(in, request);
      if (line == null) {
        throw EngineReplyException.malformed(
            request, "the connection closed before the end of the headers");
      }
      if (line.isEmpty()) {
        return headers;
      }
      size += line.length();
      if (size > MAX_HEAD) {
        throw EngineReplyException.malformed(
            request, "the headers are longer than " + (MAX_HEAD >> 10) + " KiB");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
  }

  private static InputStream body(
      ApiRequest request, int status, Map<String, String> headers, InputStream in)
      throws EngineReplyException {
    String named = request.describe();
    String te = headers.getOrDefault("transfer-encoding", "");
    if (te.equalsIgnoreCase("chunked")) {
      return new ChunkedInputStream(in, named);
    }
    if (!te.isEmpty() && !te.equalsIgnoreCase("identity")) {
      throw EngineReplyException.malformed(named, "unknown Transfer-Encoding " + printable(te));
    }
    String length = headers.get("content-length");
    if (length != null) {
      if (!length.matches("[0-9]{1,18}")) {
        throw EngineReplyException.malformed(
            named, "the Content-Length is not a number: " + printable(length));
      }
      return new BoundedInputStream(in, Long.parseLong(length), named);
    }
    if (status == 204 || status == 304 || request.method().equals("HEAD")) {
      return InputStream.nullInputStream();
    }
    return in; // the body ends when the engine closes the connection
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

  /**
   * A line ending in LF (CR LF or LF), without its end; null at the end of the stream before any
   * byte. A line longer than {@link #MAX_LINE} breaks the protocol.
   */
  static String readLine(InputStream in, String request) throws IOException {
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
      if (line.size() > MAX_LINE) {
        throw EngineReplyException.malformed(
            request, "a line of the reply is longer than " + (MAX_LINE >> 10) + " KiB");
      }
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  /** Text from the wire as a message may quote it: short, control characters escaped. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
    }
    return out.append(s.length() > 80 ? "...\"" : "\"").toString();
  }
}
