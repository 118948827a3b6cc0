package io.appbox.runtime.attach;

import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.engine.OutputListener.Stream;
import io.appbox.runtime.api.LineSplitter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A program on the host that works in a box (nsenter, the entry script), run with its output
 * captured: each line to the listener as it comes, the whole in the result (up to 64 MiB of each
 * stream), as the engine's exec reports it.
 */
public final class CapturedCommand {
  /** How much of each stream a result keeps; the listener still sees every line. */
  private static final int MAX_CAPTURE = 64 << 20;

  private CapturedCommand() {}

  /** Runs {@code argv} in {@code /} with only {@code environment} (and a PATH), no input. */
  public static ExecResult run(
      List<String> argv, Map<String, String> environment, OutputListener listener) {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(new File("/"));
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    pb.environment().putAll(environment);
    // The engine's exec reports both streams from one thread; so does this.
    OutputListener serial =
        (stream, line) -> {
          synchronized (listener) {
            listener.line(stream, line);
          }
        };
    Process p = ChildProcess.start(pb);
    Capture err = new Capture(p.getErrorStream(), Stream.STDERR, serial);
    Thread errReader = new Thread(err, "appbox-exec-stderr");
    errReader.setDaemon(true);
    errReader.start();
    Capture out = new Capture(p.getInputStream(), Stream.STDOUT, serial);
    out.run();
    int code = ChildProcess.waitFor(p);
    try {
      errReader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.rethrow();
    err.rethrow();
    return new ExecResult(code, out.bytes(), new String(err.bytes(), StandardCharsets.UTF_8));
  }

  /** Reads one stream whole, line by line to the listener and into a bounded buffer. */
  private static final class Capture implements Runnable {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LineSplitter lines;
    private IOException failure;

    Capture(InputStream in, Stream stream, OutputListener listener) {
      this.in = in;
      this.lines = new LineSplitter(line -> listener.line(stream, line));
    }

    @Override
    public void run() {
      byte[] buf = new byte[65536];
      try (in) {
        int n;
        while ((n = in.read(buf)) > 0) {
          if (bytes.size() < MAX_CAPTURE) {
            bytes.write(buf, 0, n);
          }
          lines.accept(buf, n);
        }
        lines.finish();
      } catch (IOException e) {
        failure = e;
      }
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }

    void rethrow() {
      if (failure != null) {
        throw new UncheckedIOException("reading a command's output failed", failure);
      }
    }
  }
}
