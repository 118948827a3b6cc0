package io.appbox.core.pkg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a box's installed packages differ between two moments: before and after an upgrade, or a
 * snapshot and now.
 *
 * @param before name to version, then
 * @param after name to version, later
 */
public record PackageChanges(Map<String, String> before, Map<String, String> after) {
  public PackageChanges {
    before = Map.copyOf(before);
    after = Map.copyOf(after);
  }

  /** One package whose version changed. */
  public record Changed(String name, String from, String to) {}

  /** The packages there before and not after. */
  public Set<String> removed() {
    Set<String> out = new TreeSet<>(before.keySet());
    out.removeAll(after.keySet());
    return out;
  }

  /** The packages there after and not before. */
  public Set<String> added() {
    Set<String> out = new TreeSet<>(after.keySet());
    out.removeAll(before.keySet());
    return out;
  }

  /** The packages there both times in another version, by name. */
  public List<Changed> changed() {
    List<Changed> out = new ArrayList<>();
    new TreeMap<>(before)
        .forEach(
            (name, from) -> {
              String to = after.get(name);
              if (to != null && !to.equals(from)) {
                out.add(new Changed(name, from, to));
              }
            });
    return out;
  }

  public boolean isEmpty() {
    return before.equals(after);
  }

  /**
   * The list a snapshot carries in a label: "name=version" joined by commas, which neither names
   * nor versions of any package manager contain, and no white space, which a label set through the
   * engine's LABEL change would split on.
   */
  public static String write(Map<String, String> packages) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(packages)
        .forEach(
            (n, v) -> {
              if (!(n + v).matches("[^\\s,=\"\\\\]+")) {
                return;
              }
              out.append(out.length() == 0 ? "" : ",").append(n).append('=').append(v);
            });
    return out.toString();
  }

  /** Reads {@link #write}'s list. */
  public static Map<String, String> read(String list) {
    Map<String, String> out = new TreeMap<>();
    for (String entry : list.split(",")) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        out.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return out;
  }
}
