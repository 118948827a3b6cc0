package io.appbox.core.manifest;

import java.util.List;

/**
 * What {@code apply} did.
 *
 * @param changes the changes made, in order
 * @param warnings what the user should know: differences left alone, exports that warned
 */
public record ApplyOutcome(List<Change> changes, List<String> warnings) {
  public ApplyOutcome {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }
}
