package io.appbox.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the session of this invocation. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  Session session() {
    return ((AppboxCommand) spec.root().userObject()).session();
  }

  Output output() {
    return session().output();
  }

  @Override
  public final Integer call() {
    if (this instanceof LongOperation) {
      output().longOperation();
    }
    if (!(this instanceof CompletionCommand || this instanceof CompletionCandidatesCommand)) {
      session().refuseUnderSudo();
    }
    return execute(session());
  }

  abstract int execute(Session session);
}
