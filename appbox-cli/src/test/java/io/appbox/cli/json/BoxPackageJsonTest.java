package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.json.Json;
import io.appbox.core.pkg.BoxPackage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxPackageJsonTest {
  @Test
  void packagesAreWhatTheSchemaOfPackagesSays() {
    Schemas.assertValid(
        "commands/packages.schema.json",
        List.of(
            BoxPackageJson.of(new BoxPackage("htop", "3.3.0-1", true)),
            BoxPackageJson.of(new BoxPackage("libncursesw6", "6.4", false)),
            BoxPackageJson.of(new BoxPackage("bash", "5.2", null))));
  }

  @Test
  void whetherTheUserAskedIsNullWhenThePackageManagerCannotTell() {
    assertThat(Json.write(BoxPackageJson.of(new BoxPackage("bash", "5.2", null))))
        .isEqualTo("{\"name\":\"bash\",\"version\":\"5.2\",\"manual\":null}");
  }
}
