package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.AppExportRequest;
import io.appbox.core.export.BoxFiles;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.LauncherScript;
import io.appbox.core.exported.Export;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.entry.ExecLine;
import io.appbox.desktop.icon.HostIconThemes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppExporterTest {
  static final BoxName DEV = BoxName.of("dev");
  static final BoxName ARCH = BoxName.of("arch");
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  static final String HTOP =
      """
      [Desktop Entry]
      Type=Application
      Name=Htop
      Icon=%s
      Exec=htop %%F
      Categories=System;Monitor;
      """;

  @TempDir Path home;
  @TempDir Path hostShare;
  Path data;
  ExportRecordFile record;
  HomeExporter exporter;
  ExportRemover remover;

  @BeforeEach
  void setUp() {
    data = home.resolve(".local/share");
    record = ExportRecordFile.inStateHome(home.resolve(".local/state"));
    exporter =
        new HomeExporter(
            record,
            ExportFiles.forDataHome(data, home.resolve(".local/bin")),
            new HostIconThemes(List.of(hostShare)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    remover = new ExportRemover(record, ExportFiles.forDataHome(data, home.resolve(".local/bin")));
  }

  /** Box files in memory. */
  static final class Box implements BoxFiles {
    final Map<String, byte[]> files = new LinkedHashMap<>();
    final List<String> asked = new ArrayList<>();

    Box with(String path, String content) {
      files.put(path, content.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    @Override
    public List<String> find(String iconName) {
      asked.add(iconName);
      return files.keySet().stream()
          .filter(p -> p.substring(p.lastIndexOf('/') + 1).startsWith(iconName + "."))
          .toList();
    }

    @Override
    public byte[] read(String path, int maxBytes) {
      byte[] c = files.get(path);
      return Arrays.copyOf(c, Math.min(c.length, maxBytes + 1));
    }

    @Override
    public boolean isExecutable(String path) {
      return false;
    }
  }

  static String svg(String tag) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- " + tag + " --></svg>\n";
  }

  static LauncherScript launcher(BoxName box) {
    return new LauncherScript(
        "podman/" + box, ("#!/bin/sh\n# " + box + "\n").getBytes(StandardCharsets.UTF_8));
  }

  AppExportRequest request(BoxName box, String icon) {
    return new AppExportRequest(
        box,
        "podman",
        "htop",
        "htop",
        "/usr/share/applications/htop.desktop",
        HTOP.formatted(icon).getBytes(StandardCharsets.UTF_8),
        launcher(box),
        null);
  }

  AppExportRequest request(BoxName box, String id, String icon) {
    return new AppExportRequest(
        box,
        "podman",
        id,
        id,
        "/usr/share/applications/" + id + ".desktop",
        HTOP.formatted(icon).getBytes(StandardCharsets.UTF_8),
        launcher(box),
        null);
  }

  /** What an appbox before issue 12 recorded: {@code appbox-BOX-ID.desktop}, whatever the box. */
  Export recordedByAnOlderAppbox(BoxName box, String id) throws Exception {
    Path file = data.resolve("applications/appbox-" + box + "-" + id + ".desktop");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "[Desktop Entry]\nType=Application\nName=Old\nExec="
            + launcherFile(box)
            + " old\nX-Appbox-Box="
            + box
            + "\n");
    Files.createDirectories(launcherFile(box).getParent());
    Files.writeString(launcherFile(box), "#!/bin/sh\n# " + box + "\n");
    Export old =
        new Export(
            box,
            "podman",
            io.appbox.core.exported.ExportKind.APP,
            id,
            id,
            "/usr/share/applications/" + id + ".desktop",
            List.of(file, launcherFile(box)),
            NOW);
    record.update(
        current -> {
          current.add(old);
          return current;
        });
    return old;
  }

  Path launcherFile(BoxName box) {
    return data.resolve("appbox/launchers/podman").resolve(box.value());
  }

  Path icon(String rel) {
    return data.resolve("icons/hicolor").resolve(rel);
  }

  @Test
  void exportsTheEntryAndItsIconsAndRecordsThem() throws Exception {
    Box box =
        new Box()
            .with("/usr/share/icons/hicolor/scalable/apps/htop.svg", svg("dev"))
            .with("/usr/share/icons/hicolor/16x16/apps/htop.svg", svg("dev 16"));
    ExportOutcome result = exporter.exportApp(request(DEV, "htop"), box);

    Path desktop = data.resolve("applications/appbox-dev-htop.desktop");
    assertThat(result.export().files())
        .containsExactly(
            desktop,
            launcherFile(DEV),
            icon("16x16/apps/htop.svg"),
            icon("scalable/apps/htop.svg"));
    assertThat(result.export().created()).isEqualTo(NOW);
    assertThat(record.all()).containsExactly(result.export());
    DesktopEntry written = DesktopEntry.read(desktop);
    assertThat(written.main().string("Icon")).contains("htop");
    assertThat(written.main().string("Exec")).contains(launcherFile(DEV) + " htop %F");
    assertThat(launcherFile(DEV)).hasContent("#!/bin/sh\n# dev");
    assertThat(Files.getPosixFilePermissions(launcherFile(DEV)))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(DesktopFileValidator.run(desktop)).isEmpty();
  }

  @Test
  void exportsWithoutAnIconWhenIconPointsOutsideTheIconDirectories() throws Exception {
    for (String hostile :
        List.of("../../../.bashrc", "/etc/passwd", "/usr/share/icons/../../../etc/shadow.png")) {
      Box box = new Box().with("/etc/passwd", "root:x:0:0");
      ExportOutcome result = exporter.exportApp(request(DEV, hostile), box);
      assertThat(result.warnings()).singleElement().asString().contains("is not a safe icon");
      assertThat(result.export().files()).hasSize(2);
      assertThat(DesktopEntry.read(result.export().files().get(0)).main().has("Icon")).isFalse();
      assertThat(box.asked).isEmpty();
    }
    assertThat(data.resolve("icons")).doesNotExist();
    assertThat(home.resolve(".bashrc")).doesNotExist();
  }

  @Test
  void aSecondBoxWithAnotherIconGetsItsOwnNameAndRemovalKeepsTheOther() throws Exception {
    exporter.exportApp(
        request(DEV, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("dev")));
    ExportOutcome arch =
        exporter.exportApp(
            request(ARCH, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("arch")));
    assertThat(arch.export().files())
        .containsExactly(
            data.resolve("applications/appbox-arch-htop.desktop"),
            launcherFile(ARCH),
            icon("scalable/apps/appbox-arch-htop.svg"));
    assertThat(
            DesktopEntry.read(data.resolve("applications/appbox-arch-htop.desktop"))
                .main()
                .string("Icon"))
        .contains("appbox-arch-htop");

    List<Export> removed = remover.remove(e -> e.box().equals(DEV));
    assertThat(removed).hasSize(1);
    assertThat(icon("scalable/apps/htop.svg")).doesNotExist();
    assertThat(data.resolve("applications/appbox-dev-htop.desktop")).doesNotExist();
    assertThat(icon("scalable/apps/appbox-arch-htop.svg")).exists();
    assertThat(record.all()).containsExactly(arch.export());
  }

  @Test
  void anIdenticalIconIsSharedAndGoesWithItsLastExport() throws Exception {
    exporter.exportApp(
        request(DEV, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("same")));
    ExportOutcome arch =
        exporter.exportApp(
            request(ARCH, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("same")));
    assertThat(arch.export().files()).contains(icon("scalable/apps/htop.svg"));
    remover.remove(e -> e.box().equals(DEV));
    assertThat(icon("scalable/apps/htop.svg")).exists();
    remover.remove(e -> e.box().equals(ARCH));
    assertThat(icon("scalable/apps/htop.svg")).doesNotExist();
    assertThat(record.all()).isEmpty();
  }

  @Test
  void aUsersIdenticalIconIsUsedButNeverRecordedOrDeleted() throws Exception {
    Path users = icon("scalable/apps/htop.svg");
    Files.createDirectories(users.getParent());
    Files.writeString(users, svg("same"));
    ExportOutcome result =
        exporter.exportApp(
            request(DEV, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("same")));
    assertThat(result.export().files()).doesNotContain(users);
    remover.remove(e -> true);
    assertThat(users).exists();
  }

  @Test
  void reExportingReplacesItsOwnFilesUnderTheSameNames() throws Exception {
    exporter.exportApp(
        request(DEV, "htop"),
        new Box()
            .with("/usr/share/icons/hicolor/scalable/apps/htop.svg", svg("v1"))
            .with("/usr/share/icons/hicolor/16x16/apps/htop.svg", svg("v1 16")));
    ExportOutcome again =
        exporter.exportApp(
            request(DEV, "htop"),
            new Box().with("/usr/share/icons/hicolor/scalable/apps/htop.svg", svg("v2")));
    assertThat(again.export().files())
        .containsExactly(
            data.resolve("applications/appbox-dev-htop.desktop"),
            launcherFile(DEV),
            icon("scalable/apps/htop.svg"));
    assertThat(icon("scalable/apps/htop.svg")).hasContent(svg("v2").strip());
    assertThat(icon("16x16/apps/htop.svg")).doesNotExist();
    assertThat(record.all()).containsExactly(again.export());
  }

  @Test
  void aUsersFileUnderTheEntrysNameIsAConflictAndNothingIsLeftBehind() throws Exception {
    Path users = data.resolve("applications/appbox-dev-htop.desktop");
    Files.createDirectories(users.getParent());
    Files.writeString(users, "mine");
    assertThatThrownBy(
            () ->
                exporter.exportApp(
                    request(DEV, "htop"),
                    new Box().with("/usr/share/pixmaps/htop.svg", svg("dev"))))
        .isInstanceOfSatisfying(
            AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT));
    assertThat(users).hasContent("mine");
    assertThat(icon("scalable/apps/htop.svg")).doesNotExist();
    assertThat(record.all()).isEmpty();
  }

  @Test
  void refusesABadEntryBeforeTouchingTheBoxOrTheHost() {
    Box box = new Box();
    AppExportRequest bad =
        new AppExportRequest(
            DEV,
            "podman",
            "evil",
            "",
            "/usr/share/applications/evil.desktop",
            "[Desktop Entry]\nType=Application\nName=E\nIcon=evil\nExec=sh -c $(curl x|sh)\n"
                .getBytes(StandardCharsets.UTF_8),
            launcher(DEV),
            null);
    assertThatThrownBy(() -> exporter.exportApp(bad, box))
        .isInstanceOfSatisfying(
            AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    assertThat(box.asked).isEmpty();
    assertThat(data).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"my data", "it's", "a\"b", "$HOME", "`id`", "back\\slash", "100%"})
  void execStartsWithTheQuotedLauncherWhereverTheDataHomeIs(String dirName) throws Exception {
    Path odd = home.resolve(dirName).resolve("share");
    HomeExporter there =
        new HomeExporter(
            record,
            ExportFiles.forDataHome(odd, home.resolve(".local/bin")),
            new HostIconThemes(List.of(hostShare)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    Export export = there.exportApp(request(DEV, ""), new Box()).export();

    Path desktop = odd.resolve("applications/appbox-dev-htop.desktop");
    Path launcher = odd.resolve("appbox/launchers/podman/dev");
    assertThat(export.files()).containsExactly(desktop, launcher);
    String exec = DesktopEntry.read(desktop).main().string("Exec").orElseThrow();
    ExecLine line = ExecLine.parse(exec);
    assertThat(line.arguments().get(0).literal()).isEqualTo(launcher.toString());
    assertThat(line.arguments().subList(1, line.arguments().size()))
        .containsExactlyElementsOf(ExecLine.parse("htop %F").arguments());
    if (dirName.equals("my data")) {
      assertThat(exec).startsWith("\"" + launcher + "\" htop %F");
    }
    assertThat(DesktopFileValidator.run(desktop)).isEmpty();
  }

  @Test
  void aLauncherNoExportRecordsIsLeftOverAndReplaced() throws Exception {
    // The launchers directory is appbox's own: an unrecorded launcher there was left by an
    // export killed before its record was saved.
    Path stray = launcherFile(DEV);
    Files.createDirectories(stray.getParent());
    Files.writeString(stray, "left over");
    exporter.exportApp(request(DEV, "htop"), new Box());
    assertThat(data.resolve("applications/appbox-dev-htop.desktop")).exists();
    assertThat(stray).isExecutable().hasContent("#!/bin/sh\n# dev");
    assertThat(record.all()).hasSize(1);
  }

  @Test
  void entriesOfBoxesWhoseNamesRunTogetherNeverShareAFile() throws Exception {
    // Box a-b with app c, box a with app b-c: once both "appbox-a-b-c.desktop".
    BoxName ab = BoxName.of("a-b");
    BoxName a = BoxName.of("a");
    Export first = exporter.exportApp(request(ab, "c", ""), new Box()).export();
    Export second = exporter.exportApp(request(a, "b-c", ""), new Box()).export();

    Path firstEntry = first.files().get(0);
    Path secondEntry = second.files().get(0);
    assertThat(firstEntry).isNotEqualTo(secondEntry);
    assertThat(DesktopEntry.read(firstEntry).main().string("X-Appbox-Box")).contains("a-b");
    assertThat(DesktopEntry.read(firstEntry).main().string("X-Appbox-Id")).contains("c");
    assertThat(DesktopEntry.read(secondEntry).main().string("X-Appbox-Box")).contains("a");
    assertThat(DesktopEntry.read(secondEntry).main().string("X-Appbox-Id")).contains("b-c");
    assertThat(DesktopFileValidator.run(firstEntry)).isEmpty();

    remover.remove(e -> e.box().equals(a));
    assertThat(firstEntry).exists();
    assertThat(launcherFile(ab)).exists();
    assertThat(secondEntry).doesNotExist();
    assertThat(record.all()).containsExactly(first);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "a-b, c",
    "a, b-c",
    "a--b, c",
    "a-, c",
    "a, _c",
    "a_, c",
    "a.b, c",
    "a, b.c",
    "dev, htop"
  })
  void everyBoxAndIdHasItsOwnFileName(String box, String id) {
    String name = ExportedEntry.fileName(BoxName.of(box), id);
    // The name decodes back to exactly this box and id.
    assertThat(ExportNames.boxAndName(name.substring(0, name.length() - ".desktop".length())))
        .contains(new ExportNames.BoxAndName(BoxName.of(box), id));
  }

  @Test
  void aFileAnotherExportListsIsAConflictAndStaysAsItWas() throws Exception {
    // An older appbox wrote box a-b's app c to the name box a's app b-c has now.
    Export older = recordedByAnOlderAppbox(BoxName.of("a-b"), "c");
    Path taken = older.files().get(0);
    assertThat(data.resolve("applications/" + ExportedEntry.fileName(BoxName.of("a"), "b-c")))
        .isEqualTo(taken);
    String before = Files.readString(taken);
    assertThatThrownBy(() -> exporter.exportApp(request(BoxName.of("a"), "b-c", ""), new Box()))
        .isInstanceOfSatisfying(
            AppboxException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT);
              assertThat(e.getMessage()).contains("box a-b");
            });
    assertThat(taken).hasContent(before.strip());
    assertThat(record.all()).containsExactly(older);
  }

  @Test
  void anExportUnderAnOlderNameIsRemovedAndAnotherExportMovesItToTheNewName() throws Exception {
    Export older = recordedByAnOlderAppbox(BoxName.of("a-b"), "c");
    Path oldName = older.files().get(0);
    Export again = exporter.exportApp(request(BoxName.of("a-b"), "c", ""), new Box()).export();
    assertThat(again.files().get(0))
        .isEqualTo(data.resolve("applications/appbox-a--b-c.desktop"))
        .exists();
    assertThat(oldName).doesNotExist();
    remover.remove(e -> true);
    assertThat(again.files().get(0)).doesNotExist();

    Export another = recordedByAnOlderAppbox(BoxName.of("x-y"), "z");
    remover.remove(e -> true);
    assertThat(another.files()).allSatisfy(f -> assertThat(f).doesNotExist());
  }

  @Test
  void aFileThatNoLongerCarriesItsExportsMarksIsReportedAndNeverDeleted() throws Exception {
    Export dev = exporter.exportApp(request(DEV, "htop"), new Box()).export();
    Path entry = dev.files().get(0);
    assertThat(remover.overwritten(dev)).isEmpty();

    // Another export (of an older appbox) or the user wrote over it.
    Files.writeString(entry, "[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n");
    assertThat(remover.overwritten(dev)).containsExactly(entry);
    Files.writeString(
        entry, "[Desktop Entry]\nType=Application\nName=A\nExec=a\nX-Appbox-Box=arch\n");
    assertThat(remover.overwritten(dev)).containsExactly(entry);

    remover.remove(e -> true);
    assertThat(entry).exists();
    assertThat(record.all()).isEmpty();
  }

  @Test
  void anIconTheHostAlreadyHasIsExportedUnderTheBoxsNameAndTheEntryFollows() throws Exception {
    Path hosts = hostShare.resolve("icons/hicolor/48x48/apps/htop.png");
    Files.createDirectories(hosts.getParent());
    Files.writeString(hosts, "the host's htop icon");
    ExportOutcome dev =
        exporter.exportApp(
            request(DEV, "htop"), new Box().with("/usr/share/pixmaps/htop.svg", svg("dev")));
    assertThat(dev.export().files()).contains(icon("scalable/apps/appbox-dev-htop.svg"));
    assertThat(icon("scalable/apps/htop.svg")).doesNotExist();
    assertThat(DesktopEntry.read(dev.export().files().get(0)).main().string("Icon"))
        .contains("appbox-dev-htop");
    assertThat(hosts).hasContent("the host's htop icon");
  }
}
