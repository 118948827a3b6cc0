package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.upgrade.Snapshot;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "rollback",
    description = {
      "Return a box to a snapshot taken before an upgrade: the newest, or the one named. The box"
          + " keeps its name, labels, mounts and exports; your home is not touched. Without BOX:"
          + " the default box, as upgrade chooses it."
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
    Snapshot restored;
    try (FinishBeforeExit guard = FinishBeforeExit.during(out, "the rollback of " + name)) {
      restored = session.upgrades().rollback(name, Optional.ofNullable(to), out.longOperation());
    }
    out.result(restored, () -> out.println("Rolled " + name + " back to " + restored.name()));
    return ExitCodes.OK;
  }
}
