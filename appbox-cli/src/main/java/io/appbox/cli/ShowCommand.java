package io.appbox.cli;

import io.appbox.cli.json.PackageDetailsJson;
import io.appbox.core.BoxName;
import io.appbox.core.pkg.PackageDetails;
import io.appbox.core.pkg.PackageName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "show",
    description = {
      "Describe a package of the box's repositories: its name, version, whether it is installed,"
          + " summary, description, size and homepage, the same on every distribution; with"
          + " --json also the package manager's own fields (data.fields)."
    },
    footer = {"", "Examples:", "  appbox show htop", "  appbox show --box dev --json git"})
final class ShowCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Parameters(index = "0", paramLabel = "PKG", description = "The package.")
  String pkg;

  @Override
  int execute(Session session) {
    PackageName name = PackageName.of(pkg);
    BoxName box = choice.existing(session);
    PackageDetails p =
        session.packages().queries().show(box, name, session.output().sideProgress());
    Output out = session.output();
    out.result(
        PackageDetailsJson.of(p),
        () -> {
          line(out, "Name", p.name());
          line(out, "Version", p.version());
          line(out, "Installed", p.installed() ? "yes, in box " + box : "no");
          line(out, "Summary", p.summary());
          line(out, "Homepage", p.homepage());
          line(out, "Size", p.size() == null ? null : Sizes.of(p.size()));
          if (p.description() != null && !p.description().isBlank()) {
            out.println("Description:");
            p.description()
                .lines()
                .forEach(l -> out.println(Text.printable("  " + l).stripTrailing()));
          }
        });
    return ExitCodes.OK;
  }

  private static void line(Output out, String key, String value) {
    if (value != null && !value.isBlank()) {
      out.println(String.format("%-10s %s", key + ":", Text.printable(value)));
    }
  }
}
