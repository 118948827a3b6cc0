package io.appbox.core.export;

import io.appbox.core.BoxName;

/**
 * One executable to export from a box as a command in {@code ~/.local/bin}.
 *
 * @param box the box it is in
 * @param engine the engine running the box
 * @param name the command's name on the host
 * @param pkg the package it came from, or empty
 * @param source the executable's absolute path inside the box
 * @param launcher the box's launcher, written with the export; the command runs through it
 */
public record CommandExportRequest(
    BoxName box, String engine, String name, String pkg, String source, LauncherScript launcher) {
  public CommandExportRequest {
    pkg = pkg == null ? "" : pkg;
  }
}
