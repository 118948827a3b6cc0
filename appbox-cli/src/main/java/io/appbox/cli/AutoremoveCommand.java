package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.exported.Export;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "autoremove",
    description = {
      "Remove the packages of a box that nothing needs any more (installed only as what other"
          + " packages needed), and unexport their applications and commands. appbox says which"
          + " packages go and asks first; --yes agrees beforehand, and --json or a script needs it."
    },
    footer = {"", "Examples:", "  appbox autoremove dev", "  appbox autoremove --yes --box dev"})
final class AutoremoveCommand extends BaseCommand implements LongOperation {
  @Mixin BoxArgument box;

  @Option(
      names = {"-y", "--yes"},
      description = "Remove them without asking.")
  boolean yes;

  @Override
  int execute(Session session) {
    BoxName name = box.orDefault(session);
    session.boxes().require(name);
    Output out = session.output();
    Progress progress = out.longOperation();
    Set<String> planned =
        new TreeSet<>(session.packages().plans().autoremove(name).orElse(Set.of()));
    RemovalConsent.ask(session, yes, "Removing what nothing needs any more from " + name, planned);
    List<Export> unexported =
        new ArrayList<>(session.exportService().unexportPackages(name, planned));
    Set<String> removed = session.packages().autoremove(name, progress);
    Set<String> unforeseen = new TreeSet<>(removed);
    unforeseen.removeAll(planned);
    unexported.addAll(session.exportService().unexportPackages(name, unforeseen));
    RemoveCommand.Data result = RemoveCommand.Data.of(name, Set.of(), removed, unexported);
    out.result(
        result.json(),
        () -> {
          unexported.forEach(e -> out.println("Unexported " + e.name()));
          result.removed().forEach(p -> out.println("Removed " + p + " from " + name));
          if (result.removed().isEmpty()) {
            out.println("Nothing to remove from " + name + ".");
          }
        });
    return ExitCodes.OK;
  }
}
