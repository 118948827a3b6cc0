package io.appbox.runtime.api;

import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body. */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
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
    if (remaining == 0) {
      String size = UnixHttpClient.readLine(in);
      if (size == null) {
        done = true;
        return -1;
      }
      int semi = size.indexOf(';');
      remaining = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
      if (remaining == 0) {
        // Trailers, then the final empty line.
        String trailer;
        while ((trailer = UnixHttpClient.readLine(in)) != null && !trailer.isEmpty()) {
          // ignored
        }
        done = true;
        return -1;
      }
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new IOException("the engine closed the connection in the middle of a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      UnixHttpClient.readLine(in);
    }
    return n;
  }
}
