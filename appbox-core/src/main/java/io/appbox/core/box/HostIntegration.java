package io.appbox.core.box;

import io.appbox.core.engine.Mount;
import io.appbox.core.host.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a box shares with the host so its programs feel native: the home, the session's runtime
 * directory (Wayland, PipeWire, PulseAudio, D-Bus), the X11 sockets, the host's root read-only at
 * {@code /run/host}, the host's time zone, and the GPU and sound devices.
 */
final class HostIntegration {
  static final Path HOST_ROOT = Path.of("/run/host");

  private HostIntegration() {}

  static List<Mount> mounts(Host host, Path boxHome, List<Volume> volumes) {
    Map<String, String> env = host.environment();
    List<Mount> mounts = new ArrayList<>();
    Set<Path> targets = new LinkedHashSet<>();
    add(mounts, targets, new Mount(boxHome, boxHome, false));
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null
        && Path.of(runtimeDir).isAbsolute()
        && host.exists(Path.of(runtimeDir))) {
      add(mounts, targets, new Mount(Path.of(runtimeDir), Path.of(runtimeDir), false));
    }
    Path x11 = Path.of("/tmp/.X11-unix");
    if (host.exists(x11)) {
      add(mounts, targets, new Mount(x11, x11, false));
    }
    Path localtime = Path.of("/etc/localtime");
    if (host.exists(localtime)) {
      add(mounts, targets, new Mount(localtime, localtime, true));
    }
    add(mounts, targets, new Mount(Path.of("/"), HOST_ROOT, true));
    for (Volume v : volumes) {
      add(mounts, targets, new Mount(v.source(), v.target(), v.readOnly()));
    }
    return mounts;
  }

  /** The GPU and sound devices, where the host has them. */
  static List<Path> devices(Host host) {
    List<Path> devices = new ArrayList<>();
    for (String d : List.of("/dev/dri", "/dev/snd")) {
      if (host.exists(Path.of(d))) {
        devices.add(Path.of(d));
      }
    }
    return devices;
  }

  private static void add(List<Mount> mounts, Set<Path> targets, Mount mount) {
    // A later mount on the same target would hide the earlier one; the first wins.
    if (targets.add(mount.target())) {
      mounts.add(mount);
    }
  }
}
