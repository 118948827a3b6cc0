package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "run",
    description = {
      "Run one command in a box, as you, with your terminal, standard input, output and error.",
      "Exits with the command's exit code. Starts the box when it is stopped."
    },
    footer = {
      "",
      "Everything after BOX belongs to the command; appbox's own options go before BOX.",
      "",
      "Examples:",
      "  appbox run dev -- cat /etc/os-release",
      "  echo hello | appbox run dev -- tr a-z A-Z",
      "  appbox run --root dev -- apt-get update"
    })
final class RunCommand extends BaseCommand {
  @Option(names = "--root", description = "Run as root inside the box.")
  boolean root;

  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Parameters(index = "1..*", paramLabel = "CMD", description = "The command and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  int execute(Session session) {
    BoxName name = BoxName.of(box);
    // Parsing stops at BOX, so the "--" that usually follows it arrives here.
    if (!command.isEmpty() && command.get(0).equals("--")) {
      command = command.subList(1, command.size());
    }
    if (command.isEmpty()) {
      throw AppboxException.invalid(
          "Name a command to run.", "For example: appbox run " + name + " -- ls");
    }
    boolean terminal = Terminal.isTerminal(0) && Terminal.isTerminal(1);
    return session.boxes().run(name, command, root, terminal);
  }
}
