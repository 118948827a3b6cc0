package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.array;
import static io.appbox.core.json.JsonObjects.string;
import static io.appbox.core.json.JsonObjects.stringMap;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.engine.ContainerState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One container as {@code GET /containers/json} lists it.
 *
 * @param name its first name, without the engine's leading slash; null when it has none
 * @param state {@code running}, {@code exited}, ...; null when the engine did not say
 */
record ContainerSummary(
    String id, String name, String image, String state, Map<String, String> labels) {
  static ContainerSummary from(Map<String, Object> json) {
    List<Object> names = array(json, "Names");
    String name =
        names.isEmpty() || !(names.get(0) instanceof String n) ? null : n.replaceFirst("^/", "");
    return new ContainerSummary(
        string(json, "Id"),
        name,
        string(json, "Image"),
        string(json, "State"),
        stringMap(json, "Labels"));
  }

  /** The box it is; empty for a container without a name appbox would give. */
  Optional<ContainerState> box() {
    if (name == null) {
      return Optional.empty();
    }
    BoxName boxName;
    try {
      boxName = BoxName.of(name);
    } catch (AppboxException notOurs) {
      return Optional.empty(); // a container someone else labelled
    }
    return Optional.of(
        new ContainerState(
            boxName,
            id,
            image,
            "running".equals(state),
            state == null ? "unknown" : state,
            0,
            labels));
  }
}
