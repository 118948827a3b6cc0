package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * DirectDispatch reads the most common command lines without picocli; whatever it accepts, picocli
 * must read the same way, or a command would mean two things depending on which reader saw it.
 */
class DirectDispatchParityTest {
  private static final List<List<String>> WORDS =
      List.of(
          List.of("list"),
          List.of("ls"),
          List.of("exports"),
          List.of("profiles"),
          List.of("install"),
          List.of("search"),
          List.of("--json"),
          List.of("-v"),
          List.of("--verbose"),
          List.of("--stacktrace"),
          List.of("--rootful"),
          List.of("--engine", "podman"),
          List.of("--engine=docker"),
          List.of("--engine", "Docker"),
          List.of("--engine", "lxc"),
          List.of("--box", "dev"),
          List.of("--distro", "fedora"),
          List.of("--no-export"),
          List.of("--"),
          List.of("htop"),
          List.of("vim-gtk3"),
          List.of("text editor"),
          List.of("-x"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "list",
        "ls --json",
        "--engine podman list",
        "list --engine=docker -v",
        "exports --box dev",
        "--json exports",
        "profiles --json",
        "install htop",
        "install --box dev htop vim",
        "install --distro fedora --no-export -- htop",
        "--json install --box dev --json htop",
        "install --engine docker htop",
        "search htop",
        "search --box dev --json text editor",
        "--engine podman search -- htop"
      })
  void theCommonCommandLinesAreReadWithoutPicocliAndMeanTheSame(String line) {
    String[] args = line.split(" ");
    assertThat(DirectDispatch.parse(args)).as(line).isPresent();
    assertSameReading(args);
  }

  @Test
  void everyCommandLineItAcceptsPicocliReadsTheSameWay() {
    Random random = new Random(20261202);
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      List<String> args = new ArrayList<>();
      int words = 1 + random.nextInt(6);
      for (int w = 0; w < words; w++) {
        args.addAll(WORDS.get(random.nextInt(WORDS.size())));
      }
      String[] line = args.toArray(String[]::new);
      if (DirectDispatch.parse(line).isPresent()) {
        accepted++;
        assertSameReading(line);
      }
    }
    // The generator must reach the plain forms often enough for the comparison to mean something.
    assertThat(accepted).isGreaterThan(1_000);
  }

  private static void assertSameReading(String[] args) {
    String line = String.join(" ", args);
    DirectDispatch.Plain plain = DirectDispatch.parse(args).orElseThrow();
    AppboxCommand root = new AppboxCommand(Map.of(), o -> null);
    CommandLine cli = Main.commandLine(root, args);
    CommandLine.ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError("picocli refuses what DirectDispatch accepts: " + line, e);
    }
    CommandLine.ParseResult sub = parsed.subcommand();
    assertThat(sub).as(line).isNotNull();
    String name = sub.commandSpec().name();
    assertThat(name).as(line).isEqualTo(plain.command().equals("ls") ? "list" : plain.command());
    GlobalOptions global = root.global;
    assertThat(
            List.of(
                global.json,
                global.verbose,
                global.stacktrace,
                global.rootful,
                Optional.ofNullable(global.engine)))
        .as(line)
        .isEqualTo(
            List.of(
                plain.global().json,
                plain.global().verbose,
                plain.global().stacktrace,
                plain.global().rootful,
                Optional.ofNullable(plain.global().engine)));
    Object command = sub.commandSpec().userObject();
    switch (name) {
      case "exports" -> assertThat(((ExportsCommand) command).box).as(line).isEqualTo(plain.box());
      case "install" -> {
        InstallCommand install = (InstallCommand) command;
        assertThat(install.where.box).as(line).isEqualTo(plain.box());
        assertThat(install.where.distro).as(line).isEqualTo(plain.distro());
        assertThat(install.noExport).as(line).isEqualTo(plain.noExport());
        assertThat(install.packages).as(line).isEqualTo(plain.packages());
      }
      case "search" -> {
        SearchCommand search = (SearchCommand) command;
        assertThat(search.choice.box).as(line).isEqualTo(plain.box());
        assertThat(search.terms).as(line).isEqualTo(plain.packages());
      }
      default -> assertThat(plain.box()).as(line).isNull();
    }
  }
}
