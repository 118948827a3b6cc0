package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The way into a running box without a JVM trusts a box's process cache only when nobody else could
 * have written it, and keeps none once the box stopped. The caches a user's box may meet (someone
 * else's, a link, a stale one) are rows of {@link HostileInputTest}.
 */
class FastPathTrustTest {

  @Test
  void rootWhoseEnvironmentNamesTheUsersRuntimeDirectoryNeverEntersTheUsersBox() throws Exception {
    try (Sandbox user = Sandbox.on(Engine.ROOTLESS_PODMAN);
        Sandbox root = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      String name = user.newBox();
      CommandResult created = user.appbox("create", name);
      assertThat(created).succeeded();
      root.boxNamed(name);
      created = root.appbox("create", name);
      assertThat(created).succeeded();
      // The user's own true in their box, which leaves a mark in their home when it runs.
      Path mark = user.home().resolve("the-users-true-ran");
      new BoxFixture(user, name)
          .write("/usr/local/bin/true", "#!/bin/sh\ntouch " + mark + "\n", "755");
      new BoxFixture(root, name).write("/etc/appbox-e2e-tag", "root's own box\n", "644");
      CommandResult users = user.appbox("run", name, "--", "/bin/true");
      assertThat(users).succeeded();
      Path usersCache = Path.of(TestEnvironment.runtimeDir(), "appbox/boxes/podman-rootless", name);
      assertThat(usersCache).as("the user's box's process is known").exists();

      // su without -, sudo -E: root's environment still names the user's runtime directory.
      Map<String, String> suWithoutDash = Map.of("XDG_RUNTIME_DIR", TestEnvironment.runtimeDir());
      CommandResult ran =
          root.appboxRaw(suWithoutDash, "--engine", "podman", "run", name, "--", "true");
      CommandResult tag =
          root.appboxRaw(
              suWithoutDash, "--engine", "podman", "run", name, "--", "cat", "/etc/appbox-e2e-tag");

      assertThat(ran).succeeded();
      assertThat(mark).as("the user's program never ran as root").doesNotExist();
      assertThat(tag.stdout()).as(tag.toString()).isEqualTo("root's own box\n");
      try (Stream<Path> files = Files.walk(Path.of(TestEnvironment.runtimeDir(), "appbox"))) {
        assertThat(files.filter(p -> owner(p) != TestEnvironment.testUid()).toList())
            .as("nothing of root's in the user's runtime directory")
            .isEmpty();
      }
    }
  }

  @Test
  void aBoxsCacheIsTheUsersAloneAndGoesWhenTheBoxStopsOrIsRemoved() throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      Path runtime = Path.of(s.env().get("XDG_RUNTIME_DIR"));
      Path cache = runtime.resolve("appbox/boxes/podman").resolve(box);
      assertThat(s.appbox("run", box, "--", "true").exitCode()).isZero();
      assertThat(cache).exists();
      assertThat(mode(cache)).isEqualTo("rw-------");
      for (Path dir :
          List.of(cache.getParent(), cache.getParent().getParent(), runtime.resolve("appbox"))) {
        assertThat(mode(dir)).as(dir.toString()).isEqualTo("rwx------");
      }

      CommandResult stop = s.appbox("stop", box);
      assertThat(stop).succeeded();
      assertThat(cache).as("after stop").doesNotExist();

      assertThat(s.appbox("run", box, "--", "true").exitCode()).isZero();
      assertThat(cache).as("known again once it runs").exists();
      CommandResult rm = s.appbox("rm", "--force", box);
      assertThat(rm).succeeded();
      assertThat(cache).as("after rm").doesNotExist();
    }
  }

  static int owner(Path p) {
    try {
      return (Integer) Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String mode(Path p) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }
}
