package io.appbox.core.pkg;

import io.appbox.core.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A package installed in a box.
 *
 * @param already it was installed before appbox was asked to install it
 */
public record InstalledPackage(String name, String version, boolean already) implements JsonValue {
  public InstalledPackage(String name, String version) {
    this(name, version, false);
  }

  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("version", version);
    out.put("already", already);
    return out;
  }
}
