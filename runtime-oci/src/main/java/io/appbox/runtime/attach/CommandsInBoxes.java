package io.appbox.runtime.attach;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands this process runs in boxes through their namespaces, while they run: what a SIGTERM
 * or a closed terminal, which reach only appbox, is passed on to (Ctrl-C reaches them from the
 * terminal itself). A command run through the engine's exec is not appbox's child; it runs to its
 * end.
 */
public final class CommandsInBoxes {
  static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  private CommandsInBoxes() {}

  /** Asks every running command, and what it started, to stop (SIGTERM). */
  public static void stop() {
    for (Process p : RUNNING) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
  }
}
