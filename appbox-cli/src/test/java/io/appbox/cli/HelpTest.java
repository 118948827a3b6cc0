package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's --help: examples of that command, and a description of every option. */
class HelpTest {
  static Stream<Arguments> commands() {
    return AllCommands.tree(AllCommands.commandLine()).stream()
        .map(cli -> Arguments.of(AllCommands.qualifiedName(cli), cli));
  }

  /** The indented lines under "Examples:" in a usage text. */
  static List<String> examples(String usage) {
    List<String> examples = new ArrayList<>();
    boolean in = false;
    for (String line : usage.split("\n", -1)) {
      if (line.strip().equals("Examples:")) {
        in = true;
      } else if (in && line.startsWith("  ") && !line.isBlank()) {
        examples.add(line.strip());
      } else if (in) {
        in = false;
      }
    }
    return examples;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void usageShowsExamplesOfTheCommandItself(String name, CommandLine cli) {
    List<String> examples = examples(cli.getUsageMessage(Ansi.OFF));
    assertThat(examples).as("examples in the footer of %s", name).isNotEmpty();
    assertThat(examples).allMatch(e -> e.contains("appbox"), "each names appbox");
    assertThat(examples)
        .as("an example starts with %s (a footer of its own, not its parent's)", name)
        .anyMatch(e -> e.equals(name) || e.startsWith(name + " "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyOptionAndArgumentIsDescribed(String name, CommandLine cli) {
    CommandSpec spec = cli.getCommandSpec();
    List<ArgSpec> args = new ArrayList<>(spec.options());
    args.addAll(spec.positionalParameters());
    for (ArgSpec arg : args) {
      assertThat(String.join(" ", arg.description()).strip())
          .as("description of %s in %s", arg.paramLabel(), name)
          .isNotEmpty();
    }
    assertThat(spec.usageMessage().description()).as("description of %s", name).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpOptionPrintsTheCommandsUsage(String name, CommandLine cli) {
    List<String> args = new ArrayList<>(Arrays.asList(name.split(" ")));
    args.remove(0);
    args.add("--help");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args.toArray(String[]::new),
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(code).isZero();
    String usage = out.toString(StandardCharsets.UTF_8);
    assertThat(usage).startsWith("Usage: " + name).contains("\nExamples:\n");
  }
}
