package io.appbox.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "enter",
    description = {
      "Open an interactive login shell in a box, as you, in the current directory when the box"
          + " has it. Starts the box when it is stopped."
    },
    footer = {"", "Examples:", "  appbox enter dev", "  appbox enter dev --root"})
final class EnterCommand extends BaseCommand {
  @Option(names = "--root", description = "Enter as root.")
  boolean root;

  @Mixin BoxArgument box;

  @Override
  int execute(Session session) {
    return session.boxes().enter(box.required("enter"), root);
  }
}
