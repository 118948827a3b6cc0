package io.appbox.cli;

/** Text from boxes and users, made safe to print on a terminal. */
final class Text {
  private Text() {}

  /** Like {@link #printable}, line by line: the line breaks stay, every other control goes. */
  static String printableLines(String s) {
    StringBuilder out = new StringBuilder(s.length());
    String[] lines = s.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(i == 0 ? "" : "\n").append(printable(lines[i]));
    }
    return out.toString();
  }

  /** Replaces control characters, so a hostile name cannot move the cursor or set colours. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
    }
    return out.toString();
  }
}
