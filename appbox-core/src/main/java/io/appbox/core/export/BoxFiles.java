package io.appbox.core.export;

import java.util.List;

/**
 * The files of a box, as exports need them. The container adapter implements it; appbox checks
 * every path it returns again, so a box cannot point an export elsewhere.
 */
public interface BoxFiles {
  /**
   * Absolute paths inside the box, under {@code /usr/share/icons}, {@code /usr/local/share/icons}
   * or {@code /usr/share/pixmaps} (any depth), of regular files or links to them whose base name
   * without its extension is {@code iconName}: {@code htop.png}, {@code htop.svg}, {@code
   * htop.xpm}. One {@code find} in the box is enough.
   */
  List<String> find(String iconName);

  /**
   * Runs {@link #find} now, reading what it finds with it where it can, so that a find of the same
   * name later costs no command in the box: for a caller that guesses the name before it knows it.
   */
  default void findAhead(String iconName) {}

  /**
   * The content of a file in the box, reading at most {@code maxBytes + 1} bytes: a longer result
   * than {@code maxBytes} tells the caller that the file is over the limit.
   *
   * @throws io.appbox.core.AppboxException when the file cannot be read
   */
  byte[] read(String path, int maxBytes);

  /**
   * Reads these files in one go, at most {@code maxBytes + 1} bytes of each, so that the {@link
   * #read}s of them that follow cost no command in the box. A file it cannot read is read (and
   * fails) later, on its own.
   */
  default void readAhead(java.util.Collection<String> paths, int maxBytes) {}

  /** Whether {@code path} is an executable regular file in the box. */
  boolean isExecutable(String path);

  /** The first executable named {@code program} in {@code dirs}, as a shell's PATH search. */
  default java.util.Optional<String> onPath(String program, List<String> dirs) {
    return dirs.stream().map(d -> d + "/" + program).filter(this::isExecutable).findFirst();
  }

  /** Whether {@code path} is a directory in the box. */
  default boolean isDirectory(String path) {
    return false;
  }

  /** Whether {@code path} is a file the box's user can read. */
  default boolean isReadableFile(String path) {
    try {
      read(path, 0);
      return true;
    } catch (io.appbox.core.AppboxException e) {
      return false;
    }
  }
}
