package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.export.Export;
import io.appbox.core.pkg.PackageName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "remove",
    description = "Unexport what the packages exported, then remove them from the box.",
    footer = {"", "Examples:", "  appbox remove htop", "  appbox remove --box dev git"})
final class RemoveCommand extends BaseCommand implements LongOperation {
  @Mixin BoxChoice choice;

  @Parameters(arity = "1..*", paramLabel = "PKG", description = "Packages to remove.")
  List<String> packages;

  @Override
  int execute(Session session) {
    List<PackageName> names = InstallCommand.Packages.parse(packages);
    BoxName box = choice.existing(session);
    Output out = session.output();
    Progress progress = out.longOperation();
    List<Export> unexported =
        session
            .exportService()
            .unexportPackages(
                box, names.stream().map(PackageName::bare).collect(Collectors.toSet()));
    session.packages().remove(box, names, progress);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("box", box.value());
    data.put("removed", names.stream().map(PackageName::bare).toList());
    data.put("unexported", unexported.stream().map(Exports::json).toList());
    out.result(
        data,
        () -> {
          unexported.forEach(e -> out.println("Unexported " + e.name()));
          names.forEach(n -> out.println("Removed " + n.bare() + " from " + box));
        });
    return ExitCodes.OK;
  }
}
