package io.appbox.cli.json;

import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An export as the machine interface shows it: what a command made or took away ({@code
 * types.schema.json#/$defs/export}), and, for {@code appbox exports}, whether it still works and
 * how the menu shows it ({@code commands/exports.schema.json}).
 *
 * <p>The fields it shares with the export record on disk (desktop-integration's {@code
 * ExportRecordJson}) have the record's names. The record also keeps {@code engine}, because one
 * file holds the exports of every engine's boxes; a command only ever shows the exports of the
 * engine it runs against, so the engine is left out here.
 */
public final class ExportJson {
  private ExportJson() {}

  /** An export a command made or took away. */
  public static Map<String, Object> of(Export e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("box", e.box().value());
    out.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    out.put("name", e.name());
    out.put("package", e.pkg());
    out.put("source", e.source());
    out.put("files", paths(e.files()));
    return out;
  }

  /**
   * An export as {@code appbox exports} lists it.
   *
   * @param displayName an application's name in the menu; null for a command or a gone entry
   * @param icon an application's icon file on the host; null when it has none there
   */
  public static Map<String, Object> of(ExportStatus s, String displayName, String icon) {
    Map<String, Object> out = of(s.export());
    out.put("created", s.export().created().toString());
    out.put("state", s.state());
    out.put("missing", paths(s.missing()));
    out.put("overwritten", paths(s.overwritten()));
    out.put("displayName", displayName);
    out.put("icon", icon);
    return out;
  }

  private static List<String> paths(List<Path> paths) {
    return paths.stream().map(Path::toString).toList();
  }
}
