package io.appbox.cli;

import io.appbox.core.engine.ContainerState;
import io.appbox.core.profile.DistroProfile;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code appbox completion __candidates boxes|distros}: what the completion scripts run on TAB, one
 * name per line. Hidden from help. It asks the engine for the boxes' names only, with one request.
 */
@Command(
    name = "__candidates",
    hidden = true,
    description = "Print the names completion offers, one per line.",
    footer = {"", "Examples:", "  appbox completion __candidates boxes"})
final class CompletionCandidatesCommand extends BaseCommand {
  enum What {
    boxes,
    distros
  }

  @Parameters(index = "0", paramLabel = "WHAT", description = "${COMPLETION-CANDIDATES}.")
  What what;

  @Override
  int execute(Session session) {
    List<String> names =
        switch (what) {
          case boxes ->
              session.engine().list().stream()
                  .map(ContainerState::name)
                  .map(n -> n.value())
                  .sorted()
                  .toList();
          case distros -> session.profiles().all().stream().map(DistroProfile::id).toList();
        };
    Output out = session.output();
    out.result(names, () -> names.forEach(out::println));
    return ExitCodes.OK;
  }
}
