package io.appbox.cli;

import io.appbox.core.export.Export;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an exported application looks in the menu, read from its files on the host: the name its
 * desktop entry shows (Name=) and the icon a frontend can draw (the scalable one, else the
 * largest).
 */
record ExportLooks(String displayName, String icon) {
  private static final Pattern SIZE = Pattern.compile("/icons/[^/]+/(\\d+)x\\d+/");

  static ExportLooks of(Export e) {
    List<Path> files = e.files();
    String name =
        files.stream()
            .filter(
                f -> f.toString().endsWith(".desktop") && f.toString().contains("/applications/"))
            .findFirst()
            .flatMap(ExportLooks::name)
            .orElse(null);
    String icon =
        files.stream()
            .filter(f -> f.toString().contains("/icons/") && Files.isRegularFile(f))
            .max(Comparator.comparingInt(ExportLooks::size))
            .map(Path::toString)
            .orElse(null);
    return new ExportLooks(name, icon);
  }

  /** Name= of the [Desktop Entry] group, unlocalised. */
  private static Optional<String> name(Path entry) {
    try {
      boolean inEntry = false;
      for (String line : Files.readAllLines(entry)) {
        if (line.startsWith("[")) {
          inEntry = line.strip().equals("[Desktop Entry]");
        } else if (inEntry && line.startsWith("Name=")) {
          return Optional.of(line.substring("Name=".length()).strip());
        }
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // a missing or unreadable entry has no name to show; exports' state says why
    }
    return Optional.empty();
  }

  /** Scalable first, then the larger. */
  private static int size(Path icon) {
    String p = icon.toString();
    if (p.contains("/scalable/")) {
      return Integer.MAX_VALUE;
    }
    Matcher m = SIZE.matcher(p);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
