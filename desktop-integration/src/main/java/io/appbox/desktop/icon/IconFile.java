package io.appbox.desktop.icon;

import java.util.Arrays;

/**
 * One icon file found in a box and where it goes on the host.
 *
 * @param source the path inside the box
 * @param sizeDir the hicolor size directory it goes to: {@code 48x48}, {@code 48x48@2}, {@code
 *     scalable}
 * @param extension {@code png}, {@code svg} or {@code xpm}
 * @param content the file's bytes
 */
public record IconFile(String source, String sizeDir, String extension, byte[] content) {
  public IconFile {
    content = content.clone();
  }

  /** Where the file goes under the host's icons directory: {@code hicolor/48x48/apps/NAME.png}. */
  public String relativePath(String name) {
    IconReference.checkName(name);
    return "hicolor/" + sizeDir + "/apps/" + name + "." + extension;
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IconFile f
        && f.source.equals(source)
        && f.sizeDir.equals(sizeDir)
        && f.extension.equals(extension)
        && Arrays.equals(f.content, content);
  }

  @Override
  public int hashCode() {
    return source.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "IconFile[" + source + " -> " + sizeDir + ", " + content.length + " bytes]";
  }
}
