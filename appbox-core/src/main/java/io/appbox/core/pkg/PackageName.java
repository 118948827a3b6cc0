package io.appbox.core.pkg;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import java.util.regex.Pattern;

/**
 * A package argument as the user typed it. It reaches the package manager as one argument of its
 * own, never through a shell; what could be read as an option or is not a package name at all is
 * refused before anything runs in the box.
 */
public record PackageName(String value) {
  /**
   * Names, plus what package managers accept after them: {@code :arch}, {@code =version}, {@code
   * /release}.
   */
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_@][A-Za-z0-9_@.+:=~/-]{0,254}");

  public PackageName {
    if (value == null || value.isEmpty()) {
      throw AppboxException.invalid("A package name cannot be empty.", "Name a package.");
    }
    if (value.startsWith("-")) {
      throw AppboxException.invalid(
          "Package "
              + Quote.of(value)
              + " starts with '-': the package manager would read it as"
              + " an option.",
          "appbox passes no options through to the package manager; name packages only.");
    }
    if (!VALID.matcher(value).matches()) {
      throw AppboxException.invalid(
          "Package name " + Quote.of(value) + " is not valid.",
          "Package names are letters, digits and . _ + - (and :arch, =version, /release).");
    }
  }

  public static PackageName of(String value) {
    return new PackageName(value);
  }

  /** The name without an architecture, version or release qualifier. */
  public String bare() {
    String v = value;
    for (char c : new char[] {'=', '/', ':'}) {
      int at = v.indexOf(c);
      if (at > 0) {
        v = v.substring(0, at);
      }
    }
    return v;
  }

  @Override
  public String toString() {
    return value;
  }
}
