package io.appbox.runtime.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connection to a unix socket on which no wait is endless: connecting, each write and each read
 * waits at most a given silence, then fails with {@link EngineReplyException#stalled}. A blocking
 * channel cannot time out a read, so the channel is non-blocking and every wait is a selector's.
 */
final class TimedConnection implements Closeable {
  private final SocketChannel channel;
  private final Selector selector;
  private final SelectionKey key;
  private final String request;

  private TimedConnection(SocketChannel channel, Selector selector, String request)
      throws IOException {
    this.channel = channel;
    this.selector = selector;
    this.request = request;
    channel.configureBlocking(false);
    this.key = channel.register(selector, 0);
  }

  /**
   * Connects to {@code socket}, waiting at most {@code connect} when the listener's queue is full.
   *
   * @param request the request this connection is for, which errors name
   */
  static TimedConnection open(Path socket, Duration connect, String request) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    Selector selector = null;
    try {
      selector = Selector.open();
      TimedConnection c = new TimedConnection(channel, selector, request);
      if (!channel.connect(UnixDomainSocketAddress.of(socket))) {
        c.await(SelectionKey.OP_CONNECT, deadline(connect), connect);
        channel.finishConnect();
      }
      return c;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  /** The bytes the other side sends; each read waits at most {@code silence} (zero: no limit). */
  InputStream input(Duration silence) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        long deadline = deadline(silence);
        while (true) {
          int n = channel.read(buffer);
          if (n != 0) {
            return n;
          }
          await(SelectionKey.OP_READ, deadline, silence);
        }
      }
    };
  }

  /** Sends to the other side; each write waits at most {@code silence} (zero: no limit). */
  OutputStream output(Duration silence) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        long deadline = deadline(silence);
        while (buffer.hasRemaining()) {
          if (channel.write(buffer) == 0) {
            await(SelectionKey.OP_WRITE, deadline, silence);
          } else {
            deadline = deadline(silence);
          }
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    try {
      selector.close();
    } finally {
      channel.close();
    }
  }

  /** Zero for no limit, else the instant (in nanoseconds) a wait gives up. */
  private static long deadline(Duration silence) {
    return silence.isZero() ? 0 : System.nanoTime() + silence.toNanos();
  }

  private void await(int operation, long deadline, Duration silence) throws IOException {
    key.interestOps(operation);
    while (true) {
      long millis = 0;
      if (deadline != 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw EngineReplyException.stalled(request, silence);
        }
        millis = Math.max(1, left / 1_000_000);
      }
      int ready = selector.select(millis);
      selector.selectedKeys().clear();
      if (ready > 0) {
        key.interestOps(0);
        return;
      }
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while waiting for the engine");
      }
    }
  }
}
