package io.appbox.desktop.export;

import io.appbox.core.BoxName;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Adds records to an export record from its own process: {@code DIR WRITER COUNT}. */
final class ExportRecordAdder {
  private ExportRecordAdder() {}

  public static void main(String[] args) {
    ExportRecordFile record = new ExportRecordFile(Path.of(args[0]));
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      Export e = export(args[1] + "-" + i);
      record.update(
          current -> {
            current.add(e);
            return current;
          });
    }
  }

  static Export export(String name) {
    return new Export(
        BoxName.of("dev"),
        "podman",
        ExportKind.APP,
        name,
        "pkg",
        "/usr/share/applications/" + name + ".desktop",
        List.of(Path.of("/home/u/.local/share/applications/appbox-dev-" + name + ".desktop")),
        Instant.parse("2024-05-01T10:00:00Z"));
  }
}
