package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.core.box.Box;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    aliases = "ls",
    description =
        "List the boxes: name, distro, image, status, how many exports each has, its user, and"
            + " its init system (systemd for a box made with create --init).",
    footer = {"", "Examples:", "  appbox list", "  appbox list --json"})
final class ListCommand extends BaseCommand {
  @Override
  int execute(Session session) {
    List<Box> boxes = session.boxes().list();
    Output out = session.output();
    out.result(
        boxes.stream().map(BoxJson::of).toList(),
        () -> {
          String where = "on " + session.engine().info().describe();
          if (boxes.isEmpty()) {
            out.println("No boxes yet " + where + ". Create one: appbox create dev");
            return;
          }
          Table table = new Table("NAME", "DISTRO", "IMAGE", "STATUS", "EXPORTS", "USER", "INIT");
          for (Box b : boxes) {
            table.row(
                b.name(),
                b.distro(),
                b.image(),
                b.status(),
                b.exports(),
                b.user(),
                b.init() ? "systemd" : "-");
          }
          out.out().print(table.render(out.color()));
          out.println("Boxes " + where + " (" + session.engine().info().endpoint() + ").");
        });
    return ExitCodes.OK;
  }
}
