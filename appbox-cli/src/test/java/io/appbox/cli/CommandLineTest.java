package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** Option parsing and exit codes, without running anything against an engine. */
class CommandLineTest {
  private static CommandLine parse(String... args) {
    AppboxCommand root = new AppboxCommand(Map.of(), o -> null);
    CommandLine cli = Main.commandLine(root, args);
    cli.parseArgs(args);
    return cli;
  }

  @Test
  void runKeepsEverythingAfterTheBoxForTheCommand() {
    CommandLine cli = parse("--json", "run", "--root", "dev", "--", "ls", "-la", "--json");
    RunCommand run = cli.getSubcommands().get("run").getCommand();
    assertThat(run.root).isTrue();
    assertThat(run.box).isEqualTo("dev");
    assertThat(run.command).containsExactly("--", "ls", "-la", "--json");
    AppboxCommand root = cli.getCommand();
    assertThat(root.global.json).isTrue();
  }

  @Test
  void globalOptionsWorkAfterTheCommandName() {
    CommandLine cli =
        parse("create", "dev", "--engine", "docker", "--json", "--volume", "/a:/b:ro");
    CreateCommand create = cli.getSubcommands().get("create").getCommand();
    assertThat(create.name.positional).isEqualTo("dev");
    assertThat(create.volumes).containsExactly("/a:/b:ro");
    AppboxCommand root = cli.getCommand();
    assertThat(root.global.engine).isEqualTo(GlobalOptions.Engine.docker);
    assertThat(root.global.json).isTrue();
  }

  @Test
  void onlyTheInvokedCommandIsBuilt() {
    assertThat(Commands.invoked(new String[] {"--engine", "podman", "ls"})).isEqualTo("list");
    assertThat(Commands.invoked(new String[] {"-v", "--json", "run", "x"})).isEqualTo("run");
    assertThat(Commands.invoked(new String[] {"--help"})).isNull();
    assertThat(parse("list").getSubcommands()).containsOnlyKeys("list", "ls");
    assertThat(parse("--help").getSubcommands())
        .containsKeys("create", "run", "enter", "image", "rm");
  }

  /** The table of docs/spec.md ("Exit codes"), every error code in it. */
  @ParameterizedTest
  @CsvSource({
    "INVALID_INPUT, 2",
    "BOX_NOT_FOUND, 3",
    "PACKAGE_NOT_FOUND, 3",
    "PROFILE_NOT_FOUND, 3",
    "IMAGE_NOT_FOUND, 3",
    "EXPORT_NOT_FOUND, 3",
    "SNAPSHOT_NOT_FOUND, 3",
    "HOST_COMMAND_NOT_FOUND, 3",
    "ENGINE_UNREACHABLE, 4",
    "ENGINE_UNSUPPORTED, 4",
    "BOX_EXISTS, 5",
    "EXPORT_CONFLICT, 5",
    "HOST_COMMAND_CONFLICT, 5",
    "LOCKED, 5",
    "PACKAGE_MANAGER_FAILED, 6",
    "ENGINE_FAILED, 1",
    "FAILED, 1"
  })
  void everyErrorCodeHasTheExitCodeTheSpecGives(ErrorCode code, int exit) {
    assertThat(ExitCodes.of(code)).isEqualTo(exit);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void theTableAboveNamesEveryErrorCode(ErrorCode code) throws Exception {
    var table =
        getClass()
            .getDeclaredMethod(
                "everyErrorCodeHasTheExitCodeTheSpecGives", ErrorCode.class, int.class)
            .getAnnotation(CsvSource.class)
            .value();
    assertThat(table).anyMatch(row -> row.startsWith(code.name() + ","));
  }

  @Test
  void aGlobalFlagGivenTwiceCountsOnce() {
    CommandLine cli = parse("--json", "--verbose", "create", "dev", "--json", "-v", "--json");
    AppboxCommand root = cli.getCommand();
    assertThat(root.global.json).isTrue();
    assertThat(root.global.verbose).isTrue();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"--json", "create", "--no-such-option", "x", "--json"},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\":false", "INVALID_INPUT");
  }

  @Test
  void usageErrorsExitTwoAndSayWhatToDo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {"create", "--no-such-option", "x"},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("appbox create has no option '--no-such-option'")
        .contains("appbox create --help");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void invalidInputWithJsonIsOneJsonDocumentOrTheResultEventOfALongOperation() {
    assertThat(json("--json", "stop", ""))
        .isEqualTo(
            "{\"ok\":false,\"error\":{\"code\":\"INVALID_INPUT\",\"message\":\"A box name cannot be empty.\",\"hint\":\"Name the box, for example: appbox create dev\"}}\n");
    assertThat(json("--json", "create", ""))
        .isEqualTo(
            "{\"event\":\"result\",\"ok\":false,\"error\":{\"code\":\"INVALID_INPUT\",\"message\":\"A box name cannot be empty.\",\"hint\":\"Name the box, for example: appbox create dev\"}}\n");
    assertThat(json("--json", "install", "--no-such-option", "x"))
        .startsWith("{\"event\":\"result\",\"ok\":false,\"error\":{\"code\":\"INVALID_INPUT\"");
  }

  private static String json(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    return out.toString(StandardCharsets.UTF_8);
  }
}
