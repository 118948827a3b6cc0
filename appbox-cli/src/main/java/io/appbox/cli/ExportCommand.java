package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.BoxName;
import io.appbox.core.export.ExportOutcome;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    description = {
      "Export one desktop application or one executable of a box. An application is named by"
          + " its desktop-file id (htop or htop.desktop) or by its package when the package has"
          + " one application; an executable by its path, or by its name, found on the box's PATH."
    },
    footer = {
      "",
      "Examples:",
      "  appbox export --box dev --app htop",
      "  appbox export --box dev --app org.gnome.gedit.desktop",
      "  appbox export --box dev --bin cowsay",
      "  appbox export --box dev --bin /usr/bin/git --as git-dev"
    })
final class ExportCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  static final class What {
    @Option(
        names = "--app",
        paramLabel = "ID",
        required = true,
        description = "Desktop-file id (htop or htop.desktop), or a package with one application.")
    String app;

    @Option(
        names = "--bin",
        paramLabel = "PROGRAM",
        required = true,
        description = "Executable in the box: its path, or its name on the box's PATH (htop).")
    String bin;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Option(
      names = "--as",
      paramLabel = "NAME",
      description = "The command's name on the host (with --bin).")
  String as;

  @Override
  int execute(Session session) {
    if (as != null && what.bin == null) {
      throw io.appbox.core.AppboxException.invalid(
          "--as goes with --bin.", "For example: --bin /usr/bin/vim --as vim-dev");
    }
    BoxName box = choice.existing(session);
    ExportOutcome outcome =
        what.app != null
            ? session.exportService().exportApp(box, what.app)
            : session.exportService().exportBin(box, what.bin, Optional.ofNullable(as));
    Output out = session.output();
    outcome.warnings().forEach(out::warn);
    out.result(
        ExportJson.of(outcome.export()),
        () ->
            out.println(
                "Exported " + outcome.export().name() + ": " + outcome.export().files().get(0)));
    return ExitCodes.OK;
  }
}
