package io.appbox.cli;

import io.appbox.core.log.Log;
import io.appbox.core.log.Log.Level;
import java.util.Map;
import java.util.Optional;

/**
 * Turns appbox's log on as the user asked: {@code -v}/{@code --verbose} logs everything (debug),
 * {@code APPBOX_LOG=error|warn|info|debug|off} the level a frontend wants; the more verbose of the
 * two wins. Either way the lines go to standard error, one per event (docs/spec.md, "Logging").
 */
final class LogSetup {
  static final String VARIABLE = "APPBOX_LOG";

  private LogSetup() {}

  static void configure(boolean verbose, Map<String, String> env, Output output) {
    Level level = verbose ? Level.DEBUG : Level.OFF;
    String asked = env.get(VARIABLE);
    if (asked != null && !asked.isBlank()) {
      Optional<Level> named = Level.parse(asked);
      if (named.isEmpty()) {
        output.log(
            Log.line(
                Level.WARN,
                "log",
                VARIABLE
                    + "="
                    + asked
                    + " is not a level; it takes off, error, warn, info or debug."));
      } else if (named.get().compareTo(level) > 0) {
        level = named.get();
      }
    }
    Log.configure(level, output::log);
  }
}
