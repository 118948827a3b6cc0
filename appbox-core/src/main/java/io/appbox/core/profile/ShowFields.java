package io.appbox.core.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the fields of a package manager's {@code show} map to appbox's own keys, so that a frontend
 * reads one set of keys whatever the distribution.
 *
 * @param fields appbox's key ({@code name}, {@code version}, {@code summary}, {@code description},
 *     {@code size}, {@code homepage}) to the package manager's field names, the first present wins.
 *     When {@code summary} and {@code description} name the same field (Debian's {@code
 *     Description-en}), its first line is the summary and the lines after it the description.
 * @param sizeUnit the unit of a size written without one ({@code KiB} for Debian's {@code
 *     Installed-Size}); empty: bytes
 */
public record ShowFields(Map<String, List<String>> fields, Optional<String> sizeUnit) {
  /** appbox's keys, in the order show gives them. */
  public static final List<String> KEYS =
      List.of("name", "version", "summary", "description", "size", "homepage");

  /** A profile that does not say: nothing is mapped, every key is null. */
  public static final ShowFields NONE = new ShowFields(Map.of(), Optional.empty());

  public ShowFields {
    fields = Map.copyOf(fields);
  }

  public List<String> of(String key) {
    return fields.getOrDefault(key, List.of());
  }
}
