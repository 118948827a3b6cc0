package io.appbox.core.exported;

/** What an export puts on the host. */
public enum ExportKind {
  /** A desktop application: a desktop entry and its icons. */
  APP,
  /** A command: a wrapper script in {@code ~/.local/bin}. */
  BIN,
  /** A menu entry that opens a terminal in the box ({@code create --entry}). */
  ENTRY
}
