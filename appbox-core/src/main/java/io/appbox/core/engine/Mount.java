package io.appbox.core.engine;

import io.appbox.core.AppboxException;
import java.nio.file.Path;

/** A host path bound into the box, with its whole tree of mounts. */
public record Mount(Path source, Path target, boolean readOnly) {
  public Mount {
    // The engines take binds as "SRC:DST:OPTIONS"; a ':' or ',' in a path would change its meaning.
    for (Path p : new Path[] {source, target}) {
      String s = p.toString();
      if (!p.isAbsolute()
          || s.indexOf(':') >= 0
          || s.indexOf(',') >= 0
          || s.chars().anyMatch(c -> c < 0x20)) {
        throw AppboxException.invalid(
            "Path " + io.appbox.core.Quote.of(s) + " cannot be shared with a box.",
            "Use an absolute path without ':' or ','.");
      }
    }
  }
}
