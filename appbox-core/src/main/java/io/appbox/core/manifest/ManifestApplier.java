package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.box.BoxService;
import io.appbox.core.box.CreateBox;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.ExportService;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.install.InstallService;
import io.appbox.core.pkg.InstalledPackage;
import io.appbox.core.pkg.PackageName;
import io.appbox.core.pkg.PackageService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Carries out a {@link Plan} through the box, package and export services, one change after the
 * other, and keeps the apply record in step: which boxes apply manages, which packages it
 * installed. A change that fails stops the apply; what was done before it stays done, and the next
 * apply plans only what is still missing.
 */
public final class ManifestApplier {
  private final ContainerEngine engine;
  private final BoxService boxes;
  private final PackageService packages;
  private final InstallService installs;
  private final ExportService exports;
  private final AppliedRecord record;
  private final Path userHome;

  public ManifestApplier(
      ContainerEngine engine,
      BoxService boxes,
      PackageService packages,
      ExportService exports,
      AppliedRecord record,
      Path userHome) {
    this.engine = engine;
    this.boxes = boxes;
    this.packages = packages;
    this.installs = new InstallService(packages, exports);
    this.exports = exports;
    this.record = record;
    this.userHome = userHome;
  }

  public ApplyOutcome apply(Manifest manifest, Plan plan, Progress progress) {
    String engineId = engine.info().id();
    List<Change> done = new ArrayList<>();
    List<String> warnings = new ArrayList<>(plan.warnings());
    int total = plan.changes().size();
    for (Change change : plan.changes()) {
      String what = change.describe();
      progress.report(
          "apply",
          done.size() * 100 / total,
          Character.toUpperCase(what.charAt(0)) + what.substring(1));
      run(change, engineId, warnings, progress);
      done.add(change);
    }
    keepRecord(manifest, engineId);
    return new ApplyOutcome(done, warnings);
  }

  private void run(Change change, String engineId, List<String> warnings, Progress progress) {
    if (change instanceof Change.Create c) {
      create(c, engineId, progress);
    } else if (change instanceof Change.Install c) {
      install(c, engineId, progress);
    } else if (change instanceof Change.ExportApp c) {
      warn(exports.exportApp(c.box(), c.id()), warnings);
    } else if (change instanceof Change.ExportBin c) {
      warn(exports.exportBin(c.box(), c.bin().path(), c.bin().as()), warnings);
    } else if (change instanceof Change.ExportEntry c) {
      warn(exports.exportTerminalEntry(c.box()), warnings);
    } else if (change instanceof Change.Unexport c) {
      if (c.kind() == ExportKind.BIN) {
        exports.unexportBin(c.box(), c.name());
      } else {
        exports.unexportApp(c.box(), c.name());
      }
    } else if (change instanceof Change.RemovePackages c) {
      Set<String> removed = packages.remove(c.box(), c.packages(), progress);
      // Packages the package manager took along leave no menu entries pointing at nothing.
      exports.unexportPackages(c.box(), removed);
      Set<String> gone = c.packages().stream().map(PackageName::bare).collect(Collectors.toSet());
      updateBox(engineId, c.box(), b -> b.withoutPackages(gone));
    } else if (change instanceof Change.RemoveBox c) {
      boxes.remove(c.box(), true);
      record.update(
          engineId,
          m -> {
            m.remove(c.box());
            return m;
          });
    }
  }

  private void create(Change.Create c, String engineId, Progress progress) {
    BoxSpec spec = c.spec();
    spec.home()
        .filter(home -> home.startsWith(userHome) && !Files.isDirectory(home))
        .ifPresent(this::createHome);
    boxes.create(
        new CreateBox(
            spec.name(),
            Optional.of(c.distro()),
            spec.image(),
            spec.home(),
            spec.volumes(),
            spec.entry()),
        progress);
    record.update(
        engineId,
        m -> {
          m.put(spec.name(), AppliedBox.created(spec));
          return m;
        });
    try {
      InitCommands.run(
          engine,
          spec,
          progress,
          "Fix the command in the manifest and apply again. The box was removed, so that the"
              + " next apply creates it and runs its init commands again.");
    } catch (RuntimeException e) {
      // The commands run only when apply creates the box: without it, the next apply runs them.
      try {
        boxes.remove(spec.name(), true);
        record.update(
            engineId,
            m -> {
              m.remove(spec.name());
              return m;
            });
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void createHome(Path home) {
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not create the home directory " + home + ": " + e.getMessage(),
          "Create it yourself (mkdir -p " + home + ") and apply again.",
          e);
    }
  }

  private void install(Change.Install c, String engineId, Progress progress) {
    Set<String> installed =
        packages.installed(c.box()).stream()
            .map(InstalledPackage::name)
            .collect(Collectors.toSet());
    List<PackageName> missing =
        c.packages().stream().filter(p -> !installed.contains(p.bare())).toList();
    if (missing.isEmpty()) {
      return;
    }
    // The manifest's exports are changes of their own, planned with the rest.
    installs.install(c.box(), missing, false, progress);
    // Only what the box lacked is apply's to remove again: the image's own packages never are.
    updateBox(
        engineId, c.box(), b -> b.withPackages(missing.stream().map(PackageName::bare).toList()));
  }

  private void updateBox(String engineId, BoxName box, UnaryOperator<AppliedBox> change) {
    record.update(
        engineId,
        m -> {
          m.put(box, change.apply(m.getOrDefault(box, AppliedBox.adopted(box))));
          return m;
        });
  }

  /**
   * Adopts the listed boxes that were there before (so that a later {@code --prune} may remove them
   * when the manifest drops them) and forgets boxes that are gone from the engine.
   */
  private void keepRecord(Manifest manifest, String engineId) {
    Set<BoxName> present =
        engine.list().stream().map(ContainerState::name).collect(Collectors.toSet());
    record.update(
        engineId,
        m -> {
          m.keySet().retainAll(present);
          for (BoxSpec spec : manifest.boxes()) {
            if (present.contains(spec.name())) {
              m.putIfAbsent(spec.name(), AppliedBox.adopted(spec.name()));
            }
          }
          return m;
        });
  }

  private static void warn(ExportOutcome outcome, List<String> warnings) {
    warnings.addAll(outcome.warnings());
  }
}
