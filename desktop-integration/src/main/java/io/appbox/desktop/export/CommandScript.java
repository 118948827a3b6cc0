package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.Quote;
import io.appbox.desktop.entry.ValueEscapes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The script in {@code ~/.local/bin} that runs one executable of a box through the box's launcher:
 * a POSIX sh program that passes its arguments through untouched ({@code "$@"}) and replaces itself
 * with the launcher, so stdin, stdout, stderr and the exit code are the command's.
 *
 * <pre>
 * #!/bin/sh
 * # appbox: /usr/bin/htop from box dev (package htop). Remove it with: appbox unexport --box dev --bin htop
 * exec '/home/u/.local/share/appbox/launchers/podman-rootless/dev' '/usr/bin/htop' "$@"
 * </pre>
 *
 * <p>Every value baked into the command is single-quoted for sh; the comment holds no control
 * character, so no value can end it and start a command.
 *
 * @param box the box the executable is in
 * @param pkg the package it came from, or empty
 * @param source the executable's absolute path in the box
 * @param name the command's name on the host
 * @param launcher the box's launcher on the host
 */
record CommandScript(BoxName box, String pkg, String source, String name, Path launcher) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");
  private static final int MAX_SOURCE_LENGTH = 4096;

  CommandScript {
    pkg = pkg == null ? "" : pkg;
    checkName(name);
    checkSource(source);
  }

  /** Refuses a command name that is not a plain file name. */
  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw AppboxException.invalid(
          "Command name " + Quote.of(name) + " is not valid.",
          "A command name starts with a letter or digit and has at most 128 letters, digits, '.',"
              + " '_', '+' and '-'; choose one with --as NAME.");
    }
  }

  /** Refuses a path in the box that is not absolute, not clean, or not text. */
  static void checkSource(String source) {
    String why = null;
    if (source == null || !source.startsWith("/")) {
      why = "is not an absolute path";
    } else if (source.length() > MAX_SOURCE_LENGTH) {
      why = "is longer than " + MAX_SOURCE_LENGTH + " characters";
    } else if (ValueEscapes.hasControlCharacter(source)) {
      why = "holds a control character";
    } else if (!StandardCharsets.UTF_8.newEncoder().canEncode(source)) {
      why = "is not valid text";
    } else {
      for (String part : source.split("/", -1)) {
        if (part.equals("..")) {
          why = "has a '..' segment";
        }
      }
    }
    if (why != null) {
      throw AppboxException.invalid(
          "Executable " + Quote.of(source) + " " + why + ".",
          "Give the executable's absolute path in the box, such as /usr/bin/htop.");
    }
  }

  String text() {
    String origin = pkg.isEmpty() ? "" : " (package " + comment(pkg) + ")";
    return "#!/bin/sh\n"
        + "# appbox: "
        + comment(source)
        + " from box "
        + comment(box.value())
        + origin
        + ". Remove it with: appbox unexport --box "
        + comment(box.value())
        + " --bin "
        + name
        + "\n"
        + "exec "
        + sh(launcher.toString())
        + " "
        + sh(source)
        + " \"$@\"\n";
  }

  byte[] toBytes() {
    return text().getBytes(StandardCharsets.UTF_8);
  }

  /** Quotes a value for sh: single quotes, each quote in it written as {@code '\''}. */
  static String sh(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Text for a comment line: control characters (line ends among them) become spaces or go. */
  private static String comment(String text) {
    return ValueEscapes.removeControlCharacters(text);
  }
}
