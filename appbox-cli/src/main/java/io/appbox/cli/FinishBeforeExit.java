package io.appbox.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Ctrl-C during an upgrade or a rollback. Left alone, the JVM would end at once: between two steps
 * of a restore (the box stopped, or set aside under another name), or with the package manager cut
 * off and no restore at all. While such a command runs, a shutdown hook instead says what appbox is
 * finishing and holds the exit until the command has left the box whole: the package manager, which
 * the same Ctrl-C reaches, fails; the failed upgrade is restored from its snapshot; the command
 * reports it; then the process ends. What no hook can hold (a crash, {@code kill -9}) the restore
 * journal covers.
 */
final class FinishBeforeExit implements AutoCloseable {
  /** Released once the command has ended and said so: then the JVM may exit. */
  private static final CountDownLatch ENDED = new CountDownLatch(1);

  private final Thread hook;
  private final java.util.concurrent.atomic.AtomicBoolean interrupted;

  private FinishBeforeExit(Thread hook, java.util.concurrent.atomic.AtomicBoolean interrupted) {
    this.hook = hook;
    this.interrupted = interrupted;
  }

  /**
   * Holds an exit asked for (Ctrl-C, SIGTERM, a closed terminal) while a package-manager
   * transaction runs: says so, passes the signal on to the package manager in the box, and waits
   * until the command has said what state it left the box in.
   *
   * @param what what runs, in the user's words: "the install of htop in dev"
   */
  static FinishBeforeExit transaction(Output out, String what, Runnable stop) {
    java.util.concurrent.atomic.AtomicBoolean asked =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              asked.set(true);
              out.warn(
                  "Interrupted: appbox stops "
                      + what
                      + ", waits for the package manager to end, and says what state the box is"
                      + " in.");
              stop.run();
              try {
                ENDED.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "appbox-finish-before-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    return new FinishBeforeExit(hook, asked);
  }

  /** Whether an exit was asked for while this ran. */
  boolean interrupted() {
    return interrupted.get();
  }

  /**
   * Holds an exit asked for while {@code what} runs until the command has ended.
   *
   * @param what what runs, in the user's words: "the upgrade of dev"
   */
  static FinishBeforeExit during(Output out, String what) {
    Thread hook =
        new Thread(
            () -> {
              out.warn(
                  "Interrupted: appbox ends once "
                      + what
                      + " has left the box whole (a failed upgrade is restored from its"
                      + " snapshot).");
              try {
                ENDED.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "appbox-finish-before-exit");
    Runtime.getRuntime().addShutdownHook(hook);
    return new FinishBeforeExit(hook, new java.util.concurrent.atomic.AtomicBoolean());
  }

  /** The command has ended and reported: an exit that was held may happen now. */
  static void commandEnded() {
    ENDED.countDown();
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException exiting) {
      // Ctrl-C came: the hook runs and holds the exit until commandEnded.
    }
  }
}
