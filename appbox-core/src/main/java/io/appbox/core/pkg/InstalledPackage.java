package io.appbox.core.pkg;

import io.appbox.core.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** A package installed in a box. */
public record InstalledPackage(String name, String version) implements JsonValue {
  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("version", version);
    return out;
  }
}
