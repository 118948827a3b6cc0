package io.appbox.runtime.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Collects a command's output bytes into lines, decoding each whole line as UTF-8. */
public final class LineSplitter {
  private final Consumer<String> sink;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public LineSplitter(Consumer<String> sink) {
    this.sink = sink;
  }

  /** Takes the first {@code n} bytes of {@code buf}; a carriage return ends a line too. */
  public void accept(byte[] buf, int n) {
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n' || buf[i] == '\r') {
        pending.write(buf, start, i - start);
        sink.accept(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        start = i + 1;
      }
    }
    if (pending.size() < 1 << 20) {
      pending.write(buf, start, n - start);
    }
  }

  /** Hands on the last line when the output did not end with a newline. */
  public void finish() {
    if (pending.size() > 0) {
      sink.accept(pending.toString(StandardCharsets.UTF_8));
      pending.reset();
    }
  }
}
