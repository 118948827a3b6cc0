package io.appbox.desktop.entry;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import io.appbox.desktop.entry.GroupLine.KeyValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A group of a desktop entry, {@code [Desktop Entry]} or {@code [Desktop Action new-window]}, with
 * its lines in file order. Changing a key keeps its place; a new key goes after the last key, so
 * comments and blank lines stay where they were.
 */
public record DesktopGroup(String name, List<GroupLine> lines) {
  public static final String DESKTOP_ENTRY = "Desktop Entry";
  public static final String ACTION_PREFIX = "Desktop Action ";

  public DesktopGroup {
    checkName(name);
    lines = List.copyOf(lines);
    Set<EntryKey> seen = new HashSet<>();
    for (GroupLine line : lines) {
      if (line instanceof KeyValue kv && !seen.add(kv.key())) {
        throw new IllegalArgumentException("key " + kv.key() + " twice in group " + name);
      }
    }
  }

  public static DesktopGroup of(String name) {
    return new DesktopGroup(name, List.of());
  }

  /** Refuses a group name the specification does not allow: printable ASCII without brackets. */
  static void checkName(String name) {
    boolean valid = name != null && !name.isEmpty();
    for (int i = 0; valid && i < name.length(); i++) {
      char c = name.charAt(i);
      valid = c >= 0x20 && c < 0x7f && c != '[' && c != ']';
    }
    if (!valid) {
      throw AppboxException.invalid(
          "Desktop entry group name " + Quote.of(name) + " is not valid.",
          "Group names are printable ASCII characters other than '[' and ']'.");
    }
  }

  public boolean isAction() {
    return name.startsWith(ACTION_PREFIX);
  }

  /** The action's identifier for a {@code [Desktop Action ID]} group. */
  public Optional<String> actionId() {
    return isAction() ? Optional.of(name.substring(ACTION_PREFIX.length())) : Optional.empty();
  }

  public List<KeyValue> entries() {
    List<KeyValue> out = new ArrayList<>();
    for (GroupLine line : lines) {
      if (line instanceof KeyValue kv) {
        out.add(kv);
      }
    }
    return out;
  }

  public Optional<KeyValue> entry(EntryKey key) {
    for (GroupLine line : lines) {
      if (line instanceof KeyValue kv && kv.key().equals(key)) {
        return Optional.of(kv);
      }
    }
    return Optional.empty();
  }

  public boolean has(String key) {
    return entry(EntryKey.of(key)).isPresent();
  }

  /** The unlocalized value as written, escapes included. */
  public Optional<String> raw(String key) {
    return entry(EntryKey.of(key)).map(KeyValue::raw);
  }

  /** The unlocalized value as a string, escapes undone. */
  public Optional<String> string(String key) {
    return entry(EntryKey.of(key)).map(KeyValue::value);
  }

  /** The unlocalized value as a list of strings. */
  public Optional<List<String>> list(String key) {
    return raw(key).map(ValueEscapes::splitList);
  }

  /** This group with {@code key} set to a value written as is; it must already be escaped. */
  public DesktopGroup withRaw(EntryKey key, String raw) {
    KeyValue line = new KeyValue(key, raw);
    List<GroupLine> out = new ArrayList<>(lines);
    int lastKey = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i) instanceof KeyValue kv) {
        if (kv.key().equals(key)) {
          out.set(i, line);
          return new DesktopGroup(name, out);
        }
        lastKey = i;
      }
    }
    out.add(lastKey + 1, line);
    return new DesktopGroup(name, out);
  }

  public DesktopGroup withString(String key, String value) {
    return withRaw(EntryKey.of(key), ValueEscapes.escape(value));
  }

  public DesktopGroup withList(String key, List<String> items) {
    return withRaw(EntryKey.of(key), ValueEscapes.joinList(items));
  }

  /** This group without {@code key} and without any of its localized variants. */
  public DesktopGroup without(String key) {
    return mapRaw((k, raw) -> k.name().equals(key) ? null : raw);
  }

  /**
   * This group with every value passed through {@code change}, which gets the key and the raw value
   * and returns the new raw value, or null to drop the line.
   */
  public DesktopGroup mapRaw(BiFunction<EntryKey, String, String> change) {
    List<GroupLine> out = new ArrayList<>(lines.size());
    for (GroupLine line : lines) {
      if (line instanceof KeyValue kv) {
        String raw = change.apply(kv.key(), kv.raw());
        if (raw != null) {
          out.add(raw.equals(kv.raw()) ? kv : new KeyValue(kv.key(), raw));
        }
      } else {
        out.add(line);
      }
    }
    return new DesktopGroup(name, out);
  }
}
