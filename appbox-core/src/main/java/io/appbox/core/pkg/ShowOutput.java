package io.appbox.core.pkg;

import io.appbox.core.profile.PackageCommands;
import io.appbox.core.profile.ShowFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the package manager's {@code show} printed: its fields, multi-line values whole, and
 * appbox's keys through the profile's {@code show-fields}.
 */
public final class ShowOutput {
  private static final Pattern SIZE =
      Pattern.compile("^([0-9]+(?:[.,][0-9]+)?)\\s*([A-Za-z]*)\\s*$");

  private static final Pattern FIELD = Pattern.compile("\\{([^}]+)\\}");

  private ShowOutput() {}

  /** The package manager's fields in its order; the first record of a key wins. */
  public static Map<String, String> fields(PackageCommands commands, String output) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map<String, String> record : BoxPackageManager.records(commands.show(), output)) {
      String key = record.get("key");
      if (key != null && !fields.containsKey(key)) {
        fields.put(key, unfold(record.getOrDefault("value", "")));
      }
    }
    return fields;
  }

  /**
   * A value's continuation lines without their indent: Debian's lone "." is an empty line, dnf's
   * column of ": " goes.
   */
  static String unfold(String value) {
    List<String> lines = new ArrayList<>();
    boolean first = true;
    for (String line : value.split("\n", -1)) {
      String l = line.strip();
      if (!first) {
        l = l.equals(".") ? "" : l.startsWith(":") ? l.substring(1).strip() : l;
      }
      lines.add(l);
      first = false;
    }
    while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines).strip();
  }

  /** appbox's keys from the fields; the name asked for when the package manager gives none. */
  public static PackageDetails details(
      PackageCommands commands, String asked, Map<String, String> fields, boolean installed) {
    ShowFields map = commands.queries().showFields();
    Optional<String> summaryField = first(map.of("summary"), fields);
    Optional<String> descriptionField = first(map.of("description"), fields);
    String summary = summaryField.map(fields::get).orElse(null);
    String description = descriptionField.map(fields::get).orElse(null);
    if (summaryField.isPresent() && summaryField.equals(descriptionField)) {
      // One field for both (Debian): the first line sums up, the rest describes.
      String whole = fields.get(summaryField.get());
      int nl = whole.indexOf('\n');
      summary = nl < 0 ? whole : whole.substring(0, nl);
      description = nl < 0 ? "" : whole.substring(nl + 1).strip();
    }
    return new PackageDetails(
        value(map, "name", fields).orElse(asked),
        value(map, "version", fields).orElse(null),
        summary,
        description,
        value(map, "size", fields).map(s -> bytes(s, map.sizeUnit())).orElse(null),
        value(map, "homepage", fields).orElse(null),
        installed,
        fields);
  }

  private static Optional<String> value(ShowFields map, String key, Map<String, String> fields) {
    for (String name : map.of(key)) {
      Optional<String> v =
          name.contains("{") ? template(name, fields) : Optional.ofNullable(fields.get(name));
      if (v.isPresent() && !v.get().isBlank()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** "{Version}-{Release}": the fields put together, when every one is there. */
  private static Optional<String> template(String template, Map<String, String> fields) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = fields.get(m.group(1));
      if (v == null) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private static Optional<String> first(List<String> names, Map<String, String> fields) {
    return names.stream().filter(fields::containsKey).findFirst();
  }

  /**
   * A size as package managers write it ("277", "1.2 MiB", "245.5 KiB", "3 M") in bytes; null when
   * it is not one.
   */
  static Long bytes(String size, Optional<String> defaultUnit) {
    Matcher m = SIZE.matcher(size.strip());
    if (!m.matches()) {
      return null;
    }
    double n = Double.parseDouble(m.group(1).replace(',', '.'));
    String unit = m.group(2).isEmpty() ? defaultUnit.orElse("B") : m.group(2);
    long factor =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "b", "bytes" -> 1L;
          case "k", "kib" -> 1024L;
          case "kb" -> unit.equals("KB") ? 1024L : 1000L;
          case "m", "mib" -> 1024L * 1024;
          case "mb" -> 1000L * 1000;
          case "g", "gib" -> 1024L * 1024 * 1024;
          case "gb" -> 1000L * 1000 * 1000;
          default -> -1L;
        };
    return factor < 0 ? null : Math.round(n * factor);
  }
}
