package io.appbox.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** What the process's standard streams are connected to. */
final class Terminal {
  private Terminal() {}

  /** Whether file descriptor {@code fd} is a terminal. */
  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Colour only on a terminal, and never when the user set NO_COLOR (no-color.org). */
  static boolean colorAllowed(Map<String, String> env, int fd) {
    String noColor = env.get("NO_COLOR");
    if (noColor != null && !noColor.isEmpty()) {
      return false;
    }
    if ("dumb".equals(env.get("TERM"))) {
      return false;
    }
    return isTerminal(fd);
  }

  static int width(Map<String, String> env) {
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
      return columns > 20 ? columns : 80;
    } catch (NumberFormatException e) {
      return 80;
    }
  }
}
