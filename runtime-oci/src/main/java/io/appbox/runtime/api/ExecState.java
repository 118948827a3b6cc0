package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.bool;
import static io.appbox.core.json.JsonObjects.number;

import java.util.Map;

/**
 * A command run in a box, as {@code GET /exec/{id}/json} describes it.
 *
 * @param exitCode its exit status once it has ended; 1 when the engine did not say
 */
record ExecState(boolean running, int exitCode) {
  static ExecState from(Map<String, Object> json) {
    return new ExecState(bool(json, "Running"), (int) number(json, "ExitCode", 1));
  }
}
