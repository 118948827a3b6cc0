package io.appbox.core.pkg;

import io.appbox.core.Meanwhile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An install the package manager has done, whose versions may still be being read from the box:
 * what was asked for, what the box had before, and the versions once they are known.
 */
public final class Installation {
  private final List<PackageName> asked;
  private final Map<String, String> before;
  private final Meanwhile<Map<String, String>> versions;

  Installation(
      List<PackageName> asked,
      Map<String, String> before,
      Meanwhile<Map<String, String>> versions) {
    this.asked = List.copyOf(asked);
    this.before = Map.copyOf(before);
    this.versions = versions;
  }

  /** The packages asked for that the box did not have: their applications are new. */
  public List<String> added() {
    return asked.stream().map(PackageName::bare).filter(p -> !before.containsKey(p)).toList();
  }

  /** Each package asked for with its version now, those the box had marked so; waits for it. */
  public List<InstalledPackage> packages() {
    Map<String, String> now = versions.get();
    List<InstalledPackage> result = new ArrayList<>();
    for (PackageName p : asked) {
      result.add(
          new InstalledPackage(
              p.bare(),
              now.getOrDefault(p.bare(), before.getOrDefault(p.bare(), "")),
              before.containsKey(p.bare())));
    }
    return result;
  }
}
