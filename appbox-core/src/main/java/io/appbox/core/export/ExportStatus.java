package io.appbox.core.export;

import io.appbox.core.json.JsonValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export and whether it still works.
 *
 * @param export the export
 * @param state {@code ok}, {@code box-gone}, {@code files-missing} or {@code program-gone}
 * @param missing host files of the export that are no longer there
 */
public record ExportStatus(Export export, String state, List<Path> missing) implements JsonValue {
  public static final String OK = "ok";
  public static final String BOX_GONE = "box-gone";
  public static final String FILES_MISSING = "files-missing";
  public static final String PROGRAM_GONE = "program-gone";

  public ExportStatus {
    missing = List.copyOf(missing);
  }

  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("box", export.box().value());
    out.put("kind", export.kind().name().toLowerCase(java.util.Locale.ROOT));
    out.put("name", export.name());
    out.put("package", export.pkg());
    out.put("source", export.source());
    out.put("files", export.files().stream().map(Path::toString).toList());
    out.put("created", export.created().toString());
    out.put("state", state);
    out.put("missing", missing.stream().map(Path::toString).toList());
    return out;
  }
}
