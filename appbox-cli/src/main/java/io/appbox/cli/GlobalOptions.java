package io.appbox.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes, before or after its name. A flag is on once it is given anywhere:
 * picocli sets an inherited flag again when the subcommand repeats it ({@code --json list --json})
 * and would turn it off, so the flags are set through methods that only ever turn them on.
 */
final class GlobalOptions {
  enum Engine {
    podman,
    docker
  }

  boolean json;
  boolean verbose;
  boolean rootful;
  boolean stacktrace;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Write machine-readable JSON on standard output.")
  void json(boolean on) {
    json |= on;
  }

  @Option(
      names = "--engine",
      scope = ScopeType.INHERIT,
      paramLabel = "ENGINE",
      description = "Use this engine: ${COMPLETION-CANDIDATES}.")
  Engine engine;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description =
          "Log what appbox does on standard error: each request to the engine with its status"
              + " and time, which way a command went into the box, the package manager's whole"
              + " output. APPBOX_LOG=debug does the same without the option.")
  void verbose(boolean on) {
    verbose |= on;
  }

  @Option(
      names = "--rootful",
      scope = ScopeType.INHERIT,
      description =
          "Under sudo: make and use boxes that belong to root, on the rootful engine."
              + " Without it appbox refuses to run under sudo.")
  void rootful(boolean on) {
    rootful |= on;
  }

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an unexpected error.")
  void stacktrace(boolean on) {
    stacktrace |= on;
  }
}
