package io.appbox.cli.json;

import io.appbox.core.box.Box;
import java.util.LinkedHashMap;
import java.util.Map;

/** A box as the machine interface shows it ({@code docs/schemas/types.schema.json#/$defs/box}). */
public final class BoxJson {
  private BoxJson() {}

  public static Map<String, Object> of(Box box) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", box.name().value());
    out.put("distro", box.distro());
    out.put("image", box.image());
    out.put("status", box.status());
    out.put("home", box.home() == null ? null : box.home().toString());
    out.put("createdBy", box.createdBy());
    out.put("exports", box.exports());
    out.put("engine", box.engine());
    out.put("user", box.user());
    out.put("init", box.init());
    return out;
  }
}
