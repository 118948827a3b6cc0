package io.appbox.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands the CLI registers, read from its source: every {@code ALL.put("name",
 * XxxCommand::new)} of {@code Commands.java} (package-private, so not callable from here) that runs
 * itself, and for a command with subcommands ({@code image}) each visible {@code parent-child}
 * ({@code image-build}). These are the names of the data schemas in {@code docs/schemas/commands/}.
 */
final class CliCommandNames {
  private static final Path SOURCES = Path.of("appbox-cli/src/main/java/io/appbox/cli");
  private static final Pattern REGISTERED =
      Pattern.compile("ALL\\.put\\(\\s*\"([^\"]+)\"\\s*,\\s*(\\w+)::new\\s*\\)");
  private static final Pattern SUBCOMMANDS =
      Pattern.compile("subcommands\\s*=\\s*(\\{[^}]*}|\\w+\\.class)");

  /** A command that runs itself (and prints JSON), rather than only holding subcommands. */
  private static final Pattern RUNS = Pattern.compile("extends\\s+BaseCommand\\b");

  private static final Pattern HIDDEN = Pattern.compile("hidden\\s*=\\s*true");
  private static final Pattern CLASS = Pattern.compile("(\\w+)\\.class");
  private static final Pattern NAME = Pattern.compile("@Command\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

  private CliCommandNames() {}

  static List<String> all() {
    Path dir = TestEnvironment.repository().resolve(SOURCES);
    Path commands = dir.resolve("Commands.java");
    String source = read(commands);
    List<String> names = new ArrayList<>();
    int registered = 0;
    Matcher m = REGISTERED.matcher(source);
    while (m.find()) {
      registered++;
      String name = m.group(1);
      String command = read(dir.resolve(m.group(2) + ".java"));
      if (RUNS.matcher(command).find()) {
        names.add(name);
      }
      subcommands(dir, command).forEach(child -> names.add(name + "-" + child));
    }
    int calls = source.split("ALL\\.put\\(", -1).length - 1;
    if (registered == 0 || registered != calls) {
      throw new AssertionError(
          "cannot read every ALL.put(\"name\", XxxCommand::new) of " + commands);
    }
    return names;
  }

  /** The names of a command's subcommands, hidden ones (internal to appbox) left out. */
  private static List<String> subcommands(Path dir, String command) {
    List<String> children = new ArrayList<>();
    Matcher group = SUBCOMMANDS.matcher(command);
    if (group.find()) {
      Matcher child = CLASS.matcher(group.group(1));
      while (child.find()) {
        Path source = dir.resolve(child.group(1) + ".java");
        String text = read(source);
        Matcher name = NAME.matcher(text);
        if (!name.find()) {
          throw new AssertionError("no @Command(name = ...) in " + source);
        }
        if (!HIDDEN.matcher(text).find()) {
          children.add(name.group(1));
        }
      }
    }
    return children;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
