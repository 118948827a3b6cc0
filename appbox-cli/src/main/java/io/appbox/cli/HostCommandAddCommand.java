package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.HostCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "add",
    description = {
      "Put NAME on the box's PATH (/usr/local/bin), running the host's NAME. It comes"
          + " before the box's own NAME; remove takes it away again."
    },
    footer = {
      "",
      "Examples:",
      "  appbox host-command add dev podman",
      "  appbox host-command add dev flatpak"
    })
final class HostCommandAddCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Parameters(index = "1", paramLabel = "NAME", description = "The host program's name.")
  String name;

  @Override
  int execute(Session session) {
    HostCommand added = session.hostCommands().add(BoxName.of(box), name);
    Output out = session.output();
    out.result(
        HostCommands.json(added),
        () ->
            out.println(
                added.name()
                    + " in box "
                    + added.box()
                    + " runs the host's "
                    + added.name()
                    + " ("
                    + added.path()
                    + ")."));
    return ExitCodes.OK;
  }
}
