package io.appbox.core.manifest;

import io.appbox.core.Progress;
import io.appbox.core.box.Box;
import io.appbox.core.box.BoxService;
import io.appbox.core.box.CreateBox;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.ExportService;
import io.appbox.core.install.InstallService;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code create --packages} and {@code create --preset}: a box made as a spec says, its init
 * commands run, its packages installed with their applications exported, and the apps and commands
 * it names exported, in one step. What fails takes the half-made box with it.
 */
public final class BoxFromSpec {
  /** The box, what was installed in it, and the apps and commands the spec named, exported. */
  public record Made(Box box, InstallService.Installed installed, List<ExportOutcome> exports) {
    public Made {
      exports = List.copyOf(exports);
    }

    /** Every export made: the installed packages' applications, then what the spec named. */
    public List<ExportOutcome> allExports() {
      List<ExportOutcome> all = new ArrayList<>(installed.exports());
      all.addAll(exports);
      return all;
    }

    /** What exporting refused, in the user's words. */
    public List<String> warnings() {
      return allExports().stream().flatMap(o -> o.warnings().stream()).toList();
    }
  }

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final InstallService installs;
  private final ExportService exports;

  public BoxFromSpec(
      ContainerEngine engine, BoxService boxes, InstallService installs, ExportService exports) {
    this.engine = engine;
    this.boxes = boxes;
    this.installs = installs;
    this.exports = exports;
  }

  /**
   * @param hostOpen whether links and files opened in the box open on the host
   */
  public Made create(BoxSpec spec, boolean hostOpen, Progress progress) {
    return create(spec, hostOpen, false, progress);
  }

  /**
   * @param hostOpen whether links and files opened in the box open on the host
   * @param init whether systemd is the box's first process ({@code create --init})
   */
  public Made create(BoxSpec spec, boolean hostOpen, boolean init, Progress progress) {
    Box box =
        boxes.create(
            new CreateBox(
                spec.name(),
                spec.distro(),
                spec.image(),
                spec.home(),
                spec.volumes(),
                spec.entry(),
                hostOpen,
                init),
            progress);
    try {
      InitCommands.run(
          engine, spec, progress, "Fix the command and create the box again; nothing was kept.");
      InstallService.Installed installed =
          spec.packages().isEmpty()
              ? new InstallService.Installed(List.of(), List.of())
              : installs.install(spec.name(), spec.packages(), true, progress);
      List<ExportOutcome> named = new ArrayList<>();
      for (String app : spec.apps()) {
        named.add(exports.exportApp(spec.name(), app));
      }
      for (BinExport bin : spec.bins()) {
        named.add(exports.exportBin(spec.name(), bin.path(), bin.as()));
      }
      return new Made(box, installed, named);
    } catch (RuntimeException e) {
      try {
        boxes.remove(spec.name(), true);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
