package io.appbox.cli;

import io.appbox.cli.json.SnapshotJson;
import io.appbox.core.BoxName;
import io.appbox.core.upgrade.Snapshot;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "snapshots",
    description = {
      "List a box's snapshots, newest first: taken before each upgrade, for rollback, each as"
          + " large as the box. --delete deletes the ones named, then lists the rest.",
      "Without BOX: the default box, as upgrade chooses it."
    },
    footer = {
      "",
      "Examples:",
      "  appbox snapshots dev",
      "  appbox snapshots --box dev --json",
      "  appbox snapshots dev --delete dev-20261126T030000123Z"
    })
final class SnapshotsCommand extends BaseCommand {
  @Mixin BoxArgument box;

  @picocli.CommandLine.Option(
      names = "--delete",
      paramLabel = "SNAPSHOT",
      description = "Delete this snapshot (repeatable).")
  List<String> delete = new java.util.ArrayList<>();

  @Override
  int execute(Session session) {
    BoxName name = box.orDefault(session);
    session.boxes().require(name);
    Output out = session.output();
    for (String snapshot : delete) {
      Snapshot gone = session.upgrades().deleteSnapshot(name, snapshot);
      out.println("Deleted snapshot " + gone.name() + " (" + (gone.size() >> 20) + " MiB)");
    }
    List<Snapshot> all = session.upgrades().snapshots(name);
    out.result(
        all.stream().map(SnapshotJson::of).toList(),
        () -> {
          if (all.isEmpty()) {
            out.println("Box " + name + " has no snapshots yet; upgrade takes one.");
            return;
          }
          Table table = new Table("NAME", "TIME", "SIZE");
          all.forEach(s -> table.row(s.name(), s.time(), (s.size() >> 20) + " MiB"));
          out.out().print(table.render(out.color()));
        });
    return ExitCodes.OK;
  }
}
