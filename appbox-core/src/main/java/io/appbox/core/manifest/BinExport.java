package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An executable of a box that a manifest exports as a command in {@code ~/.local/bin}.
 *
 * @param path the executable's absolute path in the box
 * @param as the command's name on the host, when not the file name
 */
public record BinExport(String path, Optional<String> as) {
  /** The names {@code appbox export --bin} accepts. */
  private static final Pattern COMMAND_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");

  public BinExport {
    path(path);
    String command = as.orElse(Path.of(path).getFileName().toString());
    if (!COMMAND_NAME.matcher(command).matches()) {
      throw AppboxException.invalid(
          "Command name " + Quote.of(command) + " is not valid.",
          as.isPresent()
              ? "Use letters, digits, '.', '_', '+' and '-', such as vim-dev."
              : "Name the command with as: NAME, using letters, digits, '.', '_', '+' and '-'.");
    }
  }

  /** An executable's path as {@code appbox export --bin} accepts it: plain and absolute. */
  public static String path(String path) {
    if (path == null
        || !path.startsWith("/")
        || path.length() > 4096
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || !Path.of(path).normalize().toString().equals(path)
        || path.equals("/")) {
      throw AppboxException.invalid(
          "Path " + Quote.of(path) + " is not a plain absolute path in the box.",
          "Give the executable's path, such as /usr/bin/git.");
    }
    return path;
  }

  public static BinExport of(String path) {
    return new BinExport(path, Optional.empty());
  }

  /** The command's name on the host. */
  public String command() {
    return as.orElse(Path.of(path).getFileName().toString());
  }
}
