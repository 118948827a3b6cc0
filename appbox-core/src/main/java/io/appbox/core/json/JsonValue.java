package io.appbox.core.json;

/** A value that knows its own JSON shape: maps, lists, strings, numbers, booleans, null. */
public interface JsonValue {
  Object toJson();
}
