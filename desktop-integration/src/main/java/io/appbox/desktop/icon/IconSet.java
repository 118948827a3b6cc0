package io.appbox.desktop.icon;

import java.util.List;

/**
 * The icon files to export for one icon name, one per hicolor size directory.
 *
 * @param name the icon name, as {@code Icon=} names it on the host unless renamed
 * @param files the files, at most one per size directory
 * @param warnings files passed over and why, for the user
 */
public record IconSet(String name, List<IconFile> files, List<String> warnings) {
  public IconSet {
    IconReference.checkName(name);
    files = List.copyOf(files);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }
}
