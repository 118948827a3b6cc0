package io.appbox.cli.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Volume;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.json.Json;
import io.appbox.core.manifest.BinExport;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.manifest.Change;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeJsonTest {
  private static final BoxName DEV = BoxName.of("dev");
  private static final BoxSpec SPEC =
      new BoxSpec(
          DEV,
          Optional.of("fedora"),
          Optional.of(ImageRef.parse("registry.fedoraproject.org/fedora-toolbox:40")),
          Optional.of(Path.of("/home/u/boxes/dev")),
          List.of(new Volume(Path.of("/home/u/src"), Path.of("/src"), true)),
          List.of(List.of("touch", "/etc/ready")),
          true,
          List.of(PackageName.of("git")),
          List.of("htop"),
          List.of(new BinExport("/usr/bin/git", Optional.of("git-dev"))));

  /** One change of every kind there is. */
  private static final List<Change> EVERY_KIND =
      List.of(
          new Change.Create(SPEC, "fedora"),
          new Change.Install(DEV, List.of(PackageName.of("git"), PackageName.of("htop"))),
          new Change.ExportApp(DEV, "htop"),
          new Change.ExportBin(DEV, new BinExport("/usr/bin/git", Optional.of("git-dev"))),
          new Change.ExportEntry(DEV),
          new Change.Unexport(DEV, ExportKind.BIN, "tig"),
          new Change.RemovePackages(DEV, List.of(PackageName.of("tig"))),
          new Change.RemoveBox(BoxName.of("old")));

  @Test
  void everyKindOfChangeIsWhatTheSchemaOfApplySays() {
    assertThat(EVERY_KIND.stream().map(Object::getClass).distinct())
        .as("a kind of change this test does not map")
        .containsExactlyInAnyOrder(Change.class.getPermittedSubclasses());
    for (Change c : EVERY_KIND) {
      Schemas.assertValid("commands/apply.schema.json#/$defs/change", ChangeJson.of(c));
    }
  }

  @Test
  void eachChangeSaysItsActionAndItselfInWords() {
    assertThat(EVERY_KIND.stream().map(c -> ChangeJson.of(c).get("action")))
        .containsExactly(
            "create",
            "install",
            "export-app",
            "export-bin",
            "export-entry",
            "unexport",
            "remove-packages",
            "remove-box");
    assertThat(EVERY_KIND)
        .allSatisfy(c -> assertThat(ChangeJson.of(c)).containsEntry("description", c.describe()));
  }

  @Test
  void aCreateCarriesTheBoxAsTheManifestWritesIt() {
    assertThat(Json.write(ChangeJson.of(EVERY_KIND.get(0))))
        .isEqualTo(
            "{\"action\":\"create\",\"box\":\"dev\",\"distro\":\"fedora\","
                + "\"image\":\"registry.fedoraproject.org/fedora-toolbox:40\","
                + "\"home\":\"/home/u/boxes/dev\",\"volumes\":[\"/home/u/src:/src:ro\"],"
                + "\"init\":[[\"touch\",\"/etc/ready\"]],"
                + "\"description\":\""
                + EVERY_KIND.get(0).describe()
                + "\"}");
  }
}
