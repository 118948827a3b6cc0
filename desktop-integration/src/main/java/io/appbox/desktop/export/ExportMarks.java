package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.exported.Export;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.entry.DesktopGroup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The marks by which an exported file says whose it is: a desktop entry's {@code X-Appbox-Box} and
 * {@code X-Appbox-Id}, a command script's {@code appbox unexport --box BOX --bin NAME} line. A file
 * whose marks name another box or another id was written over, by another export or by the user,
 * and is no longer the export's: it is reported and never deleted with the export. Icons and
 * launchers carry no marks; they are the export's while the record lists them.
 */
final class ExportMarks {
  /** Desktop entries and command scripts are small; a larger file is not one appbox wrote. */
  static final int MAX_MARKED_FILE = 1 << 20;

  private final ExportFiles files;

  ExportMarks(ExportFiles files) {
    this.files = files;
  }

  /**
   * Whether {@code file}, one of the export's files, still carries the export's marks. A file of a
   * kind without marks, and a file that is not there, count as the export's.
   */
  boolean carries(Export export, Path file) {
    Optional<ExportArea> area = files.areaOf(file);
    if (area.isEmpty()
        || !(area.get() == ExportArea.APPLICATIONS || area.get() == ExportArea.BIN)) {
      return true;
    }
    String relative =
        files.base(area.get()).relativize(file.toAbsolutePath().normalize()).toString();
    if (!files.exists(area.get(), relative)) {
      return true;
    }
    Optional<byte[]> content;
    try {
      content = files.read(area.get(), relative, MAX_MARKED_FILE);
    } catch (AppboxException unreadable) {
      return false;
    }
    if (content.isEmpty()) {
      return false; // a link, a directory, or too large: not what appbox wrote
    }
    return area.get() == ExportArea.APPLICATIONS
        ? entryCarries(export, content.get())
        : scriptCarries(export, content.get());
  }

  private static boolean entryCarries(Export export, byte[] content) {
    DesktopGroup main;
    try {
      main = DesktopEntry.parse(export.source(), content).main();
    } catch (AppboxException notAnEntry) {
      return false;
    }
    // Entries of appbox before X-Appbox-Id carry the box only; their file name held the id.
    return main.string("X-Appbox-Box").filter(export.box().value()::equals).isPresent()
        && main.string("X-Appbox-Id").map(export.name()::equals).orElse(true);
  }

  private static boolean scriptCarries(Export export, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", 3);
    return lines.length >= 2
        && lines[0].equals("#!/bin/sh")
        && lines[1].startsWith("# appbox: ")
        && lines[1].endsWith(
            " Remove it with: appbox unexport --box " + export.box() + " --bin " + export.name());
  }
}
