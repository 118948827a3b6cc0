package io.appbox.cli;

/** Text from boxes and users, made safe to print on a terminal. */
final class Text {
  private Text() {}

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
