package io.appbox.runtime.api;

import static io.appbox.runtime.api.EngineTransport.encode;
import static io.appbox.runtime.api.EngineTransport.notFoundIsNoBox;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The boxes' containers: listing, inspecting, creating, starting, stopping, removing, committing.
 */
final class Containers {
  private final EngineTransport api;
  private final EngineInfo engine;
  private final HostProbe host;

  Containers(EngineTransport api, EngineInfo engine, HostProbe host) {
    this.api = api;
    this.engine = engine;
    this.host = host;
  }

  List<ContainerState> list() {
    String filters = Json.write(Map.of("label", List.of(BoxLabels.MANAGER_FILTER)));
    HttpResponse r = api.call("GET", "/containers/json?all=true&filters=" + encode(filters));
    api.expectOk(r, "list containers");
    List<ContainerState> boxes = new ArrayList<>();
    for (Object o : api.array(r)) {
      if (o instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) o;
        ContainerSummary.from(c).box().ifPresent(boxes::add);
      }
    }
    return boxes;
  }

  /** The box's container, from one {@code GET}; empty when there is none of exactly that name. */
  Optional<ContainerDetails> details(BoxName name) {
    HttpResponse r = api.call("GET", "/containers/" + encode(name.value()) + "/json");
    if (r.status() == 404) {
      return Optional.empty();
    }
    api.expectOk(r, "inspect box " + name);
    ContainerDetails c = ContainerDetails.from(api.object(r));
    // The engines also match id prefixes; only an exact name is this box.
    return c.name().equals(name.value()) ? Optional.of(c) : Optional.empty();
  }

  void create(ContainerSpec spec) {
    HttpResponse r =
        api.callPatiently(
            "POST",
            "/containers/create?name=" + encode(spec.name().value()),
            ContainerCreation.body(spec, engine, host));
    if (r.status() == 409) {
      throw new AppboxException(
          ErrorCode.BOX_EXISTS,
          "A container named " + spec.name() + " already exists.",
          "Choose another name, or remove it first: appbox rm " + spec.name());
    }
    if (r.status() == 404) {
      throw new AppboxException(
          ErrorCode.IMAGE_NOT_FOUND,
          "Image " + spec.image() + " is not in the engine's storage.",
          "It went while the box was being made; make the box again, and appbox fetches it.");
    }
    api.expectOk(r, "create box " + spec.name());
  }

  void start(BoxName name) {
    HttpResponse r = api.call("POST", "/containers/" + encode(name.value()) + "/start");
    if (r.status() == 304) {
      return; // already running
    }
    notFoundIsNoBox(r, name);
    api.expectOk(r, "start box " + name);
  }

  void stop(BoxName name, int timeoutSeconds) {
    HttpResponse r =
        api.callPatiently(
            "POST", "/containers/" + encode(name.value()) + "/stop?t=" + timeoutSeconds);
    if (r.status() == 304) {
      return; // already stopped
    }
    notFoundIsNoBox(r, name);
    api.expectOk(r, "stop box " + name);
  }

  /** The last lines the box's first process wrote; empty when the engine does not say. */
  String lastOutput(BoxName name, int lines) {
    ApiRequest request =
        ApiRequest.of(
            "GET",
            EngineTransport.path(
                "/containers/"
                    + encode(name.value())
                    + "/logs?stdout=true&stderr=true&tail="
                    + lines));
    MultiplexedStream output = new MultiplexedStream(OutputListener.NONE);
    try (StreamedResponse r = api.stream(request)) {
      if (r.status() >= 300) {
        return "";
      }
      output.readAll(r.body(), request.describe());
    } catch (IOException | AppboxException e) {
      return "";
    }
    return output.stdout() + output.stderr();
  }

  void remove(BoxName name, boolean force) {
    HttpResponse r =
        api.callPatiently(
            "DELETE", "/containers/" + encode(name.value()) + "?v=true&force=" + force);
    notFoundIsNoBox(r, name);
    if (r.status() == 409) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Box " + name + " is running and was not removed.",
          "Stop it first, or use: appbox rm --force " + name);
    }
    api.expectOk(r, "remove box " + name);
  }

  void removeKeepingVolumes(BoxName name) {
    HttpResponse r =
        api.callPatiently("DELETE", "/containers/" + encode(name.value()) + "?v=false&force=true");
    notFoundIsNoBox(r, name);
    api.expectOk(r, "remove box " + name);
  }

  void rename(BoxName from, BoxName to) {
    HttpResponse r =
        api.call(
            "POST", "/containers/" + encode(from.value()) + "/rename?name=" + encode(to.value()));
    notFoundIsNoBox(r, from);
    api.expectOk(r, "rename box " + from + " to " + to);
  }

  void commit(BoxName name, ImageRef tag, Map<String, String> labels) {
    StringBuilder query = new StringBuilder();
    query.append("container=").append(encode(name.value()));
    query.append("&repo=").append(encode(Images.repositoryOf(tag)));
    query.append("&tag=").append(encode(tag.tag() == null ? "latest" : tag.tag()));
    // Not paused: appbox holds the box's lock, and rootless cgroup v1 cannot pause at all.
    query.append("&pause=false");
    // Podman ignores labels in the body; both engines take them as LABEL changes.
    // Quoted, as a Dockerfile's LABEL value: a value with a space stays one label.
    labels.forEach(
        (k, v) ->
            query
                .append("&changes=")
                .append(
                    encode(
                        "LABEL "
                            + k
                            + "=\""
                            + v.replace("\\", "\\\\").replace("\"", "\\\"")
                            + "\"")));
    HttpResponse r = api.callPatiently("POST", "/commit?" + query, Map.of());
    notFoundIsNoBox(r, name);
    api.expectOk(r, "snapshot box " + name);
  }
}
