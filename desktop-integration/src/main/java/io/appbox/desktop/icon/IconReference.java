package io.appbox.desktop.icon;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.nio.file.Path;

/**
 * What a desktop entry's {@code Icon=} names: an icon of the theme, looked up by name, or a file in
 * one of the box's icon directories. Anything else is refused, so an entry cannot make appbox copy
 * an arbitrary file of the box ({@code /etc/passwd}) or write outside the icon directory ({@code
 * ../../../.bashrc}).
 */
public sealed interface IconReference permits IconReference.Themed, IconReference.InBox {
  /** Longest icon name accepted; with a box-specific prefix it still fits in a file name. */
  int MAX_NAME_LENGTH = 150;

  /** The icon's name on the host, without extension. */
  String name();

  /** An icon looked up by name in the box's themes and pixmaps. */
  record Themed(String name) implements IconReference {
    public Themed {
      checkName(name);
    }
  }

  /**
   * A file named by an absolute {@code Icon=} path that lies in an icon directory of the box.
   *
   * @param path the normalised absolute path inside the box
   * @param name its base name without extension
   */
  record InBox(String path, String name) implements IconReference {
    public InBox {
      if (IconDirectories.baseOf(path) == null
          || !Path.of(path).normalize().toString().equals(path)) {
        throw new IllegalArgumentException("not a path in an icon directory: " + path);
      }
      checkName(name);
    }
  }

  /**
   * Reads an {@code Icon=} value (string escapes already undone).
   *
   * @throws AppboxException {@code INVALID_INPUT} for an unsafe name or a path outside the icon
   *     directories; export the entry without an icon then, and say so
   */
  static IconReference parse(String value) {
    if (value == null || value.isEmpty()) {
      throw invalid(value, "it is empty");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw invalid(value, "it holds control characters");
    }
    if (!value.startsWith("/")) {
      String ext = IconDirectories.extensionOf(value);
      // "htop.png" is a common mistake for "htop"; the theme lookup wants the bare name.
      return new Themed(
          ext == null ? value : value.substring(0, value.length() - ext.length() - 1));
    }
    String path = Path.of(value).normalize().toString();
    if (IconDirectories.baseOf(path) == null) {
      throw invalid(
          value,
          "an icon file must lie under "
              + String.join(", ", IconDirectories.ALL)
              + (path.equals(value) ? "" : " (it resolves to " + Quote.of(path) + ")"));
    }
    String fileName = Path.of(path).getFileName().toString();
    String ext = IconDirectories.extensionOf(fileName);
    if (ext == null) {
      throw invalid(value, "an icon file ends in .png, .svg or .xpm");
    }
    return new InBox(path, fileName.substring(0, fileName.length() - ext.length() - 1));
  }

  /** Refuses an icon name that is not a safe file name. */
  static void checkName(String name) {
    String why = null;
    if (name == null || name.isEmpty()) {
      why = "it is empty";
    } else if (name.length() > MAX_NAME_LENGTH) {
      why = "it is longer than " + MAX_NAME_LENGTH + " characters";
    } else if (name.contains("/")) {
      why = "it holds '/'";
    } else if (name.contains("..")) {
      why = "it holds '..'";
    } else if (name.startsWith(".")) {
      why = "it starts with '.'";
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      why = "it holds control characters";
    }
    if (why != null) {
      throw invalid(name, why);
    }
  }

  private static AppboxException invalid(String value, String why) {
    return AppboxException.invalid(
        "Icon " + Quote.of(value) + " is not a safe icon: " + why + ".",
        "The application is exported without its icon.");
  }
}
