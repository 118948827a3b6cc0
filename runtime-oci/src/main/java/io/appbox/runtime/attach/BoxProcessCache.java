package io.appbox.runtime.attach;

import io.appbox.core.BoxName;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.ThrowawayBoxes;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import io.appbox.core.host.AtomicFile;
import io.appbox.core.host.PrivateDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where appbox remembers a running box's first process, so that {@code appbox run}, {@code appbox
 * enter} and exported launchers enter the box without asking the engine: {@code
 * RUNTIME/appbox/boxes/ENGINE/BOX}, one line {@code PID MNT HOME USERNS BOX ID START BOOT} (see the
 * libexec/appbox-enter script, which reads it and checks every field before it trusts it).
 *
 * <p>Beside it, {@code RUNTIME/appbox/states/ENGINE/BOX} holds what the engine said of the box and
 * of itself ({@link RememberedBox}), for appbox's own next command about the box.
 *
 * <p>RUNTIME is the caller's private runtime directory ({@link PrivateDirectory#runtimeDir}); with
 * none, nothing is remembered and commands go through the engine.
 */
public final class BoxProcessCache {
  private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");

  private final Optional<Path> runtimeDir;
  private final int uid;

  public BoxProcessCache(Optional<Path> runtimeDir, int uid) {
    this.runtimeDir = runtimeDir;
    this.uid = uid;
  }

  /** The cache file of a box, or empty when there is no private runtime directory. */
  public Optional<Path> file(String engineId, BoxName box) {
    return runtimeDir.map(d -> d.resolve("appbox/boxes").resolve(engineId).resolve(box.value()));
  }

