package io.appbox.core.manifest;

import java.util.List;

/**
 * What {@code apply} will change, in the order it changes it, and what it noticed but will not
 * change (a box made from another image than the manifest names).
 *
 * @param changes the steps; empty when everything is as the manifest says
 * @param warnings differences apply leaves alone, in words
 */
public record Plan(List<Change> changes, List<String> warnings) {
  public Plan {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
