package io.appbox.core.export;

import io.appbox.core.exported.Export;
import java.nio.file.Path;
import java.util.List;

/**
 * An export and whether it still works.
 *
 * @param export the export
 * @param state {@code ok}, {@code box-gone}, {@code files-overwritten}, {@code files-missing} or
 *     {@code program-gone}
 * @param missing host files of the export that are no longer there
 * @param overwritten host files of the export that another export or the user wrote over: they no
 *     longer carry the export's box and name
 */
public record ExportStatus(
    Export export, String state, List<Path> missing, List<Path> overwritten) {
  public static final String OK = "ok";
  public static final String BOX_GONE = "box-gone";
  public static final String FILES_MISSING = "files-missing";
  public static final String FILES_OVERWRITTEN = "files-overwritten";
  public static final String PROGRAM_GONE = "program-gone";

  public ExportStatus {
    missing = List.copyOf(missing);
    overwritten = List.copyOf(overwritten);
  }

  public ExportStatus(Export export, String state, List<Path> missing) {
    this(export, state, missing, List.of());
  }
}
