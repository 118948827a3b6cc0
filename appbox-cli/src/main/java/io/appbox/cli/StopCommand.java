package io.appbox.cli;

import io.appbox.cli.json.BoxJson;
import io.appbox.core.box.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "stop",
    description = "Stop a running box. Its files and exports stay.",
    footer = {"", "Examples:", "  appbox stop dev", "  appbox stop --json dev"})
final class StopCommand extends BaseCommand {
  @Mixin BoxArgument box;

  @Override
  int execute(Session session) {
    Box stopped = session.boxes().stop(box.required("stop"));
    session
        .output()
        .result(BoxJson.of(stopped), () -> session.output().println("Stopped " + stopped.name()));
    return ExitCodes.OK;
  }
}
