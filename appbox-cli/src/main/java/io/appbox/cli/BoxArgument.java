package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The box a command about one box means, named either way: {@code appbox snapshots dev} or {@code
 * appbox snapshots --box dev}, as every command that takes a box accepts {@code --box}.
 */
final class BoxArgument {
  @Parameters(index = "0", arity = "0..1", paramLabel = "BOX", description = "The box.")
  String positional;

  @Option(names = "--box", paramLabel = "BOX", description = "The box, named as an option.")
  String option;

  /** The box named, either way; both ways at once must agree. */
  Optional<String> given() {
    if (positional != null && option != null && !positional.equals(option)) {
      throw AppboxException.invalid(
          "Two boxes named: " + positional + " and --box " + option + ".",
          "Name the box once: appbox COMMAND " + positional);
    }
    return Optional.ofNullable(option != null ? option : positional);
  }

  /** The box named, which this command needs. */
  BoxName required(String command) {
    return BoxName.of(
        given()
            .orElseThrow(
                () ->
                    AppboxException.invalid(
                        "Name the box.",
                        "For example: appbox " + command + " dev (or --box dev)")));
  }

  /** The box named, else the default box as the package commands choose it. */
  BoxName orDefault(Session session) {
    BoxChoice choice = new BoxChoice();
    choice.box = given().orElse(null);
    return choice.named(session, Optional.empty());
  }
}
