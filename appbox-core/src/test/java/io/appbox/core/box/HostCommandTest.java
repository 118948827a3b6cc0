package io.appbox.core.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostCommandTest {
  @Nested
  class Valid {
    @ParameterizedTest
    @ValueSource(strings = {"podman", "flatpak", "g++", "python3.12", "x_y-z", "7z", "_tool"})
    void aProgramsName(String name) {
      assertThat(new HostCommand("podman", BoxName.of("dev"), name).path())
          .isEqualTo("/usr/local/bin/" + name);
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "../sh",
          "bin/sh",
          "/usr/bin/podman",
          "-rf",
          "a b",
          "$(id)",
          "`id`",
          "x;y",
          "a\nb",
          ".hidden",
          "..",
          "host-exec",
          "naïve"
        })
    void refusedAsBadInput(String name) {
      assertThatThrownBy(() -> HostCommand.checkName(name))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void tooLong() {
      assertThatThrownBy(() -> HostCommand.checkName("a".repeat(256)))
          .isInstanceOf(AppboxException.class);
    }
  }

  @Test
  void theRecordKeepsWhatWasAddedAndLeavesADamagedFileAlone(@TempDir Path dir) throws Exception {
    HostCommandRecordFile record = new HostCommandRecordFile(dir);
    assertThat(record.all()).isEmpty();
    HostCommand podman = new HostCommand("podman-rootless", BoxName.of("dev"), "podman");
    HostCommand flatpak = new HostCommand("podman-rootless", BoxName.of("web"), "flatpak");
    record.update(
        all -> {
          all.add(podman);
          all.add(flatpak);
          return all;
        });
    assertThat(new HostCommandRecordFile(dir).all()).containsExactly(podman, flatpak);

    Files.writeString(dir.resolve(HostCommandRecordFile.FILE_NAME), "{\"version\": 1, \"comm");
    assertThatThrownBy(() -> new HostCommandRecordFile(dir).all())
        .hasMessageContaining("is damaged");
    assertThat(Files.readString(dir.resolve(HostCommandRecordFile.FILE_NAME)))
        .isEqualTo("{\"version\": 1, \"comm");
  }
}
