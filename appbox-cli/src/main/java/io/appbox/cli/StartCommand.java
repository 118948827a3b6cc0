package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.core.box.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "start",
    description = "Start a stopped box.",
    footer = {"", "Examples:", "  appbox start dev", "  appbox start --json dev"})
final class StartCommand extends BaseCommand {
  @Mixin BoxArgument box;

  @Override
  int execute(Session session) {
    Box started = session.boxes().start(box.required("start"));
    session
        .output()
        .result(BoxJson.of(started), () -> session.output().println("Started " + started.name()));
    return ExitCodes.OK;
  }
}
