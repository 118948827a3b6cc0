package io.appbox.cli.json;

import io.appbox.core.upgrade.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot as the machine interface shows it ({@code
 * docs/schemas/types.schema.json#/$defs/snapshot}).
 */
public final class SnapshotJson {
  private SnapshotJson() {}

  public static Map<String, Object> of(Snapshot snapshot) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", snapshot.name());
    out.put("image", snapshot.ref().toString());
    out.put("box", snapshot.box().value());
    out.put("time", snapshot.time().toString());
    out.put("size", snapshot.size());
    return out;
  }
}
