package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.upgrade.Snapshot;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "snapshots",
    description = "List a box's snapshots, newest first: taken before each upgrade, for rollback.",
    footer = {"", "Examples:", "  appbox snapshots dev", "  appbox snapshots dev --json"})
final class SnapshotsCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Override
  int execute(Session session) {
    BoxName name = BoxName.of(box);
    session.boxes().require(name);
    List<Snapshot> all = session.upgrades().snapshots(name);
    Output out = session.output();
    out.result(
        all,
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
