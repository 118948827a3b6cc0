package io.appbox.core.rename;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.BoxService;
import io.appbox.core.box.Boxes;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.export.ExportService;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.exported.ExportRemoval;
import io.appbox.core.upgrade.Snapshot;
import io.appbox.core.upgrade.UpgradeService;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code appbox rename OLD NEW}: the engine renames the container, which keeps its files, labels
 * and id, and so its snapshots (they carry the box's id); its exports are written again for the new
 * name (launchers, desktop entries and wrappers name the box), under the same names.
 */
public final class BoxRename {
  /** What a rename did: the exports written again, and those that could not be. */
  public record Renamed(
      BoxName from, BoxName to, List<Export> exports, List<String> lost, List<Snapshot> snapshots) {
    public Renamed {
      exports = List.copyOf(exports);
      lost = List.copyOf(lost);
      snapshots = List.copyOf(snapshots);
    }
  }

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final ExportRegistry registry;
  private final ExportRemoval removal;
  private final ExportService exports;
  private final UpgradeService upgrades;

  public BoxRename(
      ContainerEngine engine,
      BoxService boxes,
      ExportRegistry registry,
      ExportRemoval removal,
      ExportService exports,
      UpgradeService upgrades) {
    this.engine = engine;
    this.boxes = boxes;
    this.registry = registry;
    this.removal = removal;
    this.exports = exports;
    this.upgrades = upgrades;
  }

  public Renamed rename(BoxName from, BoxName to, Progress progress) {
    ContainerState box = boxes.require(from);
    if (box.labels().containsKey(BoxLabels.OWNER)) {
      throw AppboxException.invalid(
          "Box " + from + " is a throwaway box; it goes when its command ends.",
          "Rename a box made with appbox create.");
    }
    if (from.equals(to)) {
      throw AppboxException.invalid(
          "Box " + from + " already has that name.",
          "Name another: appbox rename " + from + " NEW");
    }
    if (engine.inspect(to).isPresent()) {
      throw Boxes.exists(to);
    }
    List<Snapshot> snapshots = upgrades.snapshots(from);
    if (!snapshots.isEmpty() && box.labels().getOrDefault(BoxLabels.ID, "").isEmpty()) {
      throw AppboxException.invalid(
          "Box "
              + from
              + " was made by an appbox older than box ids, and its snapshots carry its name:"
              + " they would not follow a new name.",
          "Delete them first (appbox snapshots "
              + from
              + " --delete SNAPSHOT), or keep the name; a clone has an id: appbox create "
              + to
              + " --clone "
              + from);
    }
    String engineId = engine.info().id();
    List<Export> theirs = registry.all().stream().filter(e -> e.isFrom(engineId, from)).toList();

    progress.report("rename", -1, "Renaming box " + from + " to " + to);
    engine.rename(from, to);
    boxes.hostCommandsFollow(from, to);
    // The old files go first: a command's wrapper keeps its name, and so its path.
    removal.remove(theirs::contains);
    List<Export> written = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    for (Export e : theirs) {
      progress.report("export", -1, "Exporting " + e.name() + " from " + to + " again");
      try {
        written.add(
            exports
                .recreate(
                    new Export(
                        to,
                        e.engine(),
                        e.kind(),
                        e.name(),
                        e.pkg(),
                        e.source(),
                        e.files(),
                        e.created()))
                .export());
      } catch (AppboxException failed) {
        lost.add(e.name() + ": " + failed.getMessage());
      }
    }
    return new Renamed(from, to, written, lost, upgrades.snapshots(to));
  }
}
