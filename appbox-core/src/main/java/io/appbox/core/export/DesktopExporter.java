package io.appbox.core.export;

/**
 * Writes exports into the user's home: desktop entries and icons, command wrappers, and the box's
 * launcher, all recorded under the export record's lock. A failed export leaves no file behind;
 * exporting the same thing again replaces the earlier export.
 */
public interface DesktopExporter {
  /**
   * @throws io.appbox.core.AppboxException {@code INVALID_INPUT} for a desktop file appbox will not
   *     export, {@code EXPORT_CONFLICT} when a file name is taken by a file appbox did not create
   */
  ExportOutcome exportApp(AppExportRequest request, BoxFiles files);

  /**
   * @throws io.appbox.core.AppboxException {@code EXPORT_CONFLICT} when {@code ~/.local/bin/NAME}
   *     exists and is not an export of the same command
   */
  ExportOutcome exportCommand(CommandExportRequest request);
}
