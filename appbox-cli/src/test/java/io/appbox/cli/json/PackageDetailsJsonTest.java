package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import io.appbox.core.pkg.PackageDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageDetailsJsonTest {
  @Test
  void aPackageIsWhatTheSchemaOfShowSays() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Package", "htop");
    fields.put(
        "Description", "interactive processes viewer\n Htop is an ncursed-based process viewer.");
    PackageDetails htop =
        new PackageDetails(
            "htop",
            "3.3.0-4",
            "interactive processes viewer",
            "Htop is an ncursed-based process viewer.",
            434_176L,
            "https://htop.dev/",
            true,
            fields);

    Schemas.assertValid("commands/show.schema.json", PackageDetailsJson.of(htop));
  }

  @Test
  void whatThePackageManagerDoesNotGiveIsNull() {
    PackageDetails bare =
        new PackageDetails("tree", "2.1", null, null, null, null, false, Map.of("Package", "tree"));

    Schemas.assertValid("commands/show.schema.json", PackageDetailsJson.of(bare));
    assertThat(Json.write(PackageDetailsJson.of(bare)))
        .isEqualTo(
            "{\"name\":\"tree\",\"version\":\"2.1\",\"summary\":null,\"description\":null,"
                + "\"size\":null,\"homepage\":null,\"installed\":false,"
                + "\"fields\":{\"Package\":\"tree\"}}");
  }
}
