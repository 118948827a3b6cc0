package io.appbox.desktop.entry;

import java.util.ArrayList;
import java.util.List;

/**
 * The escape rules of the Desktop Entry Specification for values: {@code \s}, {@code \n}, {@code
 * \t}, {@code \r} and {@code \\} in every string, and {@code \;} inside lists. An escape the
 * specification does not define is kept as written (backslash and character), so reading and
 * writing a value never changes what it means.
 */
public final class ValueEscapes {
  private ValueEscapes() {}

  /** The value a raw string means. */
  public static String unescape(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        char meant = escaped(next);
        if (meant == 0) {
          out.append('\\');
          out.append(next);
        } else {
          out.append(meant);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The raw text for a string value; leading spaces become {@code \s} so they survive. */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    boolean leading = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != ' ') {
        leading = false;
      }
      switch (c) {
        case ' ' -> out.append(leading ? "\\s" : " ");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The items of a raw list value, separated by unescaped {@code ;}; a last {@code ;} is optional.
   */
  public static List<String> splitList(String raw) {
    List<String> items = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        char meant = next == ';' ? ';' : escaped(next);
        if (meant == 0) {
          item.append('\\');
          item.append(next);
        } else {
          item.append(meant);
        }
      } else if (c == ';') {
        items.add(item.toString());
        item.setLength(0);
      } else {
        item.append(c);
      }
    }
    if (item.length() > 0) {
      items.add(item.toString());
    }
    return items;
  }

  /** The raw text for a list value, each item ended by {@code ;}. */
  public static String joinList(List<String> items) {
    StringBuilder out = new StringBuilder();
    for (String item : items) {
      out.append(escape(item).replace(";", "\\;")).append(';');
    }
    return out.toString();
  }

  /**
   * A raw value without control characters, escapes left as they are: tabs, newlines and carriage
   * returns (written or escaped) become a space, every other control character is dropped.
   */
  public static String stripControlCharacters(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(++i);
        if (next == 'n' || next == 't' || next == 'r') {
          out.append(' ');
        } else if (Character.isISOControl(next)) {
          out.append("\\\\");
        } else {
          out.append(c).append(next);
        }
      } else if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (!Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A value, escapes undone, without control characters: tabs, newlines and carriage returns become
   * a space, every other control character is dropped.
   */
  public static String removeControlCharacters(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        out.append(' ');
      } else if (!Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** True when the text holds a control character (U+0000–U+001F, U+007F–U+009F). */
  public static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  private static char escaped(char c) {
    return switch (c) {
      case 's' -> ' ';
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '\\' -> '\\';
      default -> 0;
    };
  }
}
