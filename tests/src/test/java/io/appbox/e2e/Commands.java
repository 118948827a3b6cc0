package io.appbox.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs host programs for the tests and collects what they print. */
final class Commands {
  private Commands() {}

  static CommandResult run(
      List<String> argv, Map<String, String> env, byte[] stdin, long timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    if (env != null) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    try {
      Process p = pb.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread o = pump(p.getInputStream(), out);
      Thread e = pump(p.getErrorStream(), err);
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException closedEarly) {
        // the program did not read all of it
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out after " + timeoutSeconds + " s: " + argv);
      }
      o.join();
      e.join();
      return new CommandResult(
          argv,
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + argv, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + argv, e);
    }
  }

  static CommandResult check(List<String> argv) {
    CommandResult r = run(argv, null, null, 600);
    if (r.exitCode() != 0) {
      throw new AssertionError("failed: " + r);
    }
    return r;
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(sink);
              } catch (IOException ignored) {
                // the process ended
              }
            });
    t.start();
    return t;
  }
}
