package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.desktop.icon.HostIconThemes;
import io.appbox.desktop.icon.IconFile;
import io.appbox.desktop.icon.IconSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IconPlacementTest {
  static final BoxName DEV = BoxName.of("dev");

  @TempDir Path home;
  @TempDir Path hostShare;
  ExportFiles files;
  IconPlacement placement;
  Path hicolor;

  @BeforeEach
  void setUp() {
    files = ExportFiles.forDataHome(home, home.resolve("bin"));
    placement = new IconPlacement(files, new HostIconThemes(List.of(hostShare)));
    hicolor = home.resolve("icons/hicolor");
  }

  static IconSet htop(String content48, String contentSvg) {
    return new IconSet(
        "htop",
        List.of(
            new IconFile(
                "/usr/share/icons/hicolor/48x48/apps/htop.png", "48x48", "png", bytes(content48)),
            new IconFile(
                "/usr/share/icons/hicolor/scalable/apps/htop.svg",
                "scalable",
                "svg",
                bytes(contentSvg))),
        List.of());
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  Path put(String rel, String content) throws Exception {
    Path p = hicolor.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, content);
  }

  @Test
  void writesNewFilesUnderTheirOwnNameAndRecordsThem() {
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of());
    assertThat(placed.name()).contains("htop");
    assertThat(placed.files())
        .containsExactly(
            hicolor.resolve("48x48/apps/htop.png"), hicolor.resolve("scalable/apps/htop.svg"));
    assertThat(hicolor.resolve("48x48/apps/htop.png")).hasContent("png");
  }

  @Test
  void sharesAUsersIdenticalFileWithoutRecordingIt() throws Exception {
    put("48x48/apps/htop.png", "png");
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of());
    assertThat(placed.name()).contains("htop");
    assertThat(placed.files()).containsExactly(hicolor.resolve("scalable/apps/htop.svg"));
  }

  @Test
  void sharesAnotherExportsIdenticalFileAndRecordsItToo() throws Exception {
    Path other = put("48x48/apps/htop.png", "png");
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of(other));
    assertThat(placed.files()).contains(other);
  }

  @Test
  void renamesForTheBoxWhenAFileDiffers() throws Exception {
    Path users = put("48x48/apps/htop.png", "the host's own htop icon");
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of());
    assertThat(placed.name()).contains("appbox-dev-htop");
    assertThat(placed.files())
        .containsExactly(
            hicolor.resolve("48x48/apps/appbox-dev-htop.png"),
            hicolor.resolve("scalable/apps/appbox-dev-htop.svg"));
    assertThat(users).hasContent("the host's own htop icon");
    assertThat(hicolor.resolve("scalable/apps/htop.svg")).doesNotExist();
  }

  @Test
  void renamesWhenAnotherBoxsExportHasADifferentFile() throws Exception {
    Path otherBox = put("48x48/apps/htop.png", "arch's htop icon");
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of(otherBox));
    assertThat(placed.name()).contains("appbox-dev-htop");
    assertThat(otherBox).hasContent("arch's htop icon");
  }

  @Test
  void replacesItsOwnBoxSpecificFile() throws Exception {
    put("48x48/apps/htop.png", "host");
    Path old = put("48x48/apps/appbox-dev-htop.png", "older version");
    Set<Path> recorded = new HashSet<>(Set.of(old));
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, recorded);
    assertThat(placed.name()).contains("appbox-dev-htop");
    assertThat(old).hasContent("png");
    assertThat(placed.files()).contains(old);
  }

  @Test
  void goesWithoutAnIconWhenEvenTheBoxSpecificNameIsTheUsers() throws Exception {
    put("48x48/apps/htop.png", "host");
    Path users = put("scalable/apps/appbox-dev-htop.svg", "the user's");
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of());
    assertThat(placed.name()).isEmpty();
    assertThat(placed.files()).isEmpty();
    assertThat(placed.warnings()).anySatisfy(w -> assertThat(w).contains("without it"));
    assertThat(users).hasContent("the user's");
    assertThat(hicolor.resolve("48x48/apps/appbox-dev-htop.png")).doesNotExist();
  }

  @Test
  void goesWithoutAnIconWhenNoneWasFound() {
    IconPlacement.Placed placed =
        placement.place(new IconSet("htop", List.of(), List.of()), DEV, Set.of());
    assertThat(placed.name()).isEqualTo(Optional.empty());
    assertThat(placed.warnings()).isNotEmpty();
  }

  Path putOnHost(String rel) throws Exception {
    Path p = hostShare.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "the host's");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "icons/hicolor/16x16/apps/htop.png",
        "icons/Adwaita/scalable/apps/htop.svg",
        "icons/breeze/apps/48/htop.svg",
        "pixmaps/htop.xpm"
      })
  void anIconTheHostsThemesHaveIsExportedUnderTheBoxsName(String hostIcon) throws Exception {
    putOnHost(hostIcon);
    IconPlacement.Placed placed = placement.place(htop("png", "svg"), DEV, Set.of());
    assertThat(placed.name()).contains("appbox-dev-htop");
    assertThat(placed.files())
        .containsExactly(
            hicolor.resolve("48x48/apps/appbox-dev-htop.png"),
            hicolor.resolve("scalable/apps/appbox-dev-htop.svg"));
    assertThat(hicolor.resolve("48x48/apps/htop.png")).doesNotExist();
  }

  @Test
  void aLookupStartedAheadGivesTheSameAnswers() throws Exception {
    putOnHost("icons/Adwaita/scalable/apps/htop.svg");
    HostIconThemes host = new HostIconThemes(List.of(hostShare));
    host.lookAhead("htop");
    host.lookAhead("top");
    IconPlacement ahead = new IconPlacement(files, host);

    assertThat(ahead.place(htop("png", "svg"), DEV, Set.of()).name()).contains("appbox-dev-htop");
    assertThat(host.has("top")).isFalse();
    assertThat(host.has("htop")).isTrue();
  }

  @Test
  void anIconTheHostLacksKeepsItsName() throws Exception {
    putOnHost("icons/hicolor/48x48/apps/htop-other.png");
    putOnHost("icons/hicolor/48x48/mimetypes/text-htop.png");
    assertThat(placement.place(htop("png", "svg"), DEV, Set.of()).name()).contains("htop");
  }

  @Test
  void theBoxQualifiedNameSaysWhichBoxEvenWhenNamesRunTogether() throws Exception {
    putOnHost("pixmaps/b-c.png");
    IconSet bc =
        new IconSet(
            "b-c",
            List.of(new IconFile("/usr/share/pixmaps/b-c.png", "48x48", "png", bytes("a"))),
            List.of());
    IconSet c =
        new IconSet(
            "c",
            List.of(new IconFile("/usr/share/pixmaps/c.png", "48x48", "png", bytes("a-b"))),
            List.of());
    putOnHost("pixmaps/c.png");
    assertThat(placement.place(bc, BoxName.of("a"), Set.of()).name()).contains("appbox-a-b-c");
    assertThat(placement.place(c, BoxName.of("a-b"), Set.of()).name()).contains("appbox-a--b-c");
  }
}
