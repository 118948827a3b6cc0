package io.appbox.core.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What {@code export --bin PROGRAM [--as NAME]} exports: the program's path in the box (a bare name
 * is looked up on the box's PATH) and the command's name on the host, both checked, and refused
 * when the box has no such program or the host already has the command.
 */
record CommandToExport(String path, String command) {
  private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

  /**
   * @param files the box's files, asked only when needed
   * @param onHostPath where the host already has a command of that name
   */
  static CommandToExport resolve(
      BoxName name,
      String program,
      Optional<String> as,
      Supplier<BoxFiles> files,
      Function<String, Optional<Path>> onHostPath) {
    String path = program;
    if (program != null && !program.contains("/") && COMMAND_NAME.matcher(program).matches()) {
      path =
          files
              .get()
              .onPath(program, ExportService.SEARCH_PATH)
              .orElseThrow(
                  () ->
                      new AppboxException(
                          ErrorCode.EXPORT_NOT_FOUND,
                          "Box "
                              + name
                              + " has no program "
                              + program
                              + " on its PATH ("
                              + String.join(":", ExportService.SEARCH_PATH)
                              + ").",
                          "Install the package that has it first; look for it: appbox search"
                              + " --box "
                              + name
                              + " "
                              + program));
    }
    if (path == null
        || !path.startsWith("/")
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || !Path.of(path).normalize().toString().equals(path)) {
      throw AppboxException.invalid(
          "Path " + Quote.of(path) + " is not a program's name or plain absolute path in the box.",
          "For example: appbox export --box " + name + " --bin htop");
    }
    String command = as.orElse(Path.of(path).getFileName().toString());
    if (!COMMAND_NAME.matcher(command).matches()) {
      throw AppboxException.invalid(
          "Command name " + Quote.of(command) + " is not valid.",
          "Use letters, digits, '.', '_', '+' and '-', for example: --as htop-dev");
    }
    BoxFiles inBox = files.get();
    if (!inBox.isExecutable(path)) {
      String base = Path.of(path).getFileName().toString();
      Optional<String> elsewhere =
          COMMAND_NAME.matcher(base).matches()
              ? inBox.onPath(base, ExportService.SEARCH_PATH)
              : Optional.empty();
      throw new AppboxException(
          ErrorCode.EXPORT_NOT_FOUND,
          "Box " + name + " has no executable " + path + ".",
          elsewhere.isPresent()
              ? "It has "
                  + elsewhere.get()
                  + "; export that: appbox export --box "
                  + name
                  + " --bin "
                  + base
              : "Install the package that has it first; look for it: appbox search --box "
                  + name
                  + " "
                  + base);
    }
    if (as.isEmpty()) {
      Optional<Path> shadowed = onHostPath.apply(command);
      if (shadowed.isPresent()) {
        throw new AppboxException(
            ErrorCode.EXPORT_CONFLICT,
            "The host already has a command "
                + command
                + " ("
                + shadowed.get()
                + "); the export"
                + " would shadow it.",
            "Export it under another name: appbox export --box "
                + name
                + " --bin "
                + path
                + " --as "
                + command
                + "-"
                + name);
      }
    }
    return new CommandToExport(path, command);
  }
}
