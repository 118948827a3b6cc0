package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.HostCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "remove",
    description = "Take a host command away from the box; the box's own NAME, if any, comes back.",
    footer = {"", "Examples:", "  appbox host-command remove dev podman"})
final class HostCommandRemoveCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Parameters(index = "1", paramLabel = "NAME", description = "The host command's name.")
  String name;

  @Override
  int execute(Session session) {
    HostCommand removed = session.hostCommands().remove(BoxName.of(box), name);
    Output out = session.output();
    out.result(
        HostCommands.json(removed),
        () ->
            out.println(
                "Removed host command " + removed.name() + " from box " + removed.box() + "."));
    return ExitCodes.OK;
  }
}
