package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.cli.json.ExportJson;
import io.appbox.cli.json.SnapshotJson;
import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import io.appbox.core.rename.BoxRename;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "rename",
    description = {
      "Give a box another name. Its files, packages and snapshots stay; its exports are written again"
          + " for the new name (launchers, menu entries and commands keep their names and work as"
          + " before)."
    },
    footer = {"", "Examples:", "  appbox rename dev work", "  appbox rename --json dev work"})
final class RenameCommand extends BaseCommand implements LongOperation {
  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String from;

  @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
  String to;

  @Override
  int execute(Session session) {
    Output out = session.output();
    BoxRename.Renamed r =
        session.renames().rename(BoxName.of(from), BoxName.of(to), out.longOperation());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("from", r.from().value());
    data.put(
        "box",
        BoxJson.of(
            Box.of(
                session.boxes().require(r.to()),
                r.exports().size(),
                session.engine().info().id())));
    data.put("exports", r.exports().stream().map(ExportJson::of).toList());
    data.put("lost", r.lost());
    data.put("snapshots", r.snapshots().stream().map(SnapshotJson::of).toList());
    out.result(
        data,
        () -> {
          out.println(
              "Renamed box "
                  + r.from()
                  + " to "
                  + r.to()
                  + (r.exports().isEmpty()
                      ? ""
                      : "; its " + Plural.of(r.exports().size(), "export") + " follow")
                  + (r.snapshots().isEmpty()
                      ? ""
                      : "; its " + Plural.of(r.snapshots().size(), "snapshot") + " stay"));
          r.lost().forEach(l -> out.warn("Not exported again: " + l));
        });
    return r.lost().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
