package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import io.appbox.core.pkg.InstalledPackage;
import org.junit.jupiter.api.Test;

class InstalledPackageJsonTest {
  @Test
  void anInstalledPackageIsWhatTheSchemaSays() {
    Schemas.assertValid(
        "types.schema.json#/$defs/installedPackage",
        InstalledPackageJson.of(new InstalledPackage("htop", "3.3.0-1")));
    Schemas.assertValid(
        "types.schema.json#/$defs/installedPackage",
        InstalledPackageJson.of(new InstalledPackage("git", "", true)));
  }

  @Test
  void itSaysWhetherItWasThereBefore() {
    assertThat(Json.write(InstalledPackageJson.of(new InstalledPackage("git", "2.47", true))))
        .isEqualTo("{\"name\":\"git\",\"version\":\"2.47\",\"already\":true}");
  }
}
