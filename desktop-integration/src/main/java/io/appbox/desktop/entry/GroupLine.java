package io.appbox.desktop.entry;

/** A line inside a group of a desktop entry: a comment (or blank line) or a key and its value. */
public sealed interface GroupLine permits GroupLine.Comment, GroupLine.KeyValue {

  /** The text as it is written in the file. */
  String text();

  /** A line starting with {@code #}, or a blank line, kept as written. */
  record Comment(String text) implements GroupLine {
    public Comment {
      String trimmed = text.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") || hasLineBreak(text)) {
        throw new IllegalArgumentException("not a comment line: " + text);
      }
    }
  }

  /**
   * A key and its value as written in the file, escapes included.
   *
   * @param raw the value with its escape sequences, as after {@code =}
   */
  record KeyValue(EntryKey key, String raw) implements GroupLine {
    public KeyValue {
      if (hasLineBreak(raw) || raw.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a raw value cannot hold a line break or NUL");
      }
      if (raw.startsWith(" ") || raw.startsWith("\t")) {
        // A reader drops the space after '='; a leading space is written as \s.
        throw new IllegalArgumentException("a raw value cannot start with a space or tab");
      }
    }

    /** The value with its escapes undone, as a string. */
    public String value() {
      return ValueEscapes.unescape(raw);
    }

    @Override
    public String text() {
      return key + "=" + raw;
    }
  }

  private static boolean hasLineBreak(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }
}
