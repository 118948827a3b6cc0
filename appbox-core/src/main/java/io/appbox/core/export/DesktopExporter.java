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
   * Starts looking for an icon of this name among the host's own icons, for an export that will ask
   * about it (the icon an application named after its package most likely has); a name that cannot
   * be an icon's is ignored.
   */
  default void lookForHostIcon(String name) {}

  /**
   * @throws io.appbox.core.AppboxException {@code EXPORT_CONFLICT} when {@code ~/.local/bin/NAME}
   *     exists and is not an export of the same command
   */
  ExportOutcome exportCommand(CommandExportRequest request);
}
