package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.EngineInfo;
import io.appbox.core.engine.EngineKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What appbox remembers of a running box and its engine, so that its next command about the box
 * asks the engine nothing: trusted only while the box's process is the same and the file is the
 * caller's alone.
 */
class RememberedBoxTest {
  @TempDir Path run;

  private static final EngineInfo PODMAN =
      new EngineInfo(
          EngineKind.PODMAN,
          true,
          Path.of("/run/user/1000/podman/podman.sock"),
          "5.4.2",
          Optional.empty());
  private static final EngineInfo DOCKER =
      new EngineInfo(
          EngineKind.DOCKER, false, Path.of("/var/run/docker.sock"), "27.5.1", Optional.empty());

  private int me() throws Exception {
    return (Integer) Files.getAttribute(run, "unix:uid");
  }

  private static ContainerState dev(FakeBox box) {
    return new ContainerState(
        BoxName.of("dev"),
        box.id,
        "quay.io/fedora/fedora:42",
        true,
        "running",
        box.pid(),
        Map.of(BoxLabels.MANAGER, "appbox", BoxLabels.DISTRO, "fedora", BoxLabels.HOME, "/h"));
  }

  @Test
  void aRunningBoxIsRecalledWithItsEngineUntilItsProcessEnds() throws Exception {
    BoxProcessCache cache = new BoxProcessCache(Optional.of(run), me());
    Path file = run.resolve("appbox/states/podman-rootless/dev");
    try (FakeBox box = FakeBox.start(run.resolve("boxes"), null)) {
      cache.rememberState(PODMAN, dev(box));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");

      RememberedBox recalled = cache.recallState(BoxName.of("dev"), Optional.empty()).orElseThrow();
      assertThat(recalled.box()).isEqualTo(dev(box));
      assertThat(recalled.engine()).isEqualTo(PODMAN);
      assertThat(cache.recallState(BoxName.of("dev"), Optional.of(EngineKind.PODMAN))).isPresent();
      assertThat(cache.recallState(BoxName.of("dev"), Optional.of(EngineKind.DOCKER))).isEmpty();
      assertThat(cache.recallState(BoxName.of("other"), Optional.empty())).isEmpty();
    }
    // The process is gone: a box that stopped or was made again is asked about again.
    assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();
    cache.forget("podman-rootless", BoxName.of("dev"));
    assertThat(file).doesNotExist();
  }

  @Test
  void aStateSomeoneElseCouldHaveWrittenOrThatIsNotOneIsNotTrusted() throws Exception {
    BoxProcessCache cache = new BoxProcessCache(Optional.of(run), me());
    Path file = run.resolve("appbox/states/podman-rootless/dev");
    try (FakeBox box = FakeBox.start(run.resolve("boxes"), null)) {
      cache.rememberState(PODMAN, dev(box));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
      assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();

      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      String good = Files.readString(file);
      Files.writeString(file, good.replace("\"format\":1", "\"format\":2"));
      assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();
      Files.writeString(file, good.replace("\"name\":\"dev\"", "\"name\":\"prod\""));
      assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();
      Files.writeString(file, "{");
      assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();
    }
  }

  @Test
  void theSameNameRememberedOnTwoEnginesIsLeftToTheEngines() throws Exception {
    BoxProcessCache cache = new BoxProcessCache(Optional.of(run), me());
    try (FakeBox box = FakeBox.start(run.resolve("boxes"), null)) {
      cache.rememberState(PODMAN, dev(box));
      cache.rememberState(DOCKER, dev(box));
      assertThat(cache.recallState(BoxName.of("dev"), Optional.empty())).isEmpty();
      assertThat(cache.recallState(BoxName.of("dev"), Optional.of(EngineKind.DOCKER)))
          .map(RememberedBox::engine)
          .contains(DOCKER);
    }
  }
}
