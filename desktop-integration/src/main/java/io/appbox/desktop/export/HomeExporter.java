package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.export.AppExportRequest;
import io.appbox.core.export.BoxFiles;
import io.appbox.core.export.CommandExportRequest;
import io.appbox.core.export.DesktopExporter;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.desktop.icon.HostIconThemes;
import java.time.Clock;

/**
 * Exports into the user's home: applications into {@code $XDG_DATA_HOME/applications} and the
 * hicolor icon theme, commands into {@code ~/.local/bin}, each with the box's launcher in {@code
 * $XDG_DATA_HOME/appbox/launchers}, all recorded in the export record. {@link ExportRemover} takes
 * them away again.
 */
public final class HomeExporter implements DesktopExporter {
  private final AppExporter apps;
  private final CommandExporter commands;
  private final HostIconThemes hostThemes;

  /**
   * @param hostThemes the host's own icons, which exported icons never override
   */
  public HomeExporter(
      ExportRegistry registry, ExportFiles files, HostIconThemes hostThemes, Clock clock) {
    this.apps = new AppExporter(registry, files, hostThemes, clock);
    this.commands = new CommandExporter(registry, files, clock);
    this.hostThemes = hostThemes;
  }

  @Override
  public void lookForHostIcon(String name) {
    try {
      hostThemes.lookAhead(name);
    } catch (AppboxException notAnIconName) {
      // the export asks about the icon its entry names, if any
    }
  }

  @Override
  public ExportOutcome exportApp(AppExportRequest request, BoxFiles files) {
    return apps.export(request, files);
  }

  @Override
  public ExportOutcome exportCommand(CommandExportRequest request) {
    return commands.export(request);
  }
}
