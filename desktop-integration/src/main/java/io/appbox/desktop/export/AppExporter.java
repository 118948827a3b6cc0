package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.BoxFiles;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportKind;
import io.appbox.core.export.ExportRegistry;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.icon.IconLookup;
import io.appbox.desktop.icon.IconReference;
import io.appbox.desktop.icon.IconSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Exports a box's desktop application to the host and takes exports away again: the rewritten
 * desktop entry, its icons, and the record of both.
 *
 * <p>What needs the box (reading the entry, finding icons) happens before the export record is
 * locked; deciding names, writing files and recording them happen under the lock, so that two
 * appbox processes never claim the same file. A failed export leaves no file behind.
 */
public final class AppExporter {
  private final ExportRegistry registry;
  private final ExportFiles files;
  private final Clock clock;

  public AppExporter(ExportRegistry registry, ExportFiles files, Clock clock) {
    this.registry = registry;
    this.files = files;
    this.clock = clock;
  }

  /**
   * One application to export.
   *
   * @param box the box it is in
   * @param engine the engine running the box, as {@link Export#engine()} records it
   * @param desktopId the desktop-file id, {@code htop}
   * @param pkg the package it came from, or empty
   * @param source the desktop file's path inside the box
   * @param desktopFile the desktop file's bytes
   * @param launcher the arguments that run a command in the box, before the command's own
   * @param nameLabel appended to names, or null for {@code " (BOX)"}
   */
  public record Request(
      BoxName box,
      String engine,
      String desktopId,
      String pkg,
      String source,
      byte[] desktopFile,
      List<String> launcher,
      String nameLabel) {
    public Request {
      desktopFile = desktopFile.clone();
      launcher = List.copyOf(launcher);
      pkg = pkg == null ? "" : pkg;
    }
  }

  /** The export recorded, and what the user should be told. */
  public record Result(Export export, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Exports the application, replacing an earlier export of the same id from the same box.
   *
   * @throws AppboxException {@code INVALID_INPUT} for a desktop file appbox will not export, {@code
   *     EXPORT_CONFLICT} when the entry's file name is taken by a file appbox did not create
   */
  public Result export(Request r, BoxFiles boxFiles) {
    DesktopEntry entry = DesktopEntry.parse(r.source(), r.desktopFile());
    ExportedEntry exported =
        new ExportedEntry(r.box(), r.desktopId(), r.pkg(), r.launcher(), r.nameLabel());
    exported.rewrite(entry, Optional.empty()); // refuse a bad entry before looking for icons

    List<String> warnings = new ArrayList<>();
    IconSet icons = null;
    Optional<String> iconValue = entry.main().string("Icon").filter(s -> !s.isEmpty());
    if (iconValue.isPresent()) {
      try {
        icons = new IconLookup(boxFiles).find(IconReference.parse(iconValue.get()));
      } catch (AppboxException e) {
        if (e.code() != ErrorCode.INVALID_INPUT) {
          throw e;
        }
        warnings.add(e.getMessage() + " " + e.hint());
      }
    }
    IconSet found = icons;
    Export[] done = new Export[1];
    registry.update(
        current -> {
          Predicate<Export> same = sameApp(r.box(), r.engine(), r.desktopId());
          Set<Path> replacing = new HashSet<>();
          Set<Path> recorded = new HashSet<>();
          List<Export> kept = new ArrayList<>();
          for (Export e : current) {
            recorded.addAll(e.files());
            if (same.test(e)) {
              replacing.addAll(e.files());
            } else {
              kept.add(e);
            }
          }
          List<Path> created = new ArrayList<>();
          try {
            Optional<String> iconName = Optional.empty();
            List<Path> written = new ArrayList<>();
            if (found != null) {
              IconPlacement.Placed placed =
                  new IconPlacement(files).place(found, r.box(), recorded, replacing);
              created.addAll(placed.created());
              written.addAll(placed.files());
              warnings.addAll(placed.warnings());
              iconName = placed.name();
            }
            byte[] content = exported.rewrite(entry, iconName).toBytes();
            boolean existed = files.exists(ExportArea.APPLICATIONS, exported.fileName());
            Path desktop =
                files.write(ExportArea.APPLICATIONS, exported.fileName(), content, recorded);
            if (!existed) {
              created.add(desktop);
            }
            written.add(0, desktop);
            ExportRemover.deleteUnlisted(files, replacing, written, kept);
            Export export =
                new Export(
                    r.box(),
                    r.engine(),
                    ExportKind.APP,
                    r.desktopId(),
                    r.pkg(),
                    r.source(),
                    written,
                    clock.instant());
            kept.add(export);
            done[0] = export;
            return kept;
          } catch (RuntimeException e) {
            for (Path file : created) {
              try {
                files.delete(file);
              } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
              }
            }
            throw e;
          }
        });
    return new Result(done[0], warnings);
  }

  /** The export of desktop-file id {@code desktopId} from a box. */
  public static Predicate<Export> sameApp(BoxName box, String engine, String desktopId) {
    return e -> e.kind() == ExportKind.APP && e.isFrom(engine, box) && e.name().equals(desktopId);
  }
}
