package io.appbox.core.pkg;

import io.appbox.core.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A package installed in a box, and whether the user asked for it.
 *
 * @param manual true: installed on request; false: installed as another package's dependency; null:
 *     the box's package manager cannot tell
 */
public record BoxPackage(String name, String version, Boolean manual) implements JsonValue {
  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("version", version);
    out.put("manual", manual);
    return out;
  }
}
