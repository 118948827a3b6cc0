package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "update",
    description = "Refresh the package index of a box, or of every box.",
    footer = {"", "Examples:", "  appbox update", "  appbox update dev", "  appbox update --all"})
final class UpdateCommand extends BaseCommand implements LongOperation {
  @picocli.CommandLine.Mixin BoxArgument choice;

  @Option(names = "--all", description = "Every box.")
  boolean all;

  @Override
  int execute(Session session) {
    List<BoxName> boxes = AllBoxes.or(session, all, choice);
    Output out = session.output();
    Progress progress = out.longOperation();
    for (BoxName box : boxes) {
      session.packages().update(box, progress);
      out.println("Updated the package index of " + box);
    }
    out.result(Map.of("updated", boxes.stream().map(BoxName::value).toList()), () -> {});
    return ExitCodes.OK;
  }
}
