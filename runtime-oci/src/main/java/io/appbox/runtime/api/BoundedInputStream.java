package io.appbox.runtime.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads exactly the Content-Length of a body; a connection that closes before it is a malformed
 * reply, not a shorter body.
 */
final class BoundedInputStream extends InputStream {
  private final InputStream in;
  private final long length;
  private final String request;
  private long remaining;

  /**
   * @param request the request this is the reply to, which errors name
   */
  BoundedInputStream(InputStream in, long length, String request) {
    this.in = in;
    this.length = length;
    this.remaining = length;
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
    if (remaining <= 0) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw EngineReplyException.malformed(
          request,
          "the body ended after "
              + (length - remaining)
              + " of the "
              + length
              + " bytes its Content-Length announced");
    }
    remaining -= n;
    return n;
  }
}
