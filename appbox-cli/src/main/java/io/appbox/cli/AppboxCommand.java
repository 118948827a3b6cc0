package io.appbox.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code appbox} command: global options, and the commands under it. */
@Command(
    name = "appbox",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Applications of any Linux distribution on an immutable host.",
      "",
      "Each box is a long-lived container of one distribution that shares your user, home,"
          + " display and sound. appbox installs packages in a box with its own package manager"
          + " and exports the result to your menu and ~/.local/bin."
    },
    footer = {
      "",
      "Examples:",
      "  appbox create dev --distro debian",
      "  appbox run dev -- cat /etc/os-release",
      "  appbox enter dev",
      "  appbox list --json",
      "",
      "Exit codes: 0 ok, 1 failure, 2 bad usage, 3 not found, 4 no container engine,"
          + " 5 conflict, 6 the package manager failed; run and enter return the command's own."
    })
final class AppboxCommand implements Runnable {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  private Session session;

  /** The command line as given, for hints that repeat it. */
  java.util.List<String> commandLine = java.util.List.of();

  private final Map<String, String> env;
  private final Output.Factory outputs;

  AppboxCommand(Map<String, String> env, Output.Factory outputs) {
    this.env = env;
    this.outputs = outputs;
  }

  /** The session of this invocation, made once the options are parsed. */
  Session session() {
    if (session == null) {
      session = new Session(env, global, outputs.create(global), commandLine);
    }
    return session;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
