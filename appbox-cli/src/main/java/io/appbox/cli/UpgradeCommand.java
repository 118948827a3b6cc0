package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "upgrade",
    description = "Upgrade the packages of a box, or of every box.",
    footer = {"", "Examples:", "  appbox upgrade", "  appbox upgrade --all"})
final class UpgradeCommand extends BaseCommand {
  @Mixin BoxChoice choice;

  @Option(names = "--all", description = "Every box.")
  boolean all;

  @Override
  int execute(Session session) {
    List<BoxName> boxes = AllBoxes.or(session, all, choice);
    Output out = session.output();
    Progress progress = out.longOperation();
    for (BoxName box : boxes) {
      session.packages().upgrade(box, progress);
      out.println("Upgraded " + box);
    }
    out.result(Map.of("upgraded", boxes.stream().map(BoxName::value).toList()), () -> {});
    return ExitCodes.OK;
  }
}
