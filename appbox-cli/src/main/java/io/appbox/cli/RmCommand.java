package io.appbox.cli;

import io.appbox.cli.json.ExportJson;
import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.exported.Export;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "rm",
    description = {
      "Remove boxes with every export that came from them and their snapshots. When a box has"
          + " exports or snapshots, appbox says which go and asks first; --yes or --force agree"
          + " beforehand, and --json or a script needs one of them."
    },
    footer = {"", "Examples:", "  appbox rm dev", "  appbox rm --force dev web"})
final class RmCommand extends BaseCommand {
  @Option(
      names = {"-f", "--force"},
      description = "Remove running boxes too, without asking.")
  boolean force;

  @Option(
      names = {"-y", "--yes"},
      description = "Remove the boxes' exports and snapshots with them without asking.")
  boolean yes;

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
    // Every box must exist before any is removed, and the user know what goes with it.
    List<String> goesWith = new ArrayList<>();
    Map<BoxName, List<io.appbox.core.upgrade.Snapshot>> snapshotsOf = new LinkedHashMap<>();
    for (BoxName name : names) {
      io.appbox.core.engine.ContainerState box = session.boxes().require(name);
      if (box.running() && !force) {
        session.boxes().remove(name, false); // refuses, saying how
      }
      List<String> exports =
          session.exportService().list(java.util.Optional.of(name)).stream()
              .map(s -> s.export().name())
              .toList();
      List<io.appbox.core.upgrade.Snapshot> snapshots = session.upgrades().snapshots(name);
      snapshotsOf.put(name, snapshots);
      List<String> parts = new ArrayList<>();
      if (!exports.isEmpty()) {
        parts.add(Plural.of(exports.size(), "export") + " (" + String.join(", ", exports) + ")");
      }
      if (!snapshots.isEmpty()) {
        long bytes = snapshots.stream().mapToLong(io.appbox.core.upgrade.Snapshot::size).sum();
        parts.add(
            Plural.of(snapshots.size(), "snapshot")
                + " ("
                + String.join(
                    ", ", snapshots.stream().map(io.appbox.core.upgrade.Snapshot::name).toList())
                + "; "
                + (bytes >> 20)
                + " MiB)");
      }
      if (!parts.isEmpty()) {
        goesWith.add("box " + name + " takes its " + String.join(" and its ", parts) + " along");
      }
    }
    if (!goesWith.isEmpty() && !force) {
      RemovalConsent.confirm(
          session, yes, "Removing " + String.join("; ", goesWith), "Remove them?");
    }
    List<Map<String, Object>> removed = new ArrayList<>();
    Output out = session.output();
    for (BoxName name : names) {
      List<Export> exports = session.boxes().remove(name, force);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("box", name.value());
      entry.put("exportsRemoved", exports.stream().map(ExportJson::of).toList());
      entry.put("snapshotsRemoved", session.upgrades().removeSnapshots(snapshotsOf.get(name)));
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
