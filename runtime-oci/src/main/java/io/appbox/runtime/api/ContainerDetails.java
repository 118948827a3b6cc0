package io.appbox.runtime.api;

import static io.appbox.core.json.JsonObjects.array;
import static io.appbox.core.json.JsonObjects.bool;
import static io.appbox.core.json.JsonObjects.number;
import static io.appbox.core.json.JsonObjects.object;
import static io.appbox.core.json.JsonObjects.string;
import static io.appbox.core.json.JsonObjects.stringMap;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.Mount;
import io.appbox.core.engine.NamedVolume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One container as {@code GET /containers/{name}/json} describes it: its state and the spec it was
 * created with, read from the one reply.
 *
 * @param name its name, without the engine's leading slash
 * @param status {@code running}, {@code exited}, ...
 * @param pid its first process on the host, 0 when it is not running
 * @param command {@code Config.Cmd}
 * @param binds {@code HostConfig.Binds}, {@code SOURCE:TARGET[:OPTIONS]}
 * @param devices {@code HostConfig.Devices[].PathOnHost}
 * @param volumes the named volumes among {@code Mounts}
 */
record ContainerDetails(
    String id,
    String name,
    String image,
    boolean running,
    String status,
    long pid,
    Map<String, String> labels,
    List<String> command,
    List<String> binds,
    List<String> devices,
    List<NamedVolume> volumes) {

  static ContainerDetails from(Map<String, Object> json) {
    Map<String, Object> state = object(json, "State");
    Map<String, Object> config = object(json, "Config");
    Map<String, Object> host = object(json, "HostConfig");
    List<String> devices = new ArrayList<>();
    for (Object o : array(host, "Devices")) {
      if (o instanceof Map<?, ?> d && d.get("PathOnHost") instanceof String path) {
        devices.add(path);
      }
    }
    List<NamedVolume> volumes = new ArrayList<>();
    for (Object o : array(json, "Mounts")) {
      if (o instanceof Map<?, ?> m
          && "volume".equals(m.get("Type"))
          && m.get("Name") instanceof String volume
          && m.get("Destination") instanceof String target) {
        volumes.add(new NamedVolume(volume, Path.of(target), !Boolean.TRUE.equals(m.get("RW"))));
      }
    }
    String name = string(json, "Name");
    Object status = state.get("Status");
    return new ContainerDetails(
        string(json, "Id"),
        name == null ? "" : name.replaceFirst("^/", ""),
        string(config, "Image"),
        bool(state, "Running"),
        status == null ? "unknown" : String.valueOf(status),
        number(state, "Pid", 0),
        stringMap(config, "Labels"),
        strings(array(config, "Cmd")),
        strings(array(host, "Binds")),
        devices,
        volumes);
  }

  /** The box's state, as {@code inspect} reports it. */
  ContainerState state(BoxName box) {
    return new ContainerState(box, id, image, running, status, pid, labels);
  }

  /** The spec the box was created with, as a restore makes it again. */
  ContainerSpec spec(BoxName box) {
    List<Mount> mounts = new ArrayList<>();
    for (String bind : binds) {
      String[] parts = bind.split(":");
      // A source that is not a path is a volume's name: those are in volumes.
      if (parts.length >= 2 && parts[0].startsWith("/")) {
        boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
        mounts.add(new Mount(Path.of(parts[0]), Path.of(parts[1]), readOnly));
      }
    }
    ContainerSpec spec =
        new ContainerSpec(
            box,
            ImageRef.parse(image),
            command,
            labels,
            mounts,
            devices.stream().map(Path::of).toList(),
            Map.of(),
            true,
            volumes);
    // An init box is made again with what systemd needs (ContainerCreation), not only its command.
    return "true".equals(labels.get(BoxLabels.INIT)) ? spec.withInit(command) : spec;
  }

  private static List<String> strings(List<Object> values) {
    return values.stream().map(String::valueOf).toList();
  }
}
