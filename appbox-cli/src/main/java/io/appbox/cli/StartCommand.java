package io.appbox.cli;

import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "start",
    description = "Start a stopped box.",
    footer = {"", "Examples:", "  appbox start dev", "  appbox start --json dev"})
final class StartCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Override
  int execute(Session session) {
    Box started = session.boxes().start(BoxName.of(box));
    session.output().result(started, () -> session.output().println("Started " + started.name()));
    return ExitCodes.OK;
  }
}
