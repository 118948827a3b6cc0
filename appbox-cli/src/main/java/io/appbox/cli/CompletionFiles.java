package io.appbox.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The completion scripts the release carries, written at build time into a directory laid out as a
 * data directory is ({@code bash-completion/completions/appbox}, {@code
 * zsh/site-functions/_appbox}, {@code fish/vendor_completions.d/appbox.fish}), so the installer
 * links each where its shell looks under {@code $XDG_DATA_HOME}. Public only for the build's exec
 * plugin, which runs it.
 */
public final class CompletionFiles {
  static final Map<CompletionCommand.Shell, String> PLACES =
      Map.of(
          CompletionCommand.Shell.bash, "bash-completion/completions/appbox",
          CompletionCommand.Shell.zsh, "zsh/site-functions/_appbox",
          CompletionCommand.Shell.fish, "fish/vendor_completions.d/appbox.fish");

  private CompletionFiles() {}

  /** Writes the three scripts under the directory named by the first argument. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionFiles OUTPUT-DIRECTORY");
    }
    for (Map.Entry<CompletionCommand.Shell, String> place : PLACES.entrySet()) {
      Path file = Path.of(args[0], place.getValue());
      Files.createDirectories(file.getParent());
      Files.writeString(file, CompletionCommand.script(place.getKey()), StandardCharsets.UTF_8);
    }
  }
}
