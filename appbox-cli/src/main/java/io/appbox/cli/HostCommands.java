package io.appbox.cli;

import io.appbox.core.box.HostCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/** A host command as --json shows it (docs/schemas/types.schema.json, hostCommand). */
final class HostCommands {
  private HostCommands() {}

  static Map<String, Object> json(HostCommand c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("box", c.box().value());
    out.put("name", c.name());
    out.put("path", c.path());
    out.put("engine", c.engine());
    return out;
  }
}
