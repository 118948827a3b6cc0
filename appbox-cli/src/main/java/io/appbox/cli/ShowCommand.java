package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.pkg.PackageName;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    description = "Describe a package of the box's repositories.",
    footer = {"", "Examples:", "  appbox show htop", "  appbox show --box dev --json git"})
final class ShowCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Parameters(index = "0", paramLabel = "PKG", description = "The package.")
  String pkg;

  @Override
  int execute(Session session) {
    PackageName name = PackageName.of(pkg);
    BoxName box = choice.existing(session);
    Map<String, String> fields =
        session.packages().show(box, name, session.output().sideProgress());
    Output out = session.output();
    out.result(
        fields,
        () -> {
          int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
          fields.forEach(
              (k, v) -> out.println(String.format("%-" + width + "s  %s", k, Text.printable(v))));
        });
    return ExitCodes.OK;
  }
}
