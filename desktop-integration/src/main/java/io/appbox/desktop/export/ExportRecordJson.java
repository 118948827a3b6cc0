package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export record's JSON, translated to and from {@link Export}s explicitly:
 *
 * <pre>{"version":1,"exports":[{"box":"dev","engine":"podman","kind":"app","name":"htop",
 *   "package":"htop","source":"/usr/share/applications/htop.desktop",
 *   "files":["/home/u/.local/share/applications/appbox-dev-htop.desktop"],
 *   "created":"2024-05-01T10:00:00Z"}]}</pre>
 *
 * <p>It is a file format, not the machine interface, but where the two describe the same thing they
 * use the same names (the CLI's {@code io.appbox.cli.json.ExportJson}). The record alone keeps
 * {@code engine}: one file holds the exports of every engine's boxes, while a command shows only
 * those of the engine it runs against.
 */
final class ExportRecordJson {
  static final long VERSION = 1;

  private ExportRecordJson() {}

  static String write(List<Export> exports) {
    List<Object> list = new ArrayList<>();
    for (Export e : exports) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("box", e.box().value());
      m.put("engine", e.engine());
      m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
      m.put("name", e.name());
      m.put("package", e.pkg());
      m.put("source", e.source());
      m.put("files", e.files().stream().map(Path::toString).toList());
      m.put("created", e.created().toString());
      list.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", VERSION);
    doc.put("exports", list);
    return Json.writePretty(doc) + "\n";
  }

  /**
   * Reads the record.
   *
   * @throws Damaged when the text is not a record this version of appbox understands
   */
  static List<Export> read(String text) {
    Map<String, Object> doc;
    try {
      doc = Json.parseObject(text);
    } catch (JsonException e) {
      throw new Damaged(e.getMessage());
    }
    Object version = doc.get("version");
    if (!(version instanceof Long v)) {
      throw new Damaged("\"version\" is missing or not a number");
    }
    if (v != VERSION) {
      throw new Damaged(
          "it has version " + v + ", and this appbox reads version " + VERSION,
          "It was written by another version of appbox; use that version, or a newer one.");
    }
    if (!(doc.get("exports") instanceof List<?> list)) {
      throw new Damaged("\"exports\" is missing or not a list");
    }
    List<Export> exports = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new Damaged("export " + i + " is not an object");
      }
      exports.add(export(i, m));
    }
    return exports;
  }

  private static Export export(int i, Map<?, ?> m) {
    String where = "export " + i + ": ";
    BoxName box;
    try {
      box = BoxName.of(string(m, "box", where));
    } catch (AppboxException e) {
      throw new Damaged(where + e.getMessage());
    }
    ExportKind kind;
    String kindText = string(m, "kind", where);
    try {
      kind = ExportKind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Damaged(where + "unknown kind \"" + kindText + "\"");
    }
    if (!kindText.equals(kindText.toLowerCase(Locale.ROOT))) {
      throw new Damaged(where + "unknown kind \"" + kindText + "\"");
    }
    if (!(m.get("files") instanceof List<?> fileList)) {
      throw new Damaged(where + "\"files\" is missing or not a list");
    }
    List<Path> files = new ArrayList<>();
    for (Object f : fileList) {
      if (!(f instanceof String s) || !s.startsWith("/") || s.indexOf('\0') >= 0) {
        throw new Damaged(where + "a file is not an absolute path: " + f);
      }
      files.add(Path.of(s).normalize());
    }
    Instant created;
    try {
      created = Instant.parse(string(m, "created", where));
    } catch (DateTimeParseException e) {
      throw new Damaged(where + "\"created\" is not an ISO-8601 instant");
    }
    return new Export(
        box,
        string(m, "engine", where),
        kind,
        string(m, "name", where),
        string(m, "package", where),
        string(m, "source", where),
        files,
        created);
  }

  private static String string(Map<?, ?> m, String key, String where) {
    if (!(m.get(key) instanceof String s)) {
      throw new Damaged(where + "\"" + key + "\" is missing or not a string");
    }
    return s;
  }

  /** The record is not what it should be. */
  static final class Damaged extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String hint;

    Damaged(String message) {
      this(message, null);
    }

    Damaged(String message, String hint) {
      super(message);
      this.hint = hint;
    }
  }
}
