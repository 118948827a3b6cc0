package io.appbox.runtime.api;

import java.io.IOException;
import java.io.InputStream;

/** Reads exactly the Content-Length of a body. */
final class BoundedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;

  BoundedInputStream(InputStream in, long length) {
    this.in = in;
    this.remaining = length;
  }

  @Override
  public int read() throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int c = in.read();
    if (c >= 0) {
      remaining--;
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (remaining <= 0) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n > 0) {
      remaining -= n;
    }
    return n;
  }
}
