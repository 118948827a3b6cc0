package io.appbox.core;

import java.util.regex.Pattern;

/**
 * The name of a box, which is also its container's name. Kept to what every engine accepts and what
 * is safe in a file name and a desktop-file id: a letter or digit, then letters, digits, '.', '_'
 * or '-', at most 63 characters.
 */
public record BoxName(String value) implements Comparable<BoxName> {
  public static final int MAX_LENGTH = 63;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public BoxName {
    if (value == null || value.isEmpty()) {
      throw AppboxException.invalid(
          "A box name cannot be empty.", "Name the box, for example: appbox create dev");
    }
    if (value.length() > MAX_LENGTH) {
      throw AppboxException.invalid(
          "Box name is " + value.length() + " characters long; at most " + MAX_LENGTH + " fit.",
          "Choose a shorter name.");
    }
    if (!VALID.matcher(value).matches()) {
      throw AppboxException.invalid(
          "Box name " + Quote.of(value) + " is not valid.",
          "Use letters, digits, '.', '_' and '-', starting with a letter or digit.");
    }
  }

  public static BoxName of(String value) {
    return new BoxName(value);
  }

  // Written out: a record's generated equals and hashCode make method-handle classes on their
  // first call, some 10 ms of a command, which the start-up cache cannot hold.
  @Override
  public boolean equals(Object o) {
    return o instanceof BoxName b && value.equals(b.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(BoxName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
