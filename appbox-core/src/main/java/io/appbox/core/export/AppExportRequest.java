package io.appbox.core.export;

import io.appbox.core.BoxName;
import io.appbox.core.exported.Export;

/**
 * One desktop application to export from a box.
 *
 * @param box the box it is in
 * @param engine the engine running the box, as {@link Export#engine()} records it
 * @param desktopId the desktop-file id, {@code htop}
 * @param pkg the package it came from, or empty
 * @param source the desktop file's path inside the box
 * @param desktopFile the desktop file's bytes
 * @param launcher the box's launcher, written with the export; every {@code Exec} runs through it
 * @param nameLabel appended to names, or null for {@code " (BOX)"}
 */
public record AppExportRequest(
    BoxName box,
    String engine,
    String desktopId,
    String pkg,
    String source,
    byte[] desktopFile,
    LauncherScript launcher,
    String nameLabel) {
  public AppExportRequest {
    desktopFile = desktopFile.clone();
    pkg = pkg == null ? "" : pkg;
  }
}
