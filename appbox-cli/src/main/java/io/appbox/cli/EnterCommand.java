package io.appbox.cli;

import io.appbox.core.BoxName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "enter",
    description = {
      "Open an interactive login shell in a box, as you, in the current directory when the box"
          + " has it. Starts the box when it is stopped."
    },
    footer = {"", "Examples:", "  appbox enter dev", "  appbox enter --root dev"})
final class EnterCommand extends BaseCommand {
  @Option(names = "--root", description = "Enter as root.")
  boolean root;

  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Override
  int execute(Session session) {
    return session.boxes().enter(BoxName.of(box), root);
  }
}
