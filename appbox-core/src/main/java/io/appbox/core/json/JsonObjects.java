package io.appbox.core.json;

import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON objects, tolerant of absent keys where the engines differ. */
public final class JsonObjects {
  private JsonObjects() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Map<String, Object> from, String key) {
    Object v = from == null ? null : from.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Object> array(Map<String, Object> from, String key) {
    Object v = from == null ? null : from.get(key);
    return v instanceof List ? (List<Object>) v : List.of();
  }

  public static String string(Map<String, Object> from, String key) {
    Object v = from == null ? null : from.get(key);
    return v instanceof String s ? s : null;
  }

  public static long number(Map<String, Object> from, String key, long otherwise) {
    Object v = from == null ? null : from.get(key);
    return v instanceof Number n ? n.longValue() : otherwise;
  }

  public static boolean bool(Map<String, Object> from, String key) {
    Object v = from == null ? null : from.get(key);
    return Boolean.TRUE.equals(v);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, String> stringMap(Map<String, Object> from, String key) {
    Object v = from == null ? null : from.get(key);
    if (!(v instanceof Map)) {
      return Map.of();
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    ((Map<String, Object>) v)
        .forEach(
            (k, val) -> {
              if (val instanceof String s) {
                out.put(k, s);
              }
            });
    return out;
  }
}
