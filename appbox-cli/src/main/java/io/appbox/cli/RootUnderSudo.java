package io.appbox.cli;

import io.appbox.core.AppboxException;
import java.util.Map;
import java.util.Optional;

/**
 * appbox under sudo (or doas, pkexec) would make root's boxes on the rootful engine and export into
 * /root, where the user's desktop never looks. Like Distrobox, it refuses unless told {@code
 * --rootful}: boxes that belong to root, on purpose.
 */
final class RootUnderSudo {
  private RootUnderSudo() {}

  static void check(Map<String, String> env, int uid, boolean rootful) {
    if (rootful && uid != 0) {
      throw AppboxException.invalid(
          "--rootful makes and uses boxes that belong to root; appbox runs as you here.",
          "Leave out --rootful for your own boxes, or run: sudo appbox --rootful COMMAND");
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
          "Run appbox as "
              + caller.get()
              + ", without sudo (boxes give you root inside: appbox run --root BOX -- CMD)."
              + " For boxes that belong to root on purpose: sudo appbox --rootful COMMAND");
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
