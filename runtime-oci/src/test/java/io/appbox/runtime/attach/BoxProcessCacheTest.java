package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.engine.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process cache appbox writes: private, and naming the process beyond its PID. */
class BoxProcessCacheTest {
  @TempDir Path run;

  private int me() throws Exception {
    return (Integer) Files.getAttribute(run, "unix:uid");
  }

  @Test
  void theCacheIsTheOwnersAloneAndNamesTheContainerTheStartAndTheBoot() throws Exception {
    try (FakeBox box = FakeBox.start(run.resolve("boxes"), null)) {
      BoxProcessCache cache = new BoxProcessCache(Optional.of(run), me());
      ContainerState dev =
          new ContainerState(
              BoxName.of("dev"),
              box.id,
              "img",
              true,
              "running",
              box.pid(),
              Map.of(BoxLabels.HOME, "/home/ann"));
      Path file = cache.remember("docker", dev, false).orElseThrow();
      assertThat(file).isEqualTo(run.resolve("appbox/boxes/docker/dev"));
      assertThat(Files.readString(file)).isEqualTo(box.cacheLine("/home/ann", "dev"));
      assertThat(mode(file)).isEqualTo("rw-------");
      for (Path d :
          new Path[] {file.getParent(), run.resolve("appbox/boxes"), run.resolve("appbox")}) {
        assertThat(mode(d)).as(d.toString()).isEqualTo("rwx------");
      }
      cache.forget("docker", BoxName.of("dev"));
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void nothingIsRememberedInADirectorySomeoneElseCanWrite() throws Exception {
    try (FakeBox box = FakeBox.start(run.resolve("boxes"), null)) {
      Files.createDirectories(run.resolve("appbox/boxes/docker"));
      Files.setPosixFilePermissions(
          run.resolve("appbox/boxes"), PosixFilePermissions.fromString("rwxrwxrwx"));
      ContainerState dev =
          new ContainerState(
              BoxName.of("dev"),
              box.id,
              "img",
              true,
              "running",
              box.pid(),
              Map.of(BoxLabels.HOME, "/h"));
      assertThat(new BoxProcessCache(Optional.of(run), me()).remember("docker", dev, false))
          .isEmpty();
      assertThat(run.resolve("appbox/boxes/docker/dev")).doesNotExist();
    }
  }

  @Test
  void forgettingNeverRemovesWhatALinkPointsAt() throws Exception {
    Path victim = Files.writeString(run.resolve("victim"), "keep");
    Files.createDirectories(run.resolve("appbox"));
    Files.createSymbolicLink(run.resolve("appbox/boxes"), run);
    Files.createDirectories(run.resolve("docker"));
    Files.createSymbolicLink(run.resolve("docker/dev"), victim);
    new BoxProcessCache(Optional.of(run), me()).forget("docker", BoxName.of("dev"));
    assertThat(victim).hasContent("keep");
    assertThat(run.resolve("docker/dev")).exists();
  }

  private static String mode(Path p) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
