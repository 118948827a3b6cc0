package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportFilesTest {
  @TempDir Path home;
  Path data;
  ExportFiles files;

  @BeforeEach
  void setUp() {
    data = home.resolve(".local/share");
    files = ExportFiles.forDataHome(data, home.resolve(".local/bin"));
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Nested
  class Valid {
    @Test
    void createsDirectoriesAndWritesWithTheAreasMode() throws Exception {
      Path entry =
          files.write(ExportArea.APPLICATIONS, "appbox-dev-htop.desktop", text("x"), Set.of());
      Path icon =
          files.write(ExportArea.ICONS, "hicolor/48x48/apps/htop.png", text("png"), Set.of());
      Path bin = files.write(ExportArea.BIN, "git", text("#!/bin/sh\n"), Set.of());
      Path launcher =
          files.write(ExportArea.LAUNCHERS, "podman/dev", text("#!/bin/sh\n"), Set.of());
      assertThat(launcher).isEqualTo(data.resolve("appbox/launchers/podman/dev"));
      assertThat(Files.getPosixFilePermissions(launcher))
          .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
      assertThat(entry)
          .isEqualTo(data.resolve("applications/appbox-dev-htop.desktop"))
          .hasContent("x");
      assertThat(icon).isEqualTo(data.resolve("icons/hicolor/48x48/apps/htop.png"));
      assertThat(Files.getPosixFilePermissions(entry))
          .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
      assertThat(Files.getPosixFilePermissions(bin))
          .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
      try (var listing = Files.list(entry.getParent())) {
        assertThat(listing).containsExactly(entry); // no temporary file left
      }
    }

    @Test
    void replacesAFileTheRecordLists() throws Exception {
      Path entry = files.write(ExportArea.APPLICATIONS, "a.desktop", text("old"), Set.of());
      files.write(ExportArea.APPLICATIONS, "a.desktop", text("new"), Set.of(entry));
      assertThat(entry).hasContent("new");
    }

    @Test
    void replacesARecordedLinkItselfNotWhatItPointsTo() throws Exception {
      Path victim = Files.writeString(home.resolve("victim"), "keep");
      Path link = data.resolve("applications/a.desktop");
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, victim);
      files.write(ExportArea.APPLICATIONS, "a.desktop", text("new"), Set.of(link));
      assertThat(victim).hasContent("keep");
      assertThat(Files.isSymbolicLink(link)).isFalse();
      assertThat(link).hasContent("new");
    }

    @Test
    void followsABaseDirectoryThatIsALink() throws Exception {
      Path real = Files.createDirectories(home.resolve("elsewhere/share"));
      Files.createDirectories(home.resolve(".local"));
      Files.createSymbolicLink(data, real);
      files.write(ExportArea.ICONS, "hicolor/16x16/apps/a.png", text("p"), Set.of());
      assertThat(real.resolve("icons/hicolor/16x16/apps/a.png")).hasContent("p");
    }

    @Test
    void readsExistingContentAndDeletesOnlyInsideItsDirectories() throws Exception {
      Path icon = files.write(ExportArea.ICONS, "hicolor/16x16/apps/a.png", text("p"), Set.of());
      assertThat(files.read(ExportArea.ICONS, "hicolor/16x16/apps/a.png", 10)).contains(text("p"));
      assertThat(files.read(ExportArea.ICONS, "hicolor/16x16/apps/b.png", 10)).isEmpty();
      assertThat(files.delete(icon)).isTrue();
      assertThat(files.delete(icon)).isFalse();
      Path outside = Files.writeString(home.resolve(".bashrc"), "mine");
      assertThatThrownBy(() -> files.delete(outside)).isInstanceOf(AppboxException.class);
      assertThatThrownBy(() -> files.delete(data.resolve("icons/../../../.bashrc")))
          .isInstanceOf(AppboxException.class);
      assertThat(outside).exists();
    }

    @Test
    void deletesALinkNotItsTarget() throws Exception {
      Path victim = Files.writeString(home.resolve("victim"), "keep");
      Path link = Files.createDirectories(home.resolve(".local/bin")).resolve("tool");
      Files.createSymbolicLink(link, victim);
      assertThat(files.delete(link)).isTrue();
      assertThat(victim).hasContent("keep");
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "/etc/passwd",
          "../.bashrc",
          "../../../../.bashrc",
          "hicolor/../../x",
          "hicolor/./x",
          "a//b",
          "dir/",
          "..",
          ".",
          "a\u0000b",
          "a\nb",
        })
    void refusesNamesThatLeaveTheDirectory(String name) {
      for (ExportArea area : ExportArea.values()) {
        assertThatThrownBy(() -> files.write(area, name, text("x"), Set.of()))
            .isInstanceOfSatisfying(
                AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
            .hasMessageContaining("would not stay inside");
      }
      assertThat(home.resolve(".bashrc")).doesNotExist();
    }

    @Test
    void neverReplacesAFileAppboxDidNotCreate() throws Exception {
      Path mine = data.resolve("applications/appbox-dev-htop.desktop");
      Files.createDirectories(mine.getParent());
      Files.writeString(mine, "the user's");
      assertThatThrownBy(
              () ->
                  files.write(
                      ExportArea.APPLICATIONS, "appbox-dev-htop.desktop", text("x"), Set.of()))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT))
          .hasMessageContaining("appbox did not create it");
      assertThat(mine).hasContent("the user's");
    }

    @Test
    void neverReplacesAUsersLink() throws Exception {
      Path bin = Files.createDirectories(home.resolve(".local/bin"));
      Files.createSymbolicLink(bin.resolve("git"), home.resolve("real-git"));
      assertThatThrownBy(() -> files.write(ExportArea.BIN, "git", text("x"), Set.of()))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT));
      assertThat(Files.isSymbolicLink(bin.resolve("git"))).isTrue();
    }

    @Test
    void refusesADirectoryOnTheWayThatIsALink() throws Exception {
      Path outside = Files.createDirectories(home.resolve("outside"));
      Path icons = Files.createDirectories(data.resolve("icons"));
      Files.createSymbolicLink(icons.resolve("hicolor"), outside);
      assertThatThrownBy(
              () -> files.write(ExportArea.ICONS, "hicolor/48x48/apps/a.png", text("x"), Set.of()))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT))
          .hasMessageContaining("symbolic link");
      try (var listing = Files.list(outside)) {
        assertThat(listing).isEmpty();
      }
      assertThatThrownBy(() -> files.delete(icons.resolve("hicolor/x.png")))
          .isInstanceOf(AppboxException.class);
    }

    @Test
    void refusesAFileWhereADirectoryShouldBe() throws Exception {
      Path icons = Files.createDirectories(data.resolve("icons"));
      Files.writeString(icons.resolve("hicolor"), "a file");
      assertThatThrownBy(
              () -> files.write(ExportArea.ICONS, "hicolor/48x48/apps/a.png", text("x"), Set.of()))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT));
    }
  }
}
