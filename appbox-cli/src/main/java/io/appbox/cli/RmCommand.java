package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.export.Export;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rm",
    description = "Remove boxes and every export that came from them.",
    footer = {"", "Examples:", "  appbox rm dev", "  appbox rm --force dev web"})
final class RmCommand extends BaseCommand {
  @Option(
      names = {"-f", "--force"},
      description = "Remove running boxes too.")
  boolean force;

  @Parameters(arity = "0..*", paramLabel = "BOX", description = "The boxes.")
  List<String> boxes = new ArrayList<>();

  @Option(names = "--box", paramLabel = "BOX", description = "A box, named as an option.")
  List<String> optionBoxes = new ArrayList<>();

  @Override
  int execute(Session session) {
    List<BoxName> names = new ArrayList<>();
    for (String b : boxes) {
      names.add(BoxName.of(b));
    }
    for (String b : optionBoxes) {
      names.add(BoxName.of(b));
    }
    if (names.isEmpty()) {
      throw AppboxException.invalid(
          "Name the box to remove.", "For example: appbox rm dev (or --box dev)");
    }
    // Every box must exist before any is removed.
    for (BoxName name : names) {
      session.boxes().require(name);
    }
    List<Map<String, Object>> removed = new ArrayList<>();
    Output out = session.output();
    for (BoxName name : names) {
      List<Export> exports = session.boxes().remove(name, force);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("box", name.value());
      entry.put("exportsRemoved", exports.stream().map(Exports::json).toList());
      entry.put("snapshotsRemoved", session.upgrades().removeSnapshots(name));
      removed.add(entry);
      out.println(
          "Removed "
              + name
              + (exports.isEmpty() ? "" : " and its " + Plural.of(exports.size(), "export")));
    }
    out.result(Map.of("removed", removed), () -> {});
    return ExitCodes.OK;
  }
}
