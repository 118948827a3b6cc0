package io.appbox.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** appbox's own files never write through a symbolic link someone put at their name. */
class HostFilesTest {
  @TempDir Path dir;

  @Test
  void anAtomicWriteReplacesALinkAndLeavesWhatItPointedAtAlone() throws IOException {
    Path victim = Files.writeString(dir.resolve("victim"), "mine", StandardCharsets.UTF_8);
    Path target = Files.createSymbolicLink(dir.resolve("cache"), victim);
    AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8), "rw-------");
    assertThat(Files.isSymbolicLink(target)).isFalse();
    assertThat(target).hasContent("new");
    assertThat(victim).hasContent("mine");
  }

  @Test
  void aLockIsNeverTakenThroughALink() throws IOException {
    Path elsewhere = dir.resolve("made-elsewhere");
    Path lock = Files.createSymbolicLink(dir.resolve("box.lock"), elsewhere);
    assertThatThrownBy(() -> LockFile.acquire(lock, () -> {}))
        .isInstanceOf(AppboxException.class)
        .hasMessageContaining("Could not lock");
    assertThat(elsewhere).doesNotExist();
  }

  @Test
  void aLockFileIsTheOwnersAlone() throws IOException {
    Path lock = dir.resolve("locks/box.lock");
    try (LockFile l = LockFile.acquire(lock, () -> {})) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(lock)))
          .isEqualTo("rw-------");
    }
  }
}
