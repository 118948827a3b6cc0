package io.appbox.core.engine;

/** Runs commands in a running box attached to the user's terminal. */
public interface AttachedRunner {
  /** Runs the command and returns its exit code. */
  int run(ContainerState box, AttachedCommand command);
}
