package io.appbox.cli.json;

import io.appbox.core.box.Volume;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.manifest.Change;
import io.appbox.core.pkg.PackageName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A step of {@code appbox apply} as its JSON shows it ({@code commands/apply.schema.json}): a word
 * a frontend can switch on ({@code action}), the box, the step's own fields, and the step in words.
 */
public final class ChangeJson {
  private ChangeJson() {}

  public static Map<String, Object> of(Change change) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (change instanceof Change.Create c) {
      head(out, "create", c);
      BoxSpec spec = c.spec();
      out.put("distro", c.distro());
      out.put("image", spec.image().map(Object::toString).orElse(null));
      out.put("home", spec.home().map(Object::toString).orElse(null));
      out.put("volumes", spec.volumes().stream().map(ChangeJson::volume).toList());
      out.put("init", spec.init());
    } else if (change instanceof Change.Install c) {
      head(out, "install", c);
      out.put("packages", names(c.packages()));
    } else if (change instanceof Change.ExportApp c) {
      head(out, "export-app", c);
      out.put("id", c.id());
    } else if (change instanceof Change.ExportBin c) {
      head(out, "export-bin", c);
      out.put("path", c.bin().path());
      out.put("as", c.bin().command());
    } else if (change instanceof Change.ExportEntry c) {
      head(out, "export-entry", c);
    } else if (change instanceof Change.Unexport c) {
      head(out, "unexport", c);
      out.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
      out.put("name", c.name());
    } else if (change instanceof Change.RemovePackages c) {
      head(out, "remove-packages", c);
      out.put("packages", names(c.packages()));
    } else if (change instanceof Change.RemoveBox c) {
      head(out, "remove-box", c);
    } else {
      throw new IllegalArgumentException("no JSON for the change " + change.describe());
    }
    out.put("description", change.describe());
    return out;
  }

  private static void head(Map<String, Object> out, String action, Change change) {
    out.put("action", action);
    out.put("box", change.box().value());
  }

  private static List<String> names(List<PackageName> packages) {
    return packages.stream().map(PackageName::value).toList();
  }

  /** SOURCE:TARGET, with :ro when read-only, as the manifest writes a volume. */
  private static String volume(Volume v) {
    return v.source() + ":" + v.target() + (v.readOnly() ? ":ro" : "");
  }
}
