package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import java.util.Optional;

/**
 * Host names that say which box a file came from: {@code appbox-BOX-NAME}, with every {@code -} of
 * the box's name doubled. Box {@code a-b}'s {@code c} is {@code appbox-a--b-c} and box {@code a}'s
 * {@code b-c} is {@code appbox-a-b-c}, so two boxes never share a name. A box name without {@code
 * -} gives the name appbox always gave, so the exports of such boxes keep their names across the
 * change.
 */
final class ExportNames {
  static final String PREFIX = "appbox-";

  private ExportNames() {}

  /** A box and a name within it, read back from a qualified name. */
  record BoxAndName(BoxName box, String name) {}

  /**
   * The qualified name of {@code name} from {@code box}.
   *
   * @throws IllegalArgumentException when {@code name} is empty or starts with {@code -}, which
   *     would make the end of the box's name ambiguous
   */
  static String qualified(BoxName box, String name) {
    if (!canQualify(name)) {
      throw new IllegalArgumentException("cannot qualify " + name);
    }
    return PREFIX + box.value().replace("-", "--") + "-" + name;
  }

  /** Whether {@link #qualified} takes {@code name}. */
  static boolean canQualify(String name) {
    return name != null && !name.isEmpty() && name.charAt(0) != '-';
  }

  /**
   * The box and name a qualified name stands for; empty when it is not one. A pair of {@code -} is
   * a {@code -} of the box's name; a single one ends it.
   */
  static Optional<BoxAndName> boxAndName(String qualified) {
    if (!qualified.startsWith(PREFIX)) {
      return Optional.empty();
    }
    StringBuilder box = new StringBuilder();
    for (int i = PREFIX.length(); i < qualified.length(); i++) {
      char c = qualified.charAt(i);
      if (c != '-') {
        box.append(c);
      } else if (i + 1 < qualified.length() && qualified.charAt(i + 1) == '-') {
        box.append('-');
        i++;
      } else {
        String name = qualified.substring(i + 1);
        if (!canQualify(name)) {
          return Optional.empty();
        }
        try {
          return Optional.of(new BoxAndName(BoxName.of(box.toString()), name));
        } catch (AppboxException notABox) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
