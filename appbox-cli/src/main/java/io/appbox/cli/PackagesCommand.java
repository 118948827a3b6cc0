package io.appbox.cli;

import io.appbox.cli.json.BoxPackageJson;
import io.appbox.core.BoxName;
import io.appbox.core.pkg.BoxPackage;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "packages",
    description = {
      "List the packages installed in a box, with their versions. ASKED says whether you (or"
          + " appbox install) asked for the package, 'no' for one installed as a dependency, '-'"
          + " where the box's package manager cannot tell."
    },
    footer = {"", "Examples:", "  appbox packages", "  appbox packages --box dev --json"})
final class PackagesCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Override
  int execute(Session session) {
    BoxName box = choice.existing(session);
    List<BoxPackage> installed = session.packages().queries().installed(box);
    Output out = session.output();
    out.result(
        installed.stream().map(BoxPackageJson::of).toList(),
        () -> {
          Table table = new Table("NAME", "VERSION", "ASKED");
          installed.forEach(
              p ->
                  table.row(
                      p.name(), p.version(), p.manual() == null ? "-" : p.manual() ? "yes" : "no"));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
