package io.appbox.runtime.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SocketChannel;
import java.util.Map;

/** An HTTP response whose body is read as the engine sends it. Closing it closes the connection. */
public record StreamedResponse(
    int status, Map<String, String> headers, InputStream body, SocketChannel channel)
    implements AutoCloseable {
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
