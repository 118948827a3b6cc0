package io.appbox.cli;

import io.appbox.core.AppboxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * appbox under sudo (or doas, pkexec) would make root's boxes on the rootful engine and export into
 * /root, where the user's desktop never looks. Like Distrobox, it refuses unless told {@code
 * --rootful}: boxes that belong to root, on purpose.
 */
final class RootUnderSudo {
  private RootUnderSudo() {}

  /**
   * @param commandLine the command line as given, which the hints repeat
   */
  static void check(Map<String, String> env, int uid, boolean rootful, List<String> commandLine) {
    String asGiven = Text.printable(String.join(" ", commandLine));
    if (rootful && uid != 0) {
      List<String> without = commandLine.stream().filter(a -> !a.equals("--rootful")).toList();
      throw AppboxException.invalid(
          "--rootful makes and uses boxes that belong to root; appbox runs as you here.",
          "For your own boxes, leave it out: appbox "
              + Text.printable(String.join(" ", without))
              + "; for root's: sudo appbox "
              + asGiven);
    }
    if (uid != 0 || rootful) {
      return;
    }
    Optional<String> caller = caller(env);
    if (caller.isPresent()) {
      throw AppboxException.invalid(
          "appbox is running as root through sudo: its boxes would belong to root on the rootful"
              + " engine, and its exports would go to root's home, not to "
              + caller.get()
              + "'s menu.",
          "Run it as "
              + caller.get()
              + ", without sudo (a box gives you root inside with run --root): appbox "
              + asGiven
              + ". For boxes that belong to root on purpose: sudo appbox --rootful "
              + asGiven);
    }
  }

  /** The user who ran sudo, doas or pkexec, when it was not root itself. */
  static Optional<String> caller(Map<String, String> env) {
    for (String[] pair :
        new String[][] {
          {"SUDO_USER", "SUDO_UID"}, {"DOAS_USER", null}, {null, "PKEXEC_UID"},
        }) {
      String name = pair[0] == null ? null : env.get(pair[0]);
      String id = pair[1] == null ? null : env.get(pair[1]);
      if (name != null && !name.isEmpty() && !name.equals("root") && !"0".equals(id)) {
        return Optional.of(name);
      }
      if (name == null && id != null && !id.isEmpty() && !id.equals("0")) {
        return Optional.of("uid " + id);
      }
    }
    return Optional.empty();
  }
}
