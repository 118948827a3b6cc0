package io.appbox.cli;

import io.appbox.core.exported.Export;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An export as the machine interface shows it. */
final class Exports {
  private Exports() {}

  static Map<String, Object> json(Export e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("box", e.box().value());
    out.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    out.put("name", e.name());
    out.put("package", e.pkg());
    out.put("source", e.source());
    out.put("files", e.files().stream().map(Path::toString).toList());
    return out;
  }
}
