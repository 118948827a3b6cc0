package io.appbox.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "host-command",
    description = {
      "Host programs a box runs as its own: `add` puts NAME on the box's PATH, where it runs the"
          + " host's NAME through host-exec (the Flatpak session helper on the host's session bus)"
          + " with the same arguments, terminal and exit code. Recorded as exports are, and"
          + " removed with the box.",
      "Any host program runs from a box without this too: host-exec PROGRAM [ARG...]."
    },
    subcommands = {
      HostCommandAddCommand.class,
      HostCommandListCommand.class,
      HostCommandRemoveCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  appbox host-command add dev podman",
      "  appbox host-command list dev",
      "  appbox host-command remove dev podman"
    })
final class HostCommandCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
