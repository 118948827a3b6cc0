package io.appbox.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** The host's processes as ps sees them: their command lines, read from /proc. */
final class HostProcesses {
  private HostProcesses() {}

  /** A running process and its arguments. */
  record Running(long pid, List<String> argv) {
    String environ() {
      try {
        return new String(
            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }

  static List<Running> matching(Predicate<List<String>> argv) {
    List<Running> out = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          byte[] raw = Files.readAllBytes(p.resolve("cmdline"));
          if (raw.length == 0) {
            continue;
          }
          List<String> args = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
          if (argv.test(args)) {
            out.add(new Running(Long.parseLong(p.getFileName().toString()), args));
          }
        } catch (IOException | NumberFormatException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Waits up to {@code seconds} for a process to match; the matches. */
  static List<Running> await(Predicate<List<String>> argv, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Running> found = matching(argv);
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      found = matching(argv);
    }
    return found;
  }
}
