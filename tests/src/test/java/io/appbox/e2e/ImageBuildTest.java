package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * `image build debian` makes an image from Debian's mirror with no registry at all: as a normal
 * user (mmdebstrap's unshare mode) into rootless Podman, the hardest case.
 */
class ImageBuildTest {

  @Test
  void buildsDebianFromTheMirrorAndBoxesStartFromIt() {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String tag = "localhost/appbox-e2e/debian:built";
      s.engineCli("rmi", "-f", tag);
      try {
        CommandResult built = s.appbox("--json", "image", "build", "debian", "--tag", tag);
        assertThat(built).succeeded();
        String last = built.stdout().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("{\"event\":\"result\",\"ok\":true").contains(tag);
        assertThat(built.stdout()).contains("{\"event\":\"progress\",\"phase\":\"bootstrap\"");
        assertThat(s.engineCli("image", "exists", tag).exitCode()).isZero();

        String box = s.newBox();
        CommandResult created = s.appbox("create", box, "--image", tag);
        assertThat(created).succeeded();
        CommandResult ran =
            s.appbox("run", box, "--", "sh", "-c", "cat /etc/debian_version; command -v sudo");
        assertThat(ran).succeeded();
        assertThat(ran.stdout()).containsPattern("^12\\.").contains("/usr/bin/sudo");
        assertThat(s.appbox("rm", "--force", box).exitCode()).isZero();
      } finally {
        s.engineCli("rmi", "-f", tag);
      }
    }
  }
}
