package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.HostCommand;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "list",
    description = "List the host commands of a box, or of every box.",
    footer = {
      "",
      "Examples:",
      "  appbox host-command list",
      "  appbox host-command list dev --json"
    })
final class HostCommandListCommand extends BaseCommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "BOX", description = "The box.")
  String box;

  @Override
  int execute(Session session) {
    List<HostCommand> all = session.hostCommands().list(Optional.ofNullable(box).map(BoxName::of));
    Output out = session.output();
    out.result(
        all.stream().map(HostCommands::json).toList(),
        () -> {
          if (all.isEmpty()) {
            out.println(
                "No host commands"
                    + (box == null ? "" : " in box " + box)
                    + ". Add one: appbox host-command add "
                    + (box == null ? "BOX" : box)
                    + " podman");
            return;
          }
          Table table = new Table("BOX", "NAME", "PATH");
          all.forEach(c -> table.row(c.box().value(), c.name(), c.path()));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
