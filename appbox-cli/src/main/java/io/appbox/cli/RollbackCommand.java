package io.appbox.cli;

import io.appbox.cli.json.SnapshotJson;
import io.appbox.core.BoxName;
import io.appbox.core.upgrade.Snapshot;
import io.appbox.core.upgrade.UpgradeService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rollback",
    description = {
      "Return a box to a snapshot taken before an upgrade: the newest, or the one named. The box"
          + " keeps its name, labels, mounts and exports; your home is not touched. Without BOX:"
          + " the default box, as upgrade chooses it. It says what it discards: the packages"
          + " installed, removed and upgraded since the snapshot."
    },
    footer = {
      "",
      "Examples:",
      "  appbox rollback dev",
      "  appbox rollback --box dev --to dev-20261126T030000000Z"
    })
final class RollbackCommand extends BaseCommand implements LongOperation {
  @Mixin BoxArgument box;

  @Option(
      names = "--to",
      paramLabel = "SNAPSHOT",
      description = "The snapshot (default: the newest).")
  String to;

  @Override
  int execute(Session session) {
    BoxName name = box.orDefault(session);
    Output out = session.output();
    UpgradeService.Rollback done;
    try (FinishBeforeExit guard = FinishBeforeExit.during(out, "the rollback of " + name)) {
      done = session.upgrades().rollback(name, Optional.ofNullable(to), out.longOperation());
    }
    Snapshot restored = done.to();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("snapshot", SnapshotJson.of(restored));
    data.put("discarded", Changes.discarded(done.discarded()));
    out.result(
        data,
        () -> {
          out.println("Rolled " + name + " back to " + restored.name() + ".");
          if (done.discarded().isEmpty()) {
            out.println("The snapshot does not record its packages; what changed since is gone.");
          } else if (Changes.words(done.discarded().get()).isEmpty()) {
            out.println("No package had changed since.");
          } else {
            out.println("Discarded:");
            Changes.words(done.discarded().get()).forEach(w -> out.println("  " + w));
          }
        });
    return ExitCodes.OK;
  }
}
