package io.appbox.cli;

import io.appbox.core.pkg.PackageChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Package changes as JSON and as words. */
final class Changes {
  private Changes() {}

  static List<Map<String, Object>> json(List<PackageChanges.Changed> changed) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (PackageChanges.Changed c : changed) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name());
      m.put("from", c.from());
      m.put("to", c.to());
      out.add(m);
    }
    return out;
  }

  /**
   * What a rollback discards, as JSON: what was installed, removed and changed since the snapshot,
   * or null when the snapshot does not say.
   */
  static Map<String, Object> discarded(Optional<PackageChanges> since) {
    if (since.isEmpty()) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("installed", List.copyOf(since.get().added()));
    m.put("removed", List.copyOf(since.get().removed()));
    m.put("changed", json(since.get().changed()));
    return m;
  }

  /** The same in words, one clause each; empty when nothing is discarded. */
  static List<String> words(PackageChanges since) {
    List<String> out = new ArrayList<>();
    if (!since.added().isEmpty()) {
      out.add("installed since: " + String.join(", ", since.added()));
    }
    if (!since.removed().isEmpty()) {
      out.add("removed since (they come back): " + String.join(", ", since.removed()));
    }
    if (!since.changed().isEmpty()) {
      List<String> changed = new ArrayList<>();
      since.changed().forEach(c -> changed.add(c.name() + " " + c.to() + " → " + c.from()));
      out.add("upgraded since (they go back): " + String.join(", ", changed));
    }
    return out;
  }
}
