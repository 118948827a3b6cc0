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
      "appbox run [OPTION]... --box BOX [--] CMD [ARG]...",
      "appbox run --ephemeral [--distro DISTRO] [OPTION]... [--] CMD [ARG]..."
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
      "With --ephemeral there is no BOX: appbox makes a box for the command and removes it when"
          + " the command ends (Ctrl-C, a closed terminal and a killed appbox included). Nothing is"
          + " exported from it and nothing of it is left but what the command wrote to your home.",
      "",
      "Examples:",
      "  appbox run dev -- cat /etc/os-release",
      "  echo hello | appbox run dev -- tr a-z A-Z",
      "  appbox run dev --root -- apt-get update",
      "  appbox run --box dev -- id",
      "  appbox run --ephemeral --distro fedora -- dnf --version"
    })
final class RunCommand extends BaseCommand {
  @Option(names = "--root", description = "Run as root inside the box.")
  boolean root;

  @Option(names = "--box", paramLabel = "BOX", description = "The box, named as an option.")
  String boxOption;

  @Option(
      names = "--ephemeral",
      description = "Run in a new box that is removed when the command ends, instead of BOX.")
  boolean ephemeral;

  @Option(
      names = "--distro",
      paramLabel = "DISTRO",
      description = "With --ephemeral: the distro of the box (default: the configured one).")
  String distro;

  @Parameters(index = "0", paramLabel = "BOX", description = "The box.")
  String box;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      // Required, as the usage says; execute() says so when it is missing. Optional only to the
      // parser, for run --ephemeral, where the command's first word stands where BOX would.
      hideParamSyntax = true,
      paramLabel = "CMD [ARG]...",
      description = "The command and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  int execute(Session session) {
    if (ephemeral) {
      return throwaway(session);
    }
    if (distro != null) {
      throw AppboxException.invalid(
          "--distro chooses the distro of a new box: it goes with --ephemeral.",
          "Run in a box of another distro: appbox run --ephemeral --distro " + distro + " -- CMD");
    }
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

  /** With --ephemeral, what stands where BOX would is the command's first word. */
  private int throwaway(Session session) {
    String[] given = ((AppboxCommand) spec.root().userObject()).commandLine.toArray(String[]::new);
    if (boxOption != null || !RunCommandLine.isThrowaway(given)) {
      throw AppboxException.invalid(
          "--ephemeral makes its own box; it takes no BOX.",
          "Leave out the box: appbox run --ephemeral -- CMD");
    }
    List<String> argv = new ArrayList<>();
    argv.add(box);
    argv.addAll(command);
    if (argv.get(0).equals("--")) {
      argv.remove(0);
    }
    if (argv.isEmpty()) {
      throw AppboxException.invalid(
          "Name a command to run.", "For example: appbox run --ephemeral -- cat /etc/os-release");
    }
    boolean terminal = Terminal.isTerminal(0) && Terminal.isTerminal(1);
    return ThrowawayRun.run(
        session,
        java.util.Optional.ofNullable(distro),
        name -> session.boxes().run(name, argv, root, terminal));
  }
}
