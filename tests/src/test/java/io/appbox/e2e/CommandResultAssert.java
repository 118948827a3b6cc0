package io.appbox.e2e;

import org.assertj.core.api.AbstractAssert;

/**
 * What a user checks first of a command: how it ended. A failure shows the whole command, its exit
 * code and both streams, so a red test says what appbox printed.
 */
final class CommandResultAssert extends AbstractAssert<CommandResultAssert, CommandResult> {
  private CommandResultAssert(CommandResult actual) {
    super(actual, CommandResultAssert.class);
  }

  static CommandResultAssert assertThat(CommandResult actual) {
    return new CommandResultAssert(actual);
  }

  CommandResultAssert succeeded() {
    return exitedWith(0);
  }

  CommandResultAssert exitedWith(int code) {
    isNotNull();
    if (actual.exitCode() != code) {
      failWithMessage("expected exit code %d, got:%n%s", code, actual);
    }
    return this;
  }

  CommandResultAssert failed() {
    isNotNull();
    if (actual.exitCode() == 0) {
      failWithMessage("expected a failure, got:%n%s", actual);
    }
    return this;
  }
}
