package io.appbox.core.install;

import io.appbox.core.BoxName;
import io.appbox.core.Meanwhile;
import io.appbox.core.Progress;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.ExportService;
import io.appbox.core.host.LockFile;
import io.appbox.core.pkg.InstallCheck;
import io.appbox.core.pkg.Installation;
import io.appbox.core.pkg.InstalledPackage;
import io.appbox.core.pkg.PackageName;
import io.appbox.core.pkg.PackageService;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code appbox install}: the packages, with the box's package manager, then the desktop
 * applications they brought exported, under one hold of the box's lock, so that no other appbox
 * changes the box between the two. {@code appbox install}, its direct path and {@code apply} all
 * come here.
 */
public final class InstallService {
  /** What an install did: each package asked for, and each application exported. */
  public record Installed(List<InstalledPackage> packages, List<ExportOutcome> exports) {
    public Installed {
      packages = List.copyOf(packages);
      exports = List.copyOf(exports);
    }

    /** What exporting refused, in the user's words. */
    public List<String> warnings() {
      return exports.stream().flatMap(o -> o.warnings().stream()).toList();
    }
  }

  private final PackageService packages;
  private final ExportService exports;

  public InstallService(PackageService packages, ExportService exports) {
    this.packages = packages;
    this.exports = exports;
  }

  /**
   * Installs the packages; with {@code export}, exports the applications of those the box did not
   * have (what was installed before was exported then, or left unexported on purpose).
   */
  public Installed install(
      BoxName box, List<PackageName> names, boolean export, Progress progress) {
    try (LockFile lock = packages.lock(box, progress)) {
      return installLocked(box, names, packages.check(box, names), export, progress);
    }
  }

  /**
   * The same, for a caller that holds the box's lock and has started the box's check ({@link
   * PackageService#check}), to record the transaction while the box answers.
   */
  public Installed installLocked(
      BoxName box,
      List<PackageName> names,
      Meanwhile<InstallCheck> checked,
      boolean export,
      Progress progress) {
    Installation installed = packages.installing(checked, names, progress);
    List<ExportOutcome> exported = new ArrayList<>();
    if (export) {
      exported.addAll(exportApps(box, installed.added(), progress));
    }
    return new Installed(installed.packages(), exported);
  }

  /** Exports the applications of packages an interrupted install left unexported. */
  public List<ExportOutcome> exportApps(BoxName box, List<String> installed, Progress progress) {
    List<ExportOutcome> exported = new ArrayList<>();
    for (String p : installed) {
      exported.addAll(exportApps(box, p, progress));
    }
    return exported;
  }

  private List<ExportOutcome> exportApps(BoxName box, String pkg, Progress progress) {
    progress.report("export", -1, "Exporting the applications of " + pkg);
    return exports.exportPackageApps(box, pkg);
  }
}
