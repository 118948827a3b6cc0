package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountPropagationTest {
  private final MountPropagation mounts =
      MountPropagation.of(
          List.of(
              "22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw",
              "30 22 0:26 / /tmp rw,nosuid - tmpfs tmpfs rw",
              "31 22 0:27 / /home rw master:5 - ext4 /dev/vdb rw",
              "32 22 0:28 / /home/ann/My\\040Disk rw - vfat /dev/sdb1 rw"));

  @Test
  void theLongestMountPointDecides() {
    assertThat(mounts.isShared(Path.of("/usr/share"))).isTrue();
    assertThat(mounts.isShared(Path.of("/tmp/x"))).isFalse();
    assertThat(mounts.isShared(Path.of("/home/ann"))).isTrue();
    assertThat(mounts.isShared(Path.of("/home/ann/My Disk/photos"))).isFalse();
    assertThat(mounts.isShared(Path.of("/tmpfoo"))).isTrue();
  }
}
