package io.appbox.cli.json;

import io.appbox.core.pkg.InstalledPackage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A package {@code appbox install} installed, or found installed ({@code
 * types.schema.json#/$defs/installedPackage}).
 */
public final class InstalledPackageJson {
  private InstalledPackageJson() {}

  public static Map<String, Object> of(InstalledPackage p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("version", p.version());
    out.put("already", p.already());
    return out;
  }
}
