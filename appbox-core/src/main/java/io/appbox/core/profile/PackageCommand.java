package io.appbox.core.profile;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One package-manager command as an argument array, never a string split on spaces. Package names
 * are appended after {@code argv} as separate arguments.
 *
 * @param argv the program and its fixed arguments
 * @param root whether it runs as root inside the box
 * @param output for queries, a pattern with named groups ({@code name}, {@code version}, {@code
 *     summary}, {@code key}, {@code value}, {@code path}) searched through the whole output with
 *     {@code Matcher.find()}, one record per match: some tools print a record over two lines
 */
public record PackageCommand(List<String> argv, boolean root, Optional<Pattern> output) {
  public PackageCommand {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a package command needs at least a program");
    }
    argv = List.copyOf(argv);
  }

  public static PackageCommand of(boolean root, String... argv) {
    return new PackageCommand(List.of(argv), root, Optional.empty());
  }
}
