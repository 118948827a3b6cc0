package io.appbox.core.engine;

/** Receives a command's output a line at a time, as it is printed. */
public interface OutputListener {
  OutputListener NONE = (stream, line) -> {};

  enum Stream {
    STDOUT,
    STDERR
  }

  void line(Stream stream, String line);
}
