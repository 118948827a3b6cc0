package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import io.appbox.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxJsonTest {
  static final Box DEV =
      new Box(
          BoxName.of("dev"),
          "fedora",
          "registry.fedoraproject.org/fedora-toolbox:40",
          "running",
          Path.of("/home/u/.local/share/appbox/homes/dev"),
          "0.1.0",
          2,
          "podman-rootless",
          "u");

  @Test
  void aBoxIsWhatTheSchemaOfABoxSays() {
    Schemas.assertValid("types.schema.json#/$defs/box", BoxJson.of(DEV));
    Schemas.assertValid("commands/list.schema.json", List.of(BoxJson.of(DEV)));
  }

  @Test
  void aBoxWithoutItsOwnHomeHasNullThere() {
    Box shared =
        new Box(BoxName.of("dev"), "arch", "archlinux", "stopped", null, "", 0, "docker", "u");

    Schemas.assertValid("types.schema.json#/$defs/box", BoxJson.of(shared));
    assertThat(Json.write(BoxJson.of(shared)))
        .isEqualTo(
            "{\"name\":\"dev\",\"distro\":\"arch\",\"image\":\"archlinux\",\"status\":\"stopped\","
                + "\"home\":null,\"createdBy\":\"\",\"exports\":0,\"engine\":\"docker\","
                + "\"user\":\"u\",\"init\":false}");
  }

  @Test
  void anInitBoxSaysSo() {
    Box init =
        new Box(
            BoxName.of("svc"),
            "debian",
            "docker.io/library/debian:bookworm",
            "running",
            null,
            "0.1.0",
            0,
            "docker",
            "u",
            true);

    Schemas.assertValid("types.schema.json#/$defs/box", BoxJson.of(init));
    assertThat(BoxJson.of(init)).containsEntry("init", true);
  }

  @Test
  void theSchemaCheckCatchesABoxThatIsNotOne() {
    // The check can fail: a box without its name is not a box.
    var broken = BoxJson.of(DEV);
    broken.remove("name");

    assertThat(Schemas.problems("types.schema.json#/$defs/box", broken)).isNotEmpty();
  }
}
