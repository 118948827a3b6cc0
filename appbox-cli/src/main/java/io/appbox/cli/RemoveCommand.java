package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.exported.Export;
import io.appbox.core.pkg.PackageName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "remove",
    description = {
      "Remove packages from a box, and unexport the applications and commands of every package"
          + " the removal takes: the ones named and the ones the package manager takes along"
          + " (programs that need them). Before it removes a package you did not name, appbox"
          + " says which and asks; --yes agrees beforehand, and --json or a script needs it."
    },
    footer = {
      "",
      "Examples:",
      "  appbox remove htop",
      "  appbox remove --box dev git",
      "  appbox remove --yes --box dev libgtksourceview-4-0"
    })
final class RemoveCommand extends BaseCommand implements LongOperation {
  @Mixin BoxChoice choice;

  @Option(
      names = {"-y", "--yes"},
      description = "Remove the packages the package manager takes along without asking.")
  boolean yes;

  @Parameters(arity = "1..*", paramLabel = "PKG", description = "Packages to remove.")
  List<String> packages;

  @Override
  int execute(Session session) {
    List<PackageName> names = packages.stream().map(PackageName::of).toList();
    BoxName box = choice.existing(session);
    Output out = session.output();
    Progress progress = out.longOperation();
    Set<String> asked = new TreeSet<>(names.stream().map(PackageName::bare).toList());
    Set<String> along =
        new TreeSet<>(session.packages().plans().remove(box, names).orElse(Set.of()));
    along.removeAll(asked);
    RemovalConsent.ask(
        session, yes, "Removing " + String.join(", ", asked) + " from " + box, along);
    Set<String> going = new TreeSet<>(asked);
    going.addAll(along);
    List<Export> unexported = new ArrayList<>(session.exportService().unexportPackages(box, going));
    Set<String> removed = session.packages().remove(box, names, progress);
    // What the package manager took along that it had not said it would (or could not say).
    Set<String> unforeseen = new TreeSet<>(removed);
    unforeseen.removeAll(going);
    unexported.addAll(session.exportService().unexportPackages(box, unforeseen));
    Data result = Data.of(box, asked, removed, unexported);
    out.result(
        result.json(),
        () -> {
          unexported.forEach(e -> out.println("Unexported " + e.name()));
          for (String p : result.removed()) {
            out.println(
                "Removed "
                    + p
                    + " from "
                    + box
                    + (asked.contains(p)
                        ? ""
                        : " (taken along with " + String.join(", ", asked) + ")"));
          }
        });
    return ExitCodes.OK;
  }

  /** The result of a removal: every package that went, marked as asked for or taken along. */
  record Data(BoxName box, Set<String> asked, List<String> removed, List<Export> unexported) {
    static Data of(BoxName box, Set<String> asked, Set<String> gone, List<Export> unexported) {
      List<String> removed = new ArrayList<>(asked);
      gone.stream().filter(p -> !asked.contains(p)).forEach(removed::add);
      return new Data(box, asked, removed, unexported);
    }

    Map<String, Object> json() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("box", box.value());
      List<Map<String, Object>> list = new ArrayList<>();
      for (String p : removed) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", p);
        entry.put("asked", asked.contains(p));
        list.add(entry);
      }
      data.put("removed", list);
      data.put("unexported", unexported.stream().map(ExportJson::of).toList());
      return data;
    }
  }
}
