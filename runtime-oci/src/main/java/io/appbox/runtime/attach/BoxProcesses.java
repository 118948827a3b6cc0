package io.appbox.runtime.attach;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processes a stopped box leaves behind: those started through its namespaces ({@code nsenter}
 * joins the mount namespace, not the container's cgroup, so the engine's stop does not reach them)
 * and their descendants, which may have made namespaces of their own (a browser's sandbox). They
 * are ended as the engine ends a box's: TERM, a grace period, then KILL.
 */
final class BoxProcesses {
  private static final Path PROC = Path.of("/proc");

  private BoxProcesses() {}

  /**
   * Ends every process in mount namespace {@code mnt}, and their descendants; waits for them. Never
   * the host's: a namespace that this process or the machine's first process is in is nobody's box.
   */
  static void endAll(String mnt, long graceMillis) {
    if (!couldBeABox(mnt)) {
      return;
    }
    List<ProcessHandle> left = in(mnt);
    if (left.isEmpty()) {
      return;
    }
    left.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + graceMillis * 1_000_000;
    while (System.nanoTime() < deadline && left.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(50);
    }
    // Those that ignored TERM, and any that joined meanwhile.
    List<ProcessHandle> stubborn = new ArrayList<>(left);
    stubborn.addAll(in(mnt));
    stubborn.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    long killDeadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < killDeadline && stubborn.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(20);
    }
  }

  /** Whether a mount namespace can be a box's: neither this process's nor the machine's. */
  static boolean couldBeABox(String mnt) {
    Optional<String> own = BoxProcessCache.mountNamespace(ProcessHandle.current().pid());
    Optional<String> first = BoxProcessCache.mountNamespace(1);
    return own.isPresent() && !own.get().equals(mnt) && !first.equals(Optional.of(mnt));
  }

  /** The processes in mount namespace {@code mnt} that this user may see, with descendants. */
  static List<ProcessHandle> in(String mnt) {
    if (!couldBeABox(mnt)) {
      return List.of();
    }
    Map<Long, Long> parents = new HashMap<>();
    Set<Long> inside = new HashSet<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path p : procs) {
        long pid;
        try {
          pid = Long.parseLong(p.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == self) {
          continue;
        }
        parentOf(p).ifPresent(ppid -> parents.put(pid, ppid));
        if (BoxProcessCache.mountNamespace(pid).equals(Optional.of(mnt))) {
          inside.add(pid);
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    Set<Long> all = new HashSet<>(inside);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<Long, Long> e : parents.entrySet()) {
        if (all.contains(e.getValue()) && all.add(e.getKey())) {
          grew = true;
        }
      }
    }
    List<ProcessHandle> handles = new ArrayList<>();
    for (long pid : all) {
      ProcessHandle.of(pid).ifPresent(handles::add);
    }
    return handles;
  }

  private static Optional<Long> parentOf(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String[] rest = stat.substring(stat.lastIndexOf(") ") + 2).split(" ");
      return Optional.of(Long.parseLong(rest[1]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
