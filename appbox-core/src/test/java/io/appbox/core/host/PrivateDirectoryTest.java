package io.appbox.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which runtime directory appbox trusts with its process caches and locks. The tests play a user
 * ({@link #USER}) and a stranger by giving directories to their ids, which needs root, as the test
 * run has.
 */
class PrivateDirectoryTest {
  static final int USER = 4242;
  static final int STRANGER = 4343;

  @TempDir Path tmp;
  Path home;
  Path runtime;

  @BeforeEach
  void setUp() throws IOException {
    home = dir(tmp.resolve("home"), USER, "rwx------");
    runtime = dir(tmp.resolve("run"), USER, "rwx------");
  }

  static Path dir(Path p, int owner, String mode) throws IOException {
    Files.createDirectories(p);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    Files.setAttribute(p, "unix:uid", owner);
    return p;
  }

  /** The uid this test runs as, which owns what it makes. */
  int me() throws IOException {
    return (Integer) Files.getAttribute(tmp, "unix:uid");
  }

  private java.util.Optional<Path> chosen() {
    return PrivateDirectory.runtimeDir(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home, USER);
  }

  @Nested
  class Trusted {
    @Test
    void theUsersOwnRuntimeDirectory() throws IOException {
      assertThat(chosen()).contains(runtime.toRealPath());
    }

    @Test
    void aLinkToItIsJudgedByWhereItLeads() throws IOException {
      Path link = Files.createSymbolicLink(tmp.resolve("link"), runtime);
      assertThat(
              PrivateDirectory.runtimeDir(Map.of("XDG_RUNTIME_DIR", link.toString()), home, USER))
          .contains(runtime.toRealPath());
    }

    @Test
    void withoutXdgRuntimeDirTheCacheFolderIsMadeOwnerOnly() throws IOException {
      int me = me();
      Files.setAttribute(home, "unix:uid", me);
      Path made = PrivateDirectory.runtimeDir(Map.of(), home, me).orElseThrow();
      assertThat(made).isEqualTo(home.toRealPath().resolve(".cache/appbox/run"));
      for (Path p : List.of(made, made.getParent(), made.getParent().getParent())) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(p.toString())
            .isEqualTo("rwx------");
      }
    }

    @Test
    void childrenAreMadeOwnerOnly() throws IOException {
      int me = me();
      Files.setAttribute(runtime, "unix:uid", me);
      Path boxes = PrivateDirectory.ensure(runtime, me, List.of("appbox", "boxes", "podman"));
      assertThat(boxes).isDirectory();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(boxes)))
          .isEqualTo("rwx------");
    }
  }

  @Nested
  class NotTrusted {
    /** The user's fallback, made beforehand so that its owner is the user's. */
    Path fallback() throws IOException {
      dir(home.resolve(".cache"), USER, "rwx------");
      dir(home.resolve(".cache/appbox"), USER, "rwx------");
      return dir(home.resolve(".cache/appbox/run"), USER, "rwx------").toRealPath();
    }

    @Test
    void aRuntimeDirectoryOfSomeoneElseFallsBackToTheUsersCache() throws IOException {
      Path fallback = fallback();
      Files.setAttribute(runtime, "unix:uid", STRANGER);
      assertThat(chosen()).contains(fallback);
    }

    @Test
    void aRuntimeDirectoryOthersCanWriteFallsBack() throws IOException {
      Path fallback = fallback();
      Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxrwx---"));
      assertThat(chosen()).contains(fallback);
    }

    @Test
    void underAParentOfSomeoneElseFallsBack() throws IOException {
      Path fallback = fallback();
      Path parent = dir(tmp.resolve("theirs"), STRANGER, "rwxr-xr-x");
      Path inside = dir(parent.resolve("run"), USER, "rwx------");
      assertThat(
              PrivateDirectory.runtimeDir(Map.of("XDG_RUNTIME_DIR", inside.toString()), home, USER))
          .contains(fallback);
    }

    @Test
    void rootWhoseEnvironmentNamesAUsersDirectoriesHasNone() throws IOException {
      // su without -, sudo -E: the runtime directory and the home are the user's.
      assertThat(
              PrivateDirectory.runtimeDir(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home, 0))
          .isEmpty();
      assertThat(home.resolve(".cache")).as("nothing made in the user's home").doesNotExist();
    }

    @Test
    void aChildThatIsALinkIsRefused() throws IOException {
      Path elsewhere = dir(tmp.resolve("elsewhere"), USER, "rwx------");
      Files.createSymbolicLink(runtime.resolve("appbox"), elsewhere);
      assertThatThrownBy(() -> PrivateDirectory.ensure(runtime, USER, List.of("appbox", "boxes")))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("is not a directory");
      assertThat(elsewhere.resolve("boxes")).doesNotExist();
    }

    @Test
    void aChildOfSomeoneElseIsRefused() throws IOException {
      dir(runtime.resolve("appbox"), STRANGER, "rwx------");
      assertThatThrownBy(() -> PrivateDirectory.ensure(runtime, USER, List.of("appbox", "boxes")))
          .hasMessageContaining("belongs to uid " + STRANGER);
      assertThat(PrivateDirectory.existing(runtime, USER, List.of("appbox"))).isEmpty();
    }

    @Test
    void aChildOthersCanWriteIsRefused() throws IOException {
      dir(runtime.resolve("appbox"), USER, "rwxrwxrwx");
      assertThatThrownBy(() -> PrivateDirectory.ensure(runtime, USER, List.of("appbox", "boxes")))
          .hasMessageContaining("is writable by others");
    }

    @Test
    void aFileOfSomeoneElseOrALinkIsNotPrivate() throws IOException {
      Path mine = Files.writeString(runtime.resolve("mine"), "x");
      Files.setAttribute(mine, "unix:uid", USER);
      Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rw-------"));
      assertThat(PrivateDirectory.isPrivateFile(mine, USER)).isTrue();
      Path link = Files.createSymbolicLink(runtime.resolve("link"), mine);
      assertThat(PrivateDirectory.isPrivateFile(link, USER)).isFalse();
      Files.setAttribute(mine, "unix:uid", STRANGER);
      assertThat(PrivateDirectory.isPrivateFile(mine, USER)).isFalse();
    }
  }
}
