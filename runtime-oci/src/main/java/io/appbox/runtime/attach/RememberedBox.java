package io.appbox.runtime.attach;

import io.appbox.core.BoxName;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.json.Json;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A running box as appbox last saw it, with the engine it runs on: what a command about the box
 * (install, search, show, remove) needs from the engine. Kept beside the box's process cache
 * ({@link BoxProcessCache}), so that the next such command needs no request to the engine: no
 * socket, no ping, no inspect, some 25 ms of every start. Trusted only while the box's first
 * process is the same one (its start in this boot, its mount namespace): a box that stopped,
 * restarted or was made again under the name is asked about again.
 *
 * @param engine the engine the box runs on, as it answered then
 * @param box the box as the engine described it then
 * @param mnt its first process's mount namespace
 * @param start when that process started, in clock ticks since boot
 * @param boot the boot it started in
 */
public record RememberedBox(
    EngineInfo engine, ContainerState box, String mnt, String start, String boot) {
  private static final long FORMAT = 1;

  /** Whether the box's first process is still the one remembered. */
  boolean stillRunning() {
    return box.running()
        && box.pid() > 0
        && BoxProcessCache.startTime(box.pid()).equals(Optional.of(start))
        && BoxProcessCache.mountNamespace(box.pid()).equals(Optional.of(mnt))
        && BoxProcessCache.bootId().equals(Optional.of(boot));
  }

  String toJson() {
    Map<String, Object> engineJson = new LinkedHashMap<>();
    engineJson.put("kind", engine.kind().id());
    engineJson.put("rootless", engine.rootless());
    engineJson.put("endpoint", engine.endpoint().toString());
    engineJson.put("version", engine.version());
    Map<String, Object> boxJson = new LinkedHashMap<>();
    boxJson.put("name", box.name().value());
    boxJson.put("id", box.id());
    boxJson.put("image", box.image());
    boxJson.put("status", box.status());
    boxJson.put("pid", box.pid());
    boxJson.put("labels", box.labels());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("format", FORMAT);
    json.put("engine", engineJson);
    json.put("box", boxJson);
    json.put("mnt", mnt);
    json.put("start", start);
    json.put("boot", boot);
    return Json.write(json);
  }

  /**
   * The record {@link #toJson} wrote; empty for anything else. The engine's program is the caller's
   * to find again: it is a fact of the host, not of the box.
   */
  static Optional<RememberedBox> parse(String text) {
    try {
      Map<String, Object> json = Json.parseObject(text);
      if (!Long.valueOf(FORMAT).equals(json.get("format"))
          || !(json.get("engine") instanceof Map<?, ?> e)
          || !(json.get("box") instanceof Map<?, ?> b)
          || !(b.get("labels") instanceof Map<?, ?> l)
          || !(b.get("pid") instanceof Long pid)
          || !(e.get("rootless") instanceof Boolean rootless)) {
        return Optional.empty();
      }
      EngineKind kind = EngineKind.valueOf(text(e, "kind").toUpperCase(java.util.Locale.ROOT));
      EngineInfo engine =
          new EngineInfo(
              kind, rootless, Path.of(text(e, "endpoint")), text(e, "version"), Optional.empty());
      Map<String, String> labels = new LinkedHashMap<>();
      l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
      ContainerState box =
          new ContainerState(
              BoxName.of(text(b, "name")),
              text(b, "id"),
              text(b, "image"),
              true,
              text(b, "status"),
              pid,
              labels);
      return Optional.of(
          new RememberedBox(
              engine, box, text(json, "mnt"), text(json, "start"), text(json, "boot")));
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static String text(Map<?, ?> json, String key) {
    if (json.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("no " + key);
  }
}
