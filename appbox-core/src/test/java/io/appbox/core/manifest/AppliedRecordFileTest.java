package io.appbox.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppliedRecordFileTest {
  @TempDir Path state;

  @Test
  void aMissingRecordIsEmpty() {
    assertThat(new AppliedRecordFile(state.resolve("appbox")).boxes("podman")).isEmpty();
  }

  @Test
  void keepsEachEnginesBoxesApart() throws Exception {
    AppliedRecordFile record = new AppliedRecordFile(state);
    BoxName dev = BoxName.of("dev");
    AppliedBox created =
        new AppliedBox(
            dev,
            new TreeSet<>(List.of("htop", "git")),
            true,
            List.of(Volume.parse("/srv/data:/data:ro")),
            List.of(List.of("sh", "-c", "echo \"hi\"\n")));

    record.update(
        "podman",
        m -> {
          m.put(dev, created);
          return m;
        });
    record.update(
        "docker",
        m -> {
          m.put(dev, AppliedBox.adopted(dev));
          return m;
        });

    AppliedRecordFile again = new AppliedRecordFile(state);
    assertThat(again.boxes("podman")).containsEntry(dev, created);
    assertThat(again.boxes("docker")).containsEntry(dev, AppliedBox.adopted(dev));
    assertThat(again.boxes("podman-rootless")).isEmpty();
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("applied.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aDamagedRecordIsAnErrorAndIsLeftAsItIs() throws Exception {
    Path file = Files.writeString(state.resolve("applied.json"), "{\"version\":1,\"boxes\":[{}]}");
    AppliedRecordFile record = new AppliedRecordFile(state);

    assertThatThrownBy(() -> record.boxes("podman"))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.FAILED);
              assertThat(e.getMessage()).startsWith("The apply record '" + file + "' is damaged");
            });
    assertThatThrownBy(() -> record.update("podman", m -> m)).isInstanceOf(AppboxException.class);
    assertThat(Files.readString(file)).isEqualTo("{\"version\":1,\"boxes\":[{}]}");
  }
}
