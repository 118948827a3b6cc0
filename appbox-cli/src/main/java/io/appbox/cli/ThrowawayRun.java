package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.ThrowawayBoxes;
import io.appbox.runtime.attach.CommandsInBoxes;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code run --ephemeral} and {@code enter --ephemeral}: a box made for one command and removed
 * when it ends. Ctrl-C belongs to the command, which gets it from the terminal: appbox waits for
 * the command and then removes the box. SIGTERM or a closed terminal, which reach only appbox, stop
 * the command and remove the box before appbox exits; kill -9 leaves it to the box itself (see
 * {@link ThrowawayBoxes}).
 */
final class ThrowawayRun {
  private ThrowawayRun() {}

  static int run(Session session, Optional<String> distro, ToIntFunction<BoxName> command) {
    ThrowawayBoxes throwaways =
        new ThrowawayBoxes(session.engine(), session.boxes(), ThisProcess::alive);
    BoxName name = throwaways.newName();
    Output out = session.output();
    Thread hook =
        new Thread(
            () -> {
              CommandsInBoxes.stop();
              removeQuietly(throwaways, name);
            },
            "appbox-remove-throwaway-box");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      throwaways.create(name, distro, ThisProcess.owner(), out.sideProgress());
      out.finishProgress();
      try (InterruptsToTheCommand ctrlC = InterruptsToTheCommand.whileItRuns()) {
        return command.applyAsInt(name);
      }
    } finally {
      throwaways.remove(name);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run
      }
    }
  }

  private static void removeQuietly(ThrowawayBoxes throwaways, BoxName name) {
    try {
      throwaways.remove(name);
    } catch (RuntimeException e) {
      // appbox is exiting: what the engine did not remove, the box's own end removes
    }
  }
}
