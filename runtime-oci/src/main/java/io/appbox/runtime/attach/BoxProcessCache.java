package io.appbox.runtime.attach;

import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.host.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where appbox remembers a running box's first process, so that {@code appbox run}, {@code appbox
 * enter} and exported launchers enter the box without asking the engine: {@code
 * $XDG_RUNTIME_DIR/appbox/boxes/ENGINE/BOX}, one line {@code PID MNT HOME USERNS BOX} (see the
 * libexec/appbox-enter script, which reads it).
 */
public final class BoxProcessCache {
  private final Path dir;

  public BoxProcessCache(Path runtimeDir) {
    this.dir = runtimeDir.resolve("appbox").resolve("boxes");
  }

  public Path file(String engineId, ContainerState box) {
    return dir.resolve(engineId).resolve(box.name().value());
  }

  /** Records the running box's process; returns the cache file, or empty when it cannot. */
  public Optional<Path> remember(String engineId, ContainerState box, boolean userns) {
    Optional<String> mnt = mountNamespace(box.pid());
    if (mnt.isEmpty()) {
      return Optional.empty();
    }
    try {
      String home = box.labels().getOrDefault(BoxLabels.HOME, "");
      if (home.isEmpty() || home.chars().anyMatch(c -> c <= ' ')) {
        return Optional.empty();
      }
      String line =
          box.pid()
              + " "
              + mnt.get()
              + " "
              + home
              + " "
              + (userns ? 1 : 0)
              + " "
              + box.name()
              + "\n";
      Path file = file(engineId, box);
      if (Files.isRegularFile(file)
          && Files.readString(file, StandardCharsets.UTF_8).equals(line)) {
        return Optional.of(file);
      }
      AtomicFile.write(file, line.getBytes(StandardCharsets.UTF_8), "rw-------");
      return Optional.of(file);
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * The mount namespace of a process ({@code readlink /proc/PID/ns/mnt}), which names a box while
   * that process is the box's; empty when the process is gone or not the user's to look into.
   */
  static Optional<String> mountNamespace(long pid) {
    try {
      return Optional.of(
          Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "mnt")).toString());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
