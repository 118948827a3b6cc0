package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.export.CommandExportRequest;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.exported.ExportRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/**
 * Exports an executable of a box as a command in {@code ~/.local/bin}: a {@link CommandScript} that
 * runs it through the box's launcher, the launcher itself, and the record of both.
 *
 * <p>The command's file is written only where there is none, or where an earlier export of the same
 * command from the same box put it; a user's file and another box's command are never replaced.
 */
final class CommandExporter {
  private final ExportRegistry registry;
  private final ExportFiles files;
  private final Clock clock;

  CommandExporter(ExportRegistry registry, ExportFiles files, Clock clock) {
    this.registry = registry;
    this.files = files;
    this.clock = clock;
  }

  /**
   * Exports the command, replacing an earlier export of the same name from the same box.
   *
   * @throws AppboxException {@code INVALID_INPUT} for a bad name or path, {@code EXPORT_CONFLICT}
   *     when {@code ~/.local/bin/NAME} or the launcher exists and is not this box's
   */
  ExportOutcome export(CommandExportRequest r) {
    CommandScript.checkName(r.name());
    Path launcher = files.resolve(ExportArea.LAUNCHERS, r.launcher().relativePath());
    byte[] script = new CommandScript(r.box(), r.pkg(), r.source(), r.name(), launcher).toBytes();
    Path command = files.resolve(ExportArea.BIN, r.name());
    Export export =
        ExportWrite.apply(
            registry,
            files,
            r.box(),
            sameCommand(r.box(), r.engine(), r.name()),
            w -> {
              w.requireNoOtherOwner(command);
              Path launcherFile = w.launcher(r.launcher());
              Path written = w.write(ExportArea.BIN, r.name(), script, w.replacing());
              return new Export(
                  r.box(),
                  r.engine(),
                  ExportKind.BIN,
                  r.name(),
                  r.pkg(),
                  r.source(),
                  List.of(written, launcherFile),
                  clock.instant());
            });
    return new ExportOutcome(export, List.of());
  }

  /** The export of command {@code name} from a box. */
  static Predicate<Export> sameCommand(BoxName box, String engine, String name) {
    return e -> e.kind() == ExportKind.BIN && e.isFrom(engine, box) && e.name().equals(name);
  }
}
