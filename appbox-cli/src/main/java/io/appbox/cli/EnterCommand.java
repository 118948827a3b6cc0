package io.appbox.cli;

import io.appbox.core.AppboxException;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "enter",
    description = {
      "Open an interactive login shell in a box, as you, in the current directory when the box"
          + " has it. Starts the box when it is stopped."
    },
    footer = {
      "",
      "With --ephemeral, appbox makes a box for this shell and removes it when the shell ends"
          + " (Ctrl-C, a closed terminal and a killed appbox included): nothing is exported from it"
          + " and nothing of it is left but what the shell wrote to your home.",
      "",
      "Examples:",
      "  appbox enter dev",
      "  appbox enter dev --root",
      "  appbox enter --ephemeral --distro fedora"
    })
final class EnterCommand extends BaseCommand {
  @Option(names = "--root", description = "Enter as root.")
  boolean root;

  @Option(
      names = "--ephemeral",
      description = "Enter a new box that is removed when the shell ends, instead of BOX.")
  boolean ephemeral;

  @Option(
      names = "--distro",
      paramLabel = "DISTRO",
      description = "With --ephemeral: the distro of the box (default: the configured one).")
  String distro;

  @Mixin BoxArgument box;

  @Override
  int execute(Session session) {
    if (ephemeral) {
      if (box.given().isPresent()) {
        throw AppboxException.invalid(
            "--ephemeral makes its own box; it takes no BOX.",
            "Leave out the box: appbox enter --ephemeral");
      }
      return ThrowawayRun.run(
          session, Optional.ofNullable(distro), name -> session.boxes().enter(name, root));
    }
    if (distro != null) {
      throw AppboxException.invalid(
          "--distro chooses the distro of a new box: it goes with --ephemeral.",
          "Enter a box of another distro: appbox enter --ephemeral --distro " + distro);
    }
    return session.boxes().enter(box.required("enter"), root);
  }
}
