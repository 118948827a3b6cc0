package io.appbox.core.exported;

import io.appbox.core.BoxName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One thing appbox exported from a box, and every host file it wrote for it, so that removing the
 * export removes exactly those files.
 *
 * @param box the box it came from
 * @param engine the engine that runs the box ({@code podman}, {@code podman-rootless}, {@code
 *     docker}), so same-named boxes of two engines stay apart
 * @param kind application, command or box entry
 * @param name the desktop-file id ({@code htop}) or the command's name on the host
 * @param pkg the package it came from, or empty when unknown
 * @param source the path inside the box: the desktop file or the executable
 * @param files absolute host paths written for this export
 * @param created when it was exported
 */
public record Export(
    BoxName box,
    String engine,
    ExportKind kind,
    String name,
    String pkg,
    String source,
    List<Path> files,
    Instant created) {
  public Export {
    files = List.copyOf(files);
    pkg = pkg == null ? "" : pkg;
  }

  public boolean isFrom(String engine, BoxName box) {
    return this.engine.equals(engine) && this.box.equals(box);
  }
}
