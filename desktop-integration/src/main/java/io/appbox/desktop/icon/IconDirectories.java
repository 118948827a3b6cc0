package io.appbox.desktop.icon;

import java.util.List;

/** Where icons live inside a box, in the order the Icon Theme Specification searches them. */
final class IconDirectories {
  /** Theme base directories: {@code $XDG_DATA_DIRS/icons} with the default data dirs. */
  static final List<String> THEME_BASES = List.of("/usr/local/share/icons", "/usr/share/icons");

  /** Unthemed icons, searched last. */
  static final String PIXMAPS = "/usr/share/pixmaps";

  static final List<String> ALL = List.of("/usr/local/share/icons", "/usr/share/icons", PIXMAPS);

  /** Icon file extensions, in the specification's order of preference. */
  static final List<String> EXTENSIONS = List.of("png", "svg", "xpm");

  private IconDirectories() {}

  /** The base directory holding {@code path}, or null. */
  static String baseOf(String path) {
    for (String base : ALL) {
      if (path.startsWith(base + "/")) {
        return base;
      }
    }
    return null;
  }

  /** The extension of an icon file name when it is one of {@link #EXTENSIONS}, else null. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String ext = fileName.substring(dot + 1);
    return EXTENSIONS.contains(ext) ? ext : null;
  }
}
