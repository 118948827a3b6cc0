package io.appbox.runtime.api;

import io.appbox.core.engine.OutputListener;
import io.appbox.core.engine.OutputListener.Stream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits the engine's multiplexed attach stream (an 8-byte header per frame: stream, three zero
 * bytes, big-endian length) into standard output and error, line by line.
 */
final class MultiplexedStream {
  private static final int MAX_CAPTURE = 64 << 20;

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final LineSplitter outLines;
  private final LineSplitter errLines;

  MultiplexedStream(OutputListener listener) {
    outLines = new LineSplitter(line -> listener.line(Stream.STDOUT, line));
    errLines = new LineSplitter(line -> listener.line(Stream.STDERR, line));
  }

  /**
   * @param request the request whose reply this is, which errors name
   */
  void readAll(InputStream in, String request) throws IOException {
    byte[] header = new byte[8];
    byte[] buf = new byte[65536];
    while (readFully(in, header, 8, request)) {
      int which = header[0];
      long length =
          ((header[4] & 0xffL) << 24)
              | ((header[5] & 0xffL) << 16)
              | ((header[6] & 0xffL) << 8)
              | (header[7] & 0xffL);
      ByteArrayOutputStream sink = which == 2 ? stderr : stdout;
      LineSplitter lines = which == 2 ? errLines : outLines;
      while (length > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, length));
        if (n < 0) {
          throw EngineReplyException.malformed(
              request, "the output stream ended in the middle of a frame");
        }
        length -= n;
        if (sink.size() < MAX_CAPTURE) {
          sink.write(buf, 0, n);
        }
        lines.accept(buf, n);
      }
    }
    outLines.finish();
    errLines.finish();
  }

  private static boolean readFully(InputStream in, byte[] b, int len, String request)
      throws IOException {
    int off = 0;
    while (off < len) {
      int n = in.read(b, off, len - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw EngineReplyException.malformed(
            request, "the output stream ended in the middle of a frame header");
      }
      off += n;
    }
    return true;
  }

  byte[] stdoutBytes() {
    return stdout.toByteArray();
  }

  String stdout() {
    return stdout.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return stderr.toString(StandardCharsets.UTF_8);
  }
}
