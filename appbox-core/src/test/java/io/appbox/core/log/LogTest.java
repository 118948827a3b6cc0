package io.appbox.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.log.Log.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTest {
  final List<String> lines = new ArrayList<>();

  @AfterEach
  void off() {
    Log.configure(Level.OFF, line -> {});
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource({
    "debug, DEBUG",
    "INFO, INFO",
    "' warn ', WARN",
    "error, ERROR",
    "off, OFF",
    "verbose, ",
    "'', "
  })
  void aLevelIsNamedInAnyCase(String name, Level level) {
    assertThat(Level.parse(name)).isEqualTo(java.util.Optional.ofNullable(level));
  }

  @Test
  void eachLevelLogsItselfAndWhatIsMoreSevere() {
    Log.configure(Level.INFO, lines::add);
    assertThat(Log.debug()).isFalse();
    assertThat(Log.info()).isTrue();
    Log.debug("engine", "GET /_ping 200 1 ms");
    Log.info("run", "fast path");
    Log.warn("pkg", "held");
    assertThat(lines).containsExactly("appbox: info run: fast path", "appbox: warn pkg: held");
  }

  @Test
  void offLogsNothingNotEvenWarnings() {
    Log.configure(Level.OFF, lines::add);
    Log.warn("pkg", "held");
    Log.log(Level.OFF, "x", "y");
    assertThat(lines).isEmpty();
    assertThat(Log.enabled(Level.ERROR)).isFalse();
  }

  @Test
  void anEventIsOneLineWhateverItsMessageHolds() {
    Log.configure(Level.DEBUG, lines::add);
    Log.debug("pkg", "a\nb\tc\u001b[31md\u0085");
    Log.debug("pkg", "x".repeat(5000));
    assertThat(lines.get(0)).isEqualTo("appbox: debug pkg: a\\nb\\tc\\x1b[31md\\x85");
    assertThat(lines.get(1)).hasSize("appbox: debug pkg: ".length() + 2003).endsWith("...");
  }
}
