package io.appbox.core.manifest;

import io.appbox.core.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code apply} will change, in the order it changes it, and what it noticed but will not
 * change (a box made from another image than the manifest names).
 *
 * @param changes the steps; empty when everything is as the manifest says
 * @param warnings differences apply leaves alone, in words
 */
public record Plan(List<Change> changes, List<String> warnings) implements JsonValue {
  public Plan {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  @Override
  public Object toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("changes", changes);
    out.put("warnings", warnings);
    return out;
  }
}
