package io.appbox.cli.json;

import io.appbox.core.pkg.BoxPackage;
import java.util.LinkedHashMap;
import java.util.Map;

/** A package of a box as {@code appbox packages --json} lists it ({@code commands/packages}). */
public final class BoxPackageJson {
  private BoxPackageJson() {}

  public static Map<String, Object> of(BoxPackage p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", p.name());
    out.put("version", p.version());
    out.put("manual", p.manual());
    return out;
  }
}
