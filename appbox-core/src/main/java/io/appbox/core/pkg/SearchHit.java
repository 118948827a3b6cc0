package io.appbox.core.pkg;

import io.appbox.core.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** A package the box's repositories offer. */
public record SearchHit(String name, String summary) implements JsonValue {
  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("summary", summary);
    return out;
  }
}
