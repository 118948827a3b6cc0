package io.appbox.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.exported.Export;
import io.appbox.core.install.InstallService;
import io.appbox.core.pkg.InstalledPackage;
import io.appbox.core.pkg.PackageName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install use case, through the real package and export services over FakeWorld's engine. */
class InstallServiceTest {
  private static final BoxName DEV = BoxName.of("dev");

  @TempDir Path home;

  @Test
  void theNewPackagesAppsAreExportedAndWhatWasThereIsLeftAlone() {
    FakeWorld world = new FakeWorld(home);
    world.existingBox("dev", "vim");
    InstallService installs = new InstallService(world.packageService, world.exports);

    InstallService.Installed r =
        installs.install(
            DEV, List.of(PackageName.of("htop"), PackageName.of("vim")), true, Progress.NONE);

    assertThat(r.packages())
        .extracting(InstalledPackage::name, InstalledPackage::already)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("htop", false),
            org.assertj.core.groups.Tuple.tuple("vim", true));
    assertThat(r.exports()).extracting(o -> o.export().name()).containsExactly("htop");
    assertThat(world.records).extracting(Export::name).containsExactly("htop");
    assertThat(world.calls).containsSubsequence("install htop in dev", "export APP htop from dev");
    assertThat(world.calls).noneMatch(c -> c.startsWith("install vim"));
  }

  @Test
  void withoutExportNothingIsExported() {
    FakeWorld world = new FakeWorld(home);
    world.existingBox("dev");
    InstallService installs = new InstallService(world.packageService, world.exports);

    installs.install(DEV, List.of(PackageName.of("htop")), false, Progress.NONE);

    assertThat(world.records).isEmpty();
    assertThat(world.packages.get(DEV)).contains("htop");
  }
}
