package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.json.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportJsonTest {
  private static final Path DESKTOP =
      Path.of("/home/u/.local/share/applications/appbox-dev-htop.desktop");
  private static final Export HTOP =
      new Export(
          BoxName.of("dev"),
          "podman-rootless",
          ExportKind.APP,
          "htop",
          "htop",
          "/usr/share/applications/htop.desktop",
          List.of(DESKTOP),
          Instant.parse("2026-11-26T03:00:00Z"));
  private static final Export GIT =
      new Export(
          BoxName.of("dev"),
          "podman-rootless",
          ExportKind.BIN,
          "git",
          "",
          "/usr/bin/git",
          List.of(Path.of("/home/u/.local/bin/git")),
          Instant.parse("2026-11-26T03:00:01Z"));

  @Test
  void anExportIsWhatTheSchemaOfAnExportSays() {
    Schemas.assertValid("types.schema.json#/$defs/export", ExportJson.of(HTOP));
    Schemas.assertValid("commands/export.schema.json", ExportJson.of(GIT));
  }

  @Test
  void anExportSaysWhatItIsWithoutItsEngine() {
    assertThat(Json.write(ExportJson.of(GIT)))
        .isEqualTo(
            "{\"box\":\"dev\",\"kind\":\"bin\",\"name\":\"git\",\"package\":\"\","
                + "\"source\":\"/usr/bin/git\",\"files\":[\"/home/u/.local/bin/git\"]}");
  }

  @Test
  void anExportsStateIsWhatTheSchemaOfExportsSays() {
    List<Object> listed =
        List.of(
            ExportJson.of(new ExportStatus(HTOP, ExportStatus.OK, List.of()), "Htop", null),
            ExportJson.of(
                new ExportStatus(GIT, ExportStatus.FILES_MISSING, GIT.files()), null, null),
            ExportJson.of(
                new ExportStatus(HTOP, ExportStatus.FILES_OVERWRITTEN, List.of(), List.of(DESKTOP)),
                "Htop",
                "/home/u/.local/share/icons/hicolor/scalable/apps/appbox-dev-htop.svg"));

    Schemas.assertValid("commands/exports.schema.json", listed);
  }

  @Test
  void anExportsStateKeepsTheFieldsOfTheExportAndAddsItsState() {
    var listed =
        ExportJson.of(new ExportStatus(GIT, ExportStatus.FILES_MISSING, GIT.files()), null, null);

    assertThat(listed)
        .containsAllEntriesOf(ExportJson.of(GIT))
        .containsEntry("created", "2026-11-26T03:00:01Z")
        .containsEntry("state", "files-missing")
        .containsEntry("missing", List.of("/home/u/.local/bin/git"))
        .containsEntry("overwritten", List.of());
  }
}
