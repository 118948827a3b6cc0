package io.appbox.core;

/** Quotes user input for messages so that control characters and odd bytes stay visible. */
public final class Quote {
  private Quote() {}

  public static String of(String raw) {
    return of(raw, 256);
  }

  /** Quotes at most {@code max} characters. */
  public static String of(String raw, int max) {
    if (raw == null) {
      return "(none)";
    }
    return "'" + escaped(raw, max, "…") + "'";
  }

  /**
   * The text as one line, control characters escaped ({@code \n}, {@code \t}, {@code \xNN}); at
   * most {@code max} characters, then {@code more}.
   */
  public static String escaped(String raw, int max, String more) {
    StringBuilder out = new StringBuilder(Math.min(raw.length(), max) + 8);
    int shown = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (shown++ >= max) {
        out.append(more);
        break;
      }
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
