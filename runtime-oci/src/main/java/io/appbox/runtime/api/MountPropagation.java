package io.appbox.runtime.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a host path lies on a shared mount. Only then can the box follow mounts made later under
 * it (a USB disk under /run/media, say) with {@code rslave}; engines refuse {@code rslave} on a
 * private mount.
 */
final class MountPropagation {
  private final List<String> mountinfo;

  private MountPropagation(List<String> mountinfo) {
    this.mountinfo = mountinfo;
  }

  static MountPropagation ofThisProcess() {
    try {
      return new MountPropagation(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return new MountPropagation(List.of());
    }
  }

  static MountPropagation of(List<String> mountinfo) {
    return new MountPropagation(mountinfo);
  }

  boolean isShared(Path path) {
    String best = null;
    boolean shared = false;
    String p = path.toAbsolutePath().normalize().toString();
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      if (f.length < 7) {
        continue;
      }
      String mountPoint = f[4].replace("\\040", " ");
      boolean covers =
          p.equals(mountPoint) || mountPoint.equals("/") || p.startsWith(mountPoint + "/");
      if (covers && (best == null || mountPoint.length() >= best.length())) {
        best = mountPoint;
        shared = false;
        for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
          if (f[i].startsWith("shared:") || f[i].startsWith("master:")) {
            shared = true;
          }
        }
      }
    }
    return shared;
  }
}
