package io.appbox.core.json;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * A small, strict JSON reader and writer (RFC 8259). Values are plain Java objects: {@code Map}
 * (insertion-ordered), {@code List}, {@code String}, {@code Long} or {@code BigDecimal}, {@code
 * Boolean} and {@code null}. appbox talks JSON to the engine and to frontends on every command, so
 * this stays off heavy libraries that would slow every start.
 */
public final class Json {
  private Json() {}

  public static Object parse(String text) {
    return JsonReader.read(text);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, -1, 0);
    return out.toString();
  }

  public static String writePretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out, 2, 0);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out, int indent, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      quote(s, out);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new JsonException("cannot write " + d + " as JSON");
      }
      out.append(value instanceof BigDecimal b ? b.toPlainString() : n.toString());
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, indent, depth + 1);
        quote(String.valueOf(e.getKey()), out);
        out.append(indent >= 0 ? ": " : ":");
        write(e.getValue(), out, indent, depth + 1);
      }
      if (!map.isEmpty()) {
        newline(out, indent, depth);
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, indent, depth + 1);
        write(item, out, indent, depth + 1);
      }
      if (!list.isEmpty()) {
        newline(out, indent, depth);
      }
      out.append(']');
    } else if (value instanceof Enum<?> e) {
      quote(e.name().toLowerCase(java.util.Locale.ROOT), out);
    } else {
      quote(value.toString(), out);
    }
  }

  private static void newline(StringBuilder out, int indent, int depth) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * depth));
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (Character.isSurrogate(c) && !validPair(s, i)) {
            // Half a pair is no character: written as U+FFFD, as a decoder writes a bad byte.
            out.append("\\ufffd");
          } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether the surrogate at {@code i} is half of a whole pair. */
  static boolean validPair(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
