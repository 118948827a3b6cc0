package io.appbox.runtime.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes an HTTP/1.1 chunked body, strictly: a chunk size that is not hexadecimal, a chunk not
 * followed by its line end, or a body that ends before its last (empty) chunk is a malformed reply.
 */
final class ChunkedInputStream extends InputStream {
  /** Fifteen hex digits fit a long; an engine's chunks are far smaller. */
  private static final int MAX_SIZE_DIGITS = 15;

  private final InputStream in;
  private final String request;
  private long remaining;
  private boolean done;

  /**
   * @param request the request this is the reply to, which errors name
   */
  ChunkedInputStream(InputStream in, String request) {
    this.in = in;
    this.request = request;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n <= 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      remaining = nextSize();
      if (remaining == 0) {
        // Trailers, then the final empty line; an engine that closes instead is forgiven.
        String trailer;
        while ((trailer = UnixHttpClient.readLine(in, request)) != null && !trailer.isEmpty()) {
          // ignored
        }
        done = true;
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw EngineReplyException.malformed(
          request,
          "the connection closed in the middle of a chunk (" + remaining + " bytes short)");
    }
    remaining -= n;
    if (remaining == 0) {
      String end = UnixHttpClient.readLine(in, request);
      if (end == null || !end.isEmpty()) {
        throw EngineReplyException.malformed(
            request, "a chunk is longer than its size says, or lacks its line end");
      }
    }
    return n;
  }

  private long nextSize() throws IOException {
    String line = UnixHttpClient.readLine(in, request);
    if (line == null) {
      throw EngineReplyException.malformed(
          request, "the connection closed before the body's last chunk");
    }
    int semi = line.indexOf(';');
    String size = (semi >= 0 ? line.substring(0, semi) : line).trim();
    if (size.isEmpty()
        || size.length() > MAX_SIZE_DIGITS
        || !size.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw EngineReplyException.malformed(
          request, "the chunk size " + UnixHttpClient.printable(line) + " is not hexadecimal");
    }
    return Long.parseLong(size, 16);
  }
}
