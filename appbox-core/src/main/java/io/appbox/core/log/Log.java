package io.appbox.core.log;

import io.appbox.core.Quote;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * appbox's log: what it did, for {@code --verbose} and for frontends ({@code APPBOX_LOG}). Off
 * until the command line turns it on. Callers check the level before they build a message, so a log
 * that is off costs one read of a field:
 *
 * <pre>{@code
 * if (Log.debug()) {
 *   Log.debug("engine", method + " " + path + " " + status);
 * }
 * }</pre>
 *
 * <p>Each event is one line, {@code appbox: LEVEL TOPIC: MESSAGE}, with control characters escaped
 * so that a message cannot break the line. Where the lines go is the CLI's choice: standard error,
 * never standard output.
 *
 * <p>Not SLF4J or {@code System.Logger}: appbox has one sink and five levels, and this costs no
 * class loading beyond itself (bench/libraries.sh).
 */
public final class Log {
  /** How much is said, from nothing to every request. */
  public enum Level {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG;

    /** The level {@code APPBOX_LOG} names, any case; empty for a word that is no level. */
    public static Optional<Level> parse(String name) {
      if (name == null) {
        return Optional.empty();
      }
      for (Level l : values()) {
        if (l.name().equalsIgnoreCase(name.strip())) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static volatile Level level = Level.OFF;
  private static volatile Consumer<String> sink = line -> {};

  private Log() {}

  /** Logs events of {@code level} and more severe ones to {@code sink}, one line per call. */
  public static void configure(Level level, Consumer<String> sink) {
    Log.sink = sink;
    Log.level = level;
  }

  /** Whether debug events are logged: each request to the engine, each line a command printed. */
  public static boolean debug() {
    return level == Level.DEBUG;
  }

  /** Whether info events are logged: which engine and path a command took. */
  public static boolean info() {
    return level.compareTo(Level.INFO) >= 0;
  }

  public static boolean enabled(Level at) {
    return at != Level.OFF && level.compareTo(at) >= 0;
  }

  public static void debug(String topic, String message) {
    log(Level.DEBUG, topic, message);
  }

  public static void info(String topic, String message) {
    log(Level.INFO, topic, message);
  }

  public static void warn(String topic, String message) {
    log(Level.WARN, topic, message);
  }

  public static void log(Level at, String topic, String message) {
    if (enabled(at)) {
      sink.accept(line(at, topic, message));
    }
  }

  /** The line an event is written as. */
  public static String line(Level at, String topic, String message) {
    return "appbox: " + at.word() + " " + topic + ": " + printable(message);
  }

  /** Text from anywhere as one line: control characters escaped, at most 2,000 characters. */
  public static String printable(String s) {
    return Quote.escaped(s, 2000, "...");
  }
}
