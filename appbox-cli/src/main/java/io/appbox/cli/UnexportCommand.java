package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.BoxName;
import io.appbox.core.exported.Export;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "unexport",
    description = "Remove one export and exactly the files it wrote.",
    footer = {
      "",
      "Examples:",
      "  appbox unexport --box dev --app htop",
      "  appbox unexport --box dev --bin git-dev",
      "  appbox unexport --all"
    })
final class UnexportCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  static final class What {
    @Option(names = "--app", paramLabel = "ID", required = true, description = "Desktop-file id.")
    String app;

    @Option(
        names = "--bin",
        paramLabel = "NAME",
        required = true,
        description = "The command's name on the host.")
    String bin;

    @Option(
        names = "--all",
        required = true,
        description =
            "Every export of every box, on every engine; no engine is asked. The installer's"
                + " --uninstall --purge runs this.")
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Override
  int execute(Session session) {
    if (what.all) {
      if (choice.box != null) {
        throw io.appbox.core.AppboxException.invalid(
            "--all removes the exports of every box; it takes no --box.",
            "Unexport one box's apps with --box BOX --app ID, or all of them with --all.");
      }
      List<Export> removed = Wiring.removal(session.dirs(), session.exports()).remove(e -> true);
      Output out = session.output();
      out.result(
          Map.of("unexported", removed.stream().map(ExportJson::of).toList()),
          () ->
              out.println(
                  removed.isEmpty()
                      ? "Nothing was exported."
                      : "Unexported " + Plural.of(removed.size(), "export") + "."));
      return ExitCodes.OK;
    }
    BoxName box = choice.named(session, java.util.Optional.empty());
    List<Export> removed =
        what.app != null
            ? session.exportService().unexportApp(box, what.app)
            : session.exportService().unexportBin(box, what.bin);
    Output out = session.output();
    out.result(
        Map.of("unexported", removed.stream().map(ExportJson::of).toList()),
        () -> removed.forEach(e -> out.println("Unexported " + e.name() + " of " + e.box())));
    return ExitCodes.OK;
  }
}
