package io.appbox.desktop.export;

/** The host directories exports are written to, and the mode of the files written there. */
public enum ExportArea {
  /** {@code $XDG_DATA_HOME/applications}: desktop entries. */
  APPLICATIONS("rw-r--r--"),
  /** {@code $XDG_DATA_HOME/icons}: icon themes, {@code hicolor/...}. */
  ICONS("rw-r--r--"),
  /** {@code ~/.local/bin}: command wrappers. */
  BIN("rwxr-xr-x"),
  /** {@code $XDG_DATA_HOME/appbox/launchers}: the scripts that run a command in a box. */
  LAUNCHERS("rwxr-xr-x");

  private final String permissions;

  ExportArea(String permissions) {
    this.permissions = permissions;
  }

  public String permissions() {
    return permissions;
  }
}
