package io.appbox.core;

import java.util.function.Supplier;

/**
 * A query that runs on a thread of its own while the caller does something else: a command in the
 * box mostly waits for the box, so two independent ones run side by side cost little more than one.
 * {@link #get} waits for the answer and throws what the query threw; {@link #close} waits for a
 * query whose answer is no longer wanted, so that no command in a box outlives appbox.
 */
public final class Meanwhile<T> implements AutoCloseable {
  /** The query's thread; null for an answer known from the start. */
  private final Thread thread;

  private T value;
  private RuntimeException failure;
  private Error error;

  private Meanwhile(T known) {
    this.thread = null;
    this.value = known;
  }

  private Meanwhile(String name, Supplier<T> query) {
    this.thread =
        new Thread(
            () -> {
              try {
                value = query.get();
              } catch (RuntimeException e) {
                failure = e;
              } catch (Error e) {
                error = e;
              }
            },
            "appbox-" + name);
    // A query left running when appbox ends (the caller failed first) does not keep it alive.
    thread.setDaemon(true);
  }

  /** An answer already known, for a caller that sometimes has one and sometimes starts a query. */
  public static <T> Meanwhile<T> known(T value) {
    return new Meanwhile<>(value);
  }

  /** Starts {@code query} now. */
  public static <T> Meanwhile<T> start(String name, Supplier<T> query) {
    Meanwhile<T> m = new Meanwhile<>(name, query);
    m.thread.start();
    return m;
  }

  /** The query's answer, once it has one. */
  public T get() {
    if (thread == null) {
      return value;
    }
    join();
    if (error != null) {
      throw error;
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  /** Waits for the query to end, its answer or failure unwanted (the caller failed first). */
  @Override
  public void close() {
    if (thread != null) {
      join();
    }
  }

  private void join() {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the box's command runs on; its answer is still wanted
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
