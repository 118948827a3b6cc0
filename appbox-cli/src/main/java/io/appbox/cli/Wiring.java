package io.appbox.cli;

import io.appbox.core.ImageRef;
import io.appbox.core.export.DesktopExporter;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.host.XdgDirs;
import io.appbox.core.profile.ProfileCatalog;
import io.appbox.desktop.export.ExportArea;
import io.appbox.desktop.export.ExportFiles;
import io.appbox.desktop.export.ExportRecordFile;
import io.appbox.desktop.export.ExportRemover;
import io.appbox.desktop.export.HomeExporter;
import io.appbox.desktop.icon.HostIconThemes;
import io.appbox.profiles.ProfileRepository;
import java.time.Clock;
import java.util.Map;

/** Which adapter serves each of the core's ports. */
final class Wiring {
  private Wiring() {}

  static ProfileCatalog profiles(XdgDirs dirs, Map<String, ImageRef> images) {
    return new ProfileRepository(ProfileRepository.userDirectory(dirs.configHome()), images);
  }

  static ExportRegistry exports(XdgDirs dirs) {
    return new ExportRecordFile(dirs.appboxState());
  }

  static ExportFiles exportFiles(XdgDirs dirs) {
    return ExportFiles.forDataHome(dirs.dataHome(), dirs.binDir());
  }

  static DesktopExporter desktopExporter(
      XdgDirs dirs, Map<String, String> env, ExportRegistry registry) {
    ExportFiles files = exportFiles(dirs);
    return new HomeExporter(
        registry, files, HostIconThemes.of(env, files.base(ExportArea.ICONS)), Clock.systemUTC());
  }

  static ExportRemover removal(XdgDirs dirs, ExportRegistry registry) {
    return new ExportRemover(registry, exportFiles(dirs));
  }
}
