package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How -v and APPBOX_LOG turn the log on, and that its lines never reach standard output. */
class LogSetupTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void off() {
    Log.configure(Log.Level.OFF, line -> {});
  }

  @ParameterizedTest(name = "-v {0}, APPBOX_LOG={1}")
  @CsvSource({
    "false, , false, false",
    "true, , true, true",
    "false, debug, true, true",
    "false, INFO, true, false",
    "false, warn, false, false",
    "false, off, false, false",
    "true, error, true, true",
    "false, chatty, false, false"
  })
  void theMoreVerboseOfTheTwoWins(boolean verbose, String variable, boolean info, boolean debug) {
    Map<String, String> env = variable == null ? Map.of() : Map.of("APPBOX_LOG", variable);
    for (boolean json : new boolean[] {false, true}) {
      Output output = new Output(print(out), print(err), json, false, false, 80);
      LogSetup.configure(verbose, env, output);
      assertThat(Log.info()).isEqualTo(info);
      assertThat(Log.debug()).isEqualTo(debug);
      Log.info("engine", "using podman");
      Log.debug("engine", "GET /v1.41/_ping 200 1 ms");
    }
    assertThat(out.size()).as("standard output").isZero();
    String logged = err.toString(StandardCharsets.UTF_8);
    assertThat(logged.contains("appbox: info engine: using podman\n")).isEqualTo(info);
    assertThat(logged.contains("appbox: debug engine: GET /v1.41/_ping 200 1 ms\n"))
        .isEqualTo(debug);
    assertThat(logged.contains("APPBOX_LOG=chatty is not a level"))
        .isEqualTo("chatty".equals(variable));
  }

  private static PrintStream print(ByteArrayOutputStream to) {
    return new PrintStream(to, true, StandardCharsets.UTF_8);
  }
}
