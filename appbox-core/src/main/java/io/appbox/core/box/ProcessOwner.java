package io.appbox.core.box;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The appbox process a throwaway box belongs to: its PID and its start time in clock ticks after
 * boot (field 22 of /proc/PID/stat), which together name one process even after the PID is reused.
 */
public record ProcessOwner(long pid, long startTicks) {
  private static final Pattern LABEL = Pattern.compile("[1-9][0-9]{0,9} [0-9]{1,19}");

  /**
   * The box's first process: it lives while the owner does (a box shares the host's process IDs, so
   * its /proc shows the owner) and ends when the owner is gone, however it went (kill -9 included),
   * with what entered the box. The engine then removes the box. PID and start come as arguments,
   * never as code.
   */
  private static final String KEEP_ALIVE =
      "alive() { t=$2 s=; read -r s 2>/dev/null < \"/proc/$1/stat\" || return 1;"
          + " s=${s##*) }; set -- $s; [ \"${20}\" = \"$t\" ]; };"
          + " trap 'kill $! 2>/dev/null; exit 0' TERM INT HUP;"
          + " while alive \"$1\" \"$2\"; do sleep 1 & wait $!; done;"
          // What entered the box ends with it, as on appbox stop: the processes in its namespace.
          + " mine=$(readlink /proc/self/ns/mnt);"
          + " for p in /proc/[0-9]*; do [ \"${p#/proc/}\" = $$ ] && continue;"
          + " [ \"$(readlink \"$p/ns/mnt\" 2>/dev/null)\" = \"$mine\" ] && kill \"${p#/proc/}\" 2>/dev/null;"
          + " done; exit 0";

  public String label() {
    return pid + " " + startTicks;
  }

  public static Optional<ProcessOwner> parse(String label) {
    if (label == null || !LABEL.matcher(label).matches()) {
      return Optional.empty();
    }
    String[] parts = label.split(" ");
    try {
      return Optional.of(new ProcessOwner(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The command of the box's first process. */
  List<String> keepAlive() {
    return List.of(
        "/bin/sh", "-c", KEEP_ALIVE, "appbox-owner", Long.toString(pid), Long.toString(startTicks));
  }
}
