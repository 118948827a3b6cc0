package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.pkg.InstalledPackage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "autoremove",
    description =
        "Remove the packages that were installed as dependencies and that nothing needs any more.",
    footer = {"", "Examples:", "  appbox autoremove", "  appbox autoremove --box dev"})
final class AutoremoveCommand extends BaseCommand implements LongOperation {
  @Mixin BoxChoice choice;

  @Override
  int execute(Session session) {
    BoxName box = choice.existing(session);
    Output out = session.output();
    List<InstalledPackage> removed = session.packages().autoremove(box, out.longOperation());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("box", box.value());
    data.put("removed", removed);
    out.result(
        data,
        () -> {
          if (removed.isEmpty()) {
            out.println("Nothing to remove in " + box + ".");
          }
          removed.forEach(p -> out.println("Removed " + p.name() + " " + p.version()));
        });
    return ExitCodes.OK;
  }
}
