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
    customSynopsis = {
      "appbox run [OPTION]... BOX [OPTION]... [--] CMD [ARG]...",
      "appbox run [OPTION]... --box BOX [--] CMD [ARG]..."
    },
    description = {
      "Run one command in a box, as you, with your terminal, standard input, output and error.",
      "Exits with the command's exit code. Starts the box when it is stopped."
    },
    footer = {
      "",
      "appbox's options go before or after BOX; the command follows -- (or, without --, starts"
          + " at the first word after BOX), and everything from there on is the command's.",
      "",
      "Examples:",
      "  appbox run dev -- cat /etc/os-release",
      "  echo hello | appbox run dev -- tr a-z A-Z",
      "  appbox run dev --root -- apt-get update",
      "  appbox run --box dev -- id"
    })
final class RunCommand extends BaseCommand {
  @Option(names = "--root", description = "Run as root inside the box.")
  boolean root;

  @Option(names = "--box", paramLabel = "BOX", description = "The box, named as an option.")
  String boxOption;

  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "CMD",
      description = "The command and its arguments.")
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
