package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.box.Volume;
import io.appbox.core.json.Json;
import io.appbox.core.manifest.BinExport;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.manifest.Manifest;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
  private static final Manifest TWO_BOXES =
      new Manifest(
          List.of(
              new BoxSpec(
                  BoxName.of("dev"),
                  Optional.of("fedora"),
                  Optional.empty(),
                  Optional.of(Path.of("/home/u/boxes/dev")),
                  List.of(new Volume(Path.of("/home/u/src"), Path.of("/src"), false)),
                  List.of(),
                  true,
                  List.of(PackageName.of("git"), PackageName.of("htop")),
                  List.of("htop"),
                  List.of(
                      new BinExport("/usr/bin/git", Optional.empty()),
                      new BinExport("/usr/bin/tig", Optional.of("tig-dev")))),
              new BoxSpec(
                  BoxName.of("plain"),
                  Optional.of("debian"),
                  Optional.empty(),
                  Optional.empty(),
                  List.of(),
                  List.of(),
                  false,
                  List.of(),
                  List.of(),
                  List.of())));

  @Test
  void aManifestIsWhatTheSchemaOfAManifestSays() {
    Schemas.assertValid("types.schema.json#/$defs/manifest", ManifestJson.of(TWO_BOXES));
  }

  @Test
  void itHasTheFilesLayoutWithPathsAsTheyAre() {
    assertThat(Json.write(ManifestJson.of(TWO_BOXES)))
        .isEqualTo(
            "{\"boxes\":{\"dev\":{\"distro\":\"fedora\",\"home\":\"/home/u/boxes/dev\","
                + "\"volumes\":[\"/home/u/src:/src\"],\"entry\":true,"
                + "\"packages\":[\"git\",\"htop\"],\"export\":{\"apps\":[\"htop\"],"
                + "\"bins\":[\"/usr/bin/git\",{\"path\":\"/usr/bin/tig\",\"as\":\"tig-dev\"}]}},"
                + "\"plain\":{\"distro\":\"debian\"}}}");
  }
}
