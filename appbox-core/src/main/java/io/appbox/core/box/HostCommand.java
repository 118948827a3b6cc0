package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Quote;
import java.util.regex.Pattern;

/**
 * A managed host command: NAME on a box's PATH runs the host's NAME through host-exec.
 *
 * @param engine the engine the box is on ({@code EngineInfo.id()})
 * @param box the box
 * @param name the program's name, the same in the box and on the host
 */
public record HostCommand(String engine, BoxName box, String name) {
  /** A program's name: no path, nothing a shell or an option parser would read otherwise. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

  public HostCommand {
    checkName(name);
  }

  /** The name as given, when it can name a host command; refused with a message otherwise. */
  public static String checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw AppboxException.invalid(
          "Name the host program.", "For example: appbox host-command add dev podman");
    }
    if (name.length() > 255 || !NAME.matcher(name).matches()) {
      throw AppboxException.invalid(
          "Host command " + Quote.of(name) + " is not a program's name.",
          "Use the name the program has on the host's PATH (letters, digits and . _ + -, no"
              + " slash), for example: appbox host-command add dev podman");
    }
    if (name.equals("host-exec")) {
      throw AppboxException.invalid(
          "host-exec is already in every box.", "Name a host program, for example podman.");
    }
    return name;
  }

  /** Where the command is in the box. */
  public String path() {
    return BoxHostTools.BIN + "/" + name;
  }
}
