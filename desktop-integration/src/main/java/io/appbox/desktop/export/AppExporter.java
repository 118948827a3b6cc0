package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.AppExportRequest;
import io.appbox.core.export.BoxFiles;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.icon.HostIconThemes;
import io.appbox.desktop.icon.IconLookup;
import io.appbox.desktop.icon.IconReference;
import io.appbox.desktop.icon.IconSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Exports a box's desktop application to the host: the rewritten desktop entry, its icons, the
 * box's launcher that every {@code Exec} runs through, and the record of them.
 *
 * <p>What needs the box (reading the entry, finding icons) happens before the export record is
 * locked; deciding names, writing files and recording them happen under the lock, so that two
 * appbox processes never claim the same file. A failed export leaves no file behind.
 */
final class AppExporter {
  private final ExportRegistry registry;
  private final ExportFiles files;
  private final HostIconThemes hostThemes;
  private final Clock clock;

  AppExporter(ExportRegistry registry, ExportFiles files, HostIconThemes hostThemes, Clock clock) {
    this.registry = registry;
    this.files = files;
    this.hostThemes = hostThemes;
    this.clock = clock;
  }

  /**
   * Exports the application, replacing an earlier export of the same id from the same box.
   *
   * @throws AppboxException {@code INVALID_INPUT} for a desktop file appbox will not export, {@code
   *     EXPORT_CONFLICT} when the entry's file name is another export's, or the entry's or the
   *     launcher's is taken by a file appbox did not create
   */
  ExportOutcome export(AppExportRequest r, BoxFiles boxFiles) {
    String launcher = files.resolve(ExportArea.LAUNCHERS, r.launcher().relativePath()).toString();
    DesktopEntry entry = DesktopEntry.parse(r.source(), r.desktopFile());
    ExportedEntry exported =
        new ExportedEntry(r.box(), r.desktopId(), r.pkg(), List.of(launcher), r.nameLabel());
    exported.rewrite(entry, Optional.empty()); // refuse a bad entry before looking for icons

    List<String> warnings = new ArrayList<>();
    IconSet icons = null;
    Optional<String> iconValue = entry.main().string("Icon").filter(s -> !s.isEmpty());
    if (iconValue.isPresent()) {
      try {
        IconReference icon = IconReference.parse(iconValue.get());
        hostThemes.lookAhead(icon.name());
        icons = new IconLookup(boxFiles).find(icon);
      } catch (AppboxException e) {
        if (e.code() != ErrorCode.INVALID_INPUT) {
          throw e;
        }
        warnings.add(e.getMessage() + " " + e.hint());
      }
    }
    IconSet found = icons;
    List<String> iconWarnings = new ArrayList<>();
    Export export =
        ExportWrite.apply(
            registry,
            files,
            r.box(),
            sameApp(r.box(), r.engine(), r.desktopId()),
            w -> {
              w.requireNoOtherOwner(files.resolve(ExportArea.APPLICATIONS, exported.fileName()));
              iconWarnings.clear();
              List<Path> written = new ArrayList<>();
              written.add(w.launcher(r.launcher()));
              Optional<String> iconName = Optional.empty();
              if (found != null) {
                IconPlacement.Placed placed =
                    new IconPlacement(files, hostThemes)
                        .place(found, r.box(), w.recorded(), w.replacing());
                w.created(placed.created());
                written.addAll(placed.files());
                iconWarnings.addAll(placed.warnings());
                iconName = placed.name();
              }
              byte[] content = exported.rewrite(entry, iconName).toBytes();
              written.add(
                  0, w.write(ExportArea.APPLICATIONS, exported.fileName(), content, w.replacing()));
              return new Export(
                  r.box(),
                  r.engine(),
                  ExportKind.APP,
                  r.desktopId(),
                  r.pkg(),
                  r.source(),
                  written,
                  clock.instant());
            });
    warnings.addAll(iconWarnings);
    return new ExportOutcome(export, warnings);
  }

  /** The export of desktop-file id {@code desktopId} from a box. */
  static Predicate<Export> sameApp(BoxName box, String engine, String desktopId) {
    return e -> e.kind() == ExportKind.APP && e.isFrom(engine, box) && e.name().equals(desktopId);
  }
}
