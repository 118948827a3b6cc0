package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.BoxName;
import io.appbox.core.export.ExportStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "exports",
    description = {
      "List what is exported, from which box and package, and whether it still works, as doctor"
          + " checks it. Its state is one of:",
      "  ok                 it works",
      "  box-gone           its box was removed (appbox doctor --fix removes the export)",
      "  program-gone       its program is no longer in the box, checked while the box runs"
          + " (doctor --fix removes it)",
      "  files-missing      some of its host files are gone (doctor --fix writes them again)",
      "  files-overwritten  another export or you wrote over its files (doctor --fix forgets it)",
      "An application's DISPLAY NAME is the name your menu shows; ICON is its icon file (the"
          + " scalable one, else the largest)."
    },
    footer = {"", "Examples:", "  appbox exports", "  appbox exports --box dev --json"})
final class ExportsCommand extends BaseCommand {
  @Option(names = "--box", paramLabel = "BOX", description = "Only this box's exports.")
  String box;

  @Override
  int execute(Session session) {
    Optional<BoxName> only = Optional.ofNullable(box).map(BoxName::of);
    List<ExportStatus> all = session.exportService().list(only);
    if (only.isPresent() && all.isEmpty()) {
      // A box that is gone still lists its exports (box-gone); one that never was is not found.
      session.boxes().require(only.get());
    }
    Output out = session.output();
    List<Map<String, Object>> json = new ArrayList<>();
    List<ExportLooks> looks = new ArrayList<>();
    for (ExportStatus s : all) {
      ExportLooks l = ExportLooks.of(s.export());
      looks.add(l);
      json.add(ExportJson.of(s, l.displayName(), l.icon()));
    }
    out.result(
        json,
        () -> {
          if (all.isEmpty() && only.isPresent()) {
            out.println(
                "Nothing exported from box "
                    + only.get()
                    + " yet. Install an application: appbox install --box "
                    + only.get()
                    + " htop");
          } else if (all.isEmpty()) {
            out.println("Nothing exported yet. Install an application: appbox install htop");
            return;
          }
          Table table =
              new Table("BOX", "KIND", "NAME", "PACKAGE", "STATE", "DISPLAY NAME", "ICON");
          for (int i = 0; i < all.size(); i++) {
            ExportStatus s = all.get(i);
            table.row(
                s.export().box(),
                s.export().kind().name().toLowerCase(Locale.ROOT),
                s.export().name(),
                s.export().pkg().isEmpty() ? "-" : s.export().pkg(),
                s.state(),
                looks.get(i).displayName(),
                looks.get(i).icon());
          }
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
