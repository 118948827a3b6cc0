package io.appbox.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name. */
final class GlobalOptions {
  enum Engine {
    podman,
    docker
  }

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Write machine-readable JSON on standard output.")
  boolean json;

  @Option(
      names = "--engine",
      scope = ScopeType.INHERIT,
      paramLabel = "ENGINE",
      description = "Use this engine: ${COMPLETION-CANDIDATES}.")
  Engine engine;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Say what appbox is doing.")
  boolean verbose;

  @Option(
      names = "--rootful",
      scope = ScopeType.INHERIT,
      description =
          "Under sudo: make and use boxes that belong to root, on the rootful engine."
              + " Without it appbox refuses to run under sudo.")
  boolean rootful;

  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an unexpected error.")
  boolean stacktrace;
}
