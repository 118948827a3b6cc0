package io.appbox.runtime.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** An HTTP response whose body is read as the engine sends it. Closing it closes the connection. */
public record StreamedResponse(
    int status, Map<String, String> headers, InputStream body, Closeable connection)
    implements AutoCloseable {
  @Override
  public void close() throws IOException {
    connection.close();
  }
}
