package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.pkg.InstalledPackage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "packages",
    description = "List the packages installed in a box, with their versions.",
    footer = {"", "Examples:", "  appbox packages", "  appbox packages --box dev --json"})
final class PackagesCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Override
  int execute(Session session) {
    BoxName box = choice.existing(session);
    List<InstalledPackage> installed = session.packages().installed(box);
    Output out = session.output();
    out.result(
        installed,
        () -> {
          Table table = new Table("NAME", "VERSION");
          installed.forEach(p -> table.row(p.name(), p.version()));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
