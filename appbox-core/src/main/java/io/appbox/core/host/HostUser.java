package io.appbox.core.host;

import io.appbox.core.AppboxException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The user on the host, who becomes the same user inside every box.
 *
 * @param name login name
 * @param uid user id
 * @param gid primary group id
 * @param group primary group name
 * @param home home directory
 * @param shell login shell
 */
public record HostUser(String name, int uid, int gid, String group, Path home, String shell) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,31}\\$?");
  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9/._+@-]*");

  public HostUser {
    if (!NAME.matcher(name).matches()) {
      throw AppboxException.invalid(
          "The user name " + io.appbox.core.Quote.of(name) + " cannot be used inside a box.",
          "appbox needs a portable user name (letters, digits, '_', '.', '-').");
    }
    if (!NAME.matcher(group).matches()) {
      group = name;
    }
    if (!SAFE_PATH.matcher(shell).matches()) {
      shell = "/bin/sh";
    }
  }

  public boolean isRoot() {
    return uid == 0;
  }

  /** The user spec for the engine: {@code UID:GID}. */
  public String engineUser() {
    return uid + ":" + gid;
  }

  /** Whether a path can be written into the box's user database as a home directory. */
  public static boolean isSafeHome(Path home) {
    return home.isAbsolute() && SAFE_PATH.matcher(home.toString()).matches();
  }
}