  /** Records the running box's process; returns the cache file, or empty when it cannot. */
  public Optional<Path> remember(String engineId, ContainerState box, boolean userns) {
    Optional<String> mnt = mountNamespace(box.pid());
    Optional<String> start = startTime(box.pid());
    Optional<String> boot = bootId();
    String home = box.labels().getOrDefault(BoxLabels.HOME, "");
    if (runtimeDir.isEmpty()
        || mnt.isEmpty()
        || start.isEmpty()
        || boot.isEmpty()
        || !CONTAINER_ID.matcher(box.id()).matches()
        || home.isEmpty()
        || home.chars().anyMatch(c -> c <= ' ')) {
      return Optional.empty();
    }
    String line =
        String.join(
                " ",
                Long.toString(box.pid()),
                mnt.get(),
                home,
                userns ? "1" : "0",
                box.name().value(),
                box.id(),
                start.get(),
                boot.get())
            + "\n";
    try {
      Path dir =
          PrivateDirectory.ensure(runtimeDir.get(), uid, List.of("appbox", "boxes", engineId));
      Path file = dir.resolve(box.name().value());
      if (PrivateDirectory.isPrivateFile(file, uid)
          && Files.readString(file, StandardCharsets.UTF_8).equals(line)) {
        return Optional.of(file);
      }
      AtomicFile.write(file, line.getBytes(StandardCharsets.UTF_8), "rw-------");
      return Optional.of(file);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Remembers the running box and its engine beside the box's process ({@link RememberedBox}), once
   * {@link #remember} has written the process's line; nothing when the process cannot be read.
   */
  public void rememberState(EngineInfo engine, ContainerState box) {
    Optional<String> mnt = mountNamespace(box.pid());
    Optional<String> start = startTime(box.pid());
    Optional<String> boot = bootId();
    if (runtimeDir.isEmpty() || mnt.isEmpty() || start.isEmpty() || boot.isEmpty()) {
      return;
    }
    String json =
        new RememberedBox(engine, box, mnt.get(), start.get(), boot.get()).toJson() + "\n";
    try {
      Path dir =
          PrivateDirectory.ensure(runtimeDir.get(), uid, List.of("appbox", "states", engine.id()));
      Path file = dir.resolve(box.name().value());
      if (PrivateDirectory.isPrivateFile(file, uid)
          && Files.readString(file, StandardCharsets.UTF_8).equals(json)) {
        return;
      }
      AtomicFile.write(file, json.getBytes(StandardCharsets.UTF_8), "rw-------");
    } catch (IOException | RuntimeException e) {
      // the next command asks the engine
    }
  }

  /**
   * The box as {@link #rememberState} remembered it, on the engine of that kind (any, when empty),
   * while its first process is still the one remembered; empty when no engine or more than one
   * remembers a running box of that name, or the file is not the caller's alone.
   */
  public Optional<RememberedBox> recallState(BoxName box, Optional<EngineKind> kind) {
    if (runtimeDir.isEmpty()) {
      return Optional.empty();
    }
    Optional<Path> states =
        PrivateDirectory.existing(runtimeDir.get(), uid, List.of("appbox", "states"));
    if (states.isEmpty()) {
      return Optional.empty();
    }
    List<RememberedBox> found = new java.util.ArrayList<>();
    try (Stream<Path> engines = Files.list(states.get())) {
      for (Path dir : (Iterable<Path>) engines::iterator) {
        Path file = dir.resolve(box.value());
        if (PrivateDirectory.isPrivateFile(file, uid)) {
          RememberedBox.parse(Files.readString(file, StandardCharsets.UTF_8))
              .filter(r -> r.engine().id().equals(dir.getFileName().toString()))
              .filter(r -> r.box().name().equals(box))
              .filter(r -> kind.isEmpty() || kind.get() == r.engine().kind())
              .filter(RememberedBox::stillRunning)
              .ifPresent(found::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    // The same name on two engines: which one is meant is for the engine's own lookup to say.
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** Forgets a box's process: it stopped, or the name is another container's now. */
  public void forget(String engineId, BoxName box) {
    if (runtimeDir.isEmpty()) {
      return;
    }
    for (String kind : List.of("boxes", "states")) {
      PrivateDirectory.existing(runtimeDir.get(), uid, List.of("appbox", kind, engineId))
          .ifPresent(
              dir -> {
                try {
                  // Removes a link itself, never what it points at.
                  Path file = dir.resolve(box.value());
                  if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(file);
                  }
                } catch (IOException e) {
                  // the launcher's checks reject it anyway, and a state is checked before use
                }
              });
    }
  }

  /**
   * Forgets the throwaway boxes that are gone: the engine removes one by itself when the appbox
   * that made it was killed, and nothing else would remove its line.
   */
  public void forgetGoneThrowaways(String engineId, Set<String> existing) {
    if (runtimeDir.isEmpty()) {
      return;
    }
    for (String kind : List.of("boxes", "states")) {
      forgetGoneThrowaways(List.of("appbox", kind, engineId), existing);
    }
  }

  private void forgetGoneThrowaways(List<String> children, Set<String> existing) {
    PrivateDirectory.existing(runtimeDir.get(), uid, children)
        .ifPresent(
            dir -> {
              try (Stream<Path> files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                  String name = file.getFileName().toString();
                  if (name.startsWith(ThrowawayBoxes.PREFIX) && !existing.contains(name)) {
                    Files.deleteIfExists(file);
                  }
                }
              } catch (IOException e) {
                // the launcher's checks reject a stale line anyway
              }
            });
  }

  /**
   * The mount namespace of a process ({@code readlink /proc/PID/ns/mnt}), which names a box while
   * that process is the box's; empty when the process is gone or not the user's to look into.
   */
  static Optional<String> mountNamespace(long pid) {
    return namespace(pid, "mnt");
  }

  /** A namespace of a process ({@code readlink /proc/PID/ns/KIND}: mnt, pid, user, ...). */
  static Optional<String> namespace(long pid, String kind) {
    try {
      return Optional.of(
          Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", kind)).toString());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /**
   * When a process started, in clock ticks since boot (field 22 of {@code /proc/PID/stat}): with
   * the PID and the boot, it names one process, where a PID alone is reused.
   */
  public static Optional<String> startTime(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces and parentheses.
      String[] rest = stat.substring(stat.lastIndexOf(") ") + 2).trim().split(" ");
      String start = rest[19];
      return start.chars().allMatch(Character::isDigit) ? Optional.of(start) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<String> bootId() {
    try {
      String id = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
      return id.matches("[0-9a-f-]+") ? Optional.of(id) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
