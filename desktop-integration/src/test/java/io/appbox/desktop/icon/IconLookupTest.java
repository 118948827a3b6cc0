package io.appbox.desktop.icon;

import static io.appbox.desktop.icon.FakeBoxFiles.png;
import static io.appbox.desktop.icon.FakeBoxFiles.svg;
import static io.appbox.desktop.icon.FakeBoxFiles.xpm;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IconLookupTest {
  static List<String> placed(IconSet set) {
    return set.files().stream().map(f -> f.relativePath(set.name()) + " <- " + f.source()).toList();
  }

  @Test
  void prefersHicolorAndFillsOtherSizesFromOtherThemesAndPixmaps() {
    FakeBoxFiles box =
        new FakeBoxFiles()
            .with("/usr/share/icons/hicolor/48x48/apps/htop.png", png(48, "hicolor"))
            .with("/usr/share/icons/Adwaita/48x48/apps/htop.png", png(48, "adwaita"))
            .with("/usr/share/icons/Adwaita/256x256/apps/htop.png", png(256, "adwaita"))
            .with("/usr/share/icons/hicolor/scalable/apps/htop.svg", svg())
            .with("/usr/share/icons/hicolor/48x48@2/apps/htop.png", png(96, "hi2"))
            .with("/usr/share/pixmaps/htop.xpm", xpm(32, 32))
            .with("/usr/share/pixmaps/htop.png", png(48, "pixmap"));
    IconSet set = new IconLookup(box).find(new IconReference.Themed("htop"));
    assertThat(placed(set))
        .containsExactly(
            "hicolor/256x256/apps/htop.png <- /usr/share/icons/Adwaita/256x256/apps/htop.png",
            "hicolor/32x32/apps/htop.xpm <- /usr/share/pixmaps/htop.xpm",
            "hicolor/48x48/apps/htop.png <- /usr/share/icons/hicolor/48x48/apps/htop.png",
            "hicolor/48x48@2/apps/htop.png <- /usr/share/icons/hicolor/48x48@2/apps/htop.png",
            "hicolor/scalable/apps/htop.svg <- /usr/share/icons/hicolor/scalable/apps/htop.svg");
    assertThat(set.warnings()).isEmpty();
    // Adwaita's 48x48 was never read: hicolor had that size. A pixmap is read for its size.
    assertThat(box.reads).doesNotContain("/usr/share/icons/Adwaita/48x48/apps/htop.png");
  }

  @Test
  void prefersTheAppsContextAndPngOverSvg() {
    FakeBoxFiles box =
        new FakeBoxFiles()
            .with("/usr/share/icons/hicolor/48x48/mimetypes/x.png", png(48, "mime"))
            .with("/usr/share/icons/hicolor/48x48/apps/x.svg", svg())
            .with("/usr/share/icons/hicolor/48x48/apps/x.png", png(48, "apps"));
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("x"))))
        .containsExactly("hicolor/48x48/apps/x.png <- /usr/share/icons/hicolor/48x48/apps/x.png");
  }

  @ParameterizedTest
  @CsvSource({
    "40x40, 36x36",
    "44x44, 48x48",
    "42x42, 48x48",
    "1024x1024, 512x512",
    "8x8, 16x16",
    "48x48@3, 48x48@2",
  })
  void mapsSizesHicolorLacksToTheNearest(String dir, String target) {
    FakeBoxFiles box =
        new FakeBoxFiles().with("/usr/share/icons/Papirus/" + dir + "/apps/p.png", png(48, 48));
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("p"))))
        .containsExactly(
            "hicolor/" + target + "/apps/p.png <- /usr/share/icons/Papirus/" + dir + "/apps/p.png");
  }

  @Test
  void sizesPixmapsFromTheirHeaders() {
    FakeBoxFiles box =
        new FakeBoxFiles()
            .with("/usr/share/pixmaps/a.png", png(128, 100))
            .with("/usr/share/pixmaps/b.xpm", xpm(22, 22))
            .with("/usr/share/pixmaps/c.svg", svg())
            .with("/usr/share/icons/d.png", png(64, 64));
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("a"))))
        .containsExactly("hicolor/128x128/apps/a.png <- /usr/share/pixmaps/a.png");
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("b"))))
        .containsExactly("hicolor/22x22/apps/b.xpm <- /usr/share/pixmaps/b.xpm");
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("c"))))
        .containsExactly("hicolor/scalable/apps/c.svg <- /usr/share/pixmaps/c.svg");
    assertThat(placed(new IconLookup(box).find(new IconReference.Themed("d"))))
        .containsExactly("hicolor/64x64/apps/d.png <- /usr/share/icons/d.png");
  }

  @Test
  void takesAnAbsolutePathInAnIconDirectory() {
    FakeBoxFiles box =
        new FakeBoxFiles()
            .with("/usr/share/pixmaps/app.png", png(32, 32))
            .with("/usr/share/icons/hicolor/64x64/apps/app.png", png(64, 64));
    IconSet set =
        new IconLookup(box).find(IconReference.parse("/usr/share/pixmaps/sub/../app.png"));
    assertThat(placed(set))
        .containsExactly("hicolor/32x32/apps/app.png <- /usr/share/pixmaps/app.png");
  }

  @Test
  void ignoresWhatABoxClaimsOutsideTheIconDirectories() {
    FakeBoxFiles box = new FakeBoxFiles().with("/etc/x.png", png(48, 48));
    box.extraFindResults.addAll(
        List.of(
            "/usr/share/icons/../../../etc/x.png",
            "relative/x.png",
            "/usr/share/icons/hicolor/48x48/apps/y.png",
            "/usr/share/icons/hicolor/48x48/apps/x.png\0",
            "/usr/share/icons/hicolor/scalable/apps/x.png",
            "/usr/share/icons/hicolor/apps/48/x.png",
            "/usr/share/pixmaps/sub/x.png"));
    IconSet set = new IconLookup(box).find(new IconReference.Themed("x"));
    assertThat(set.files()).isEmpty();
    assertThat(box.reads).isEmpty();
  }

  @Test
  void passesOverFilesThatAreNotTheImageTheyClaimOrTooLarge() {
    byte[] big = new byte[IconLookup.MAX_ICON_BYTES + 10];
    System.arraycopy(png(48, 48), 0, big, 0, 24);
    FakeBoxFiles box =
        new FakeBoxFiles()
            .with("/usr/share/icons/hicolor/48x48/apps/z.png", big)
            .with(
                "/usr/share/icons/hicolor/32x32/apps/z.png",
                "root:x:0:0".getBytes(StandardCharsets.UTF_8))
            .with(
                "/usr/share/icons/hicolor/scalable/apps/z.svg",
                "#!/bin/sh".getBytes(StandardCharsets.UTF_8))
            .with("/usr/share/pixmaps/z.xpm", "/* XPM */ nothing".getBytes(StandardCharsets.UTF_8))
            .with("/usr/share/icons/hicolor/64x64/apps/z.png", png(0, 0))
            .with("/usr/share/icons/hicolor/16x16/apps/z.png", png(16, 16));
    box.extraFindResults.add("/usr/share/icons/hicolor/22x22/apps/z.png");
    IconSet set = new IconLookup(box).find(new IconReference.Themed("z"));
    assertThat(placed(set))
        .containsExactly("hicolor/16x16/apps/z.png <- /usr/share/icons/hicolor/16x16/apps/z.png");
    assertThat(set.warnings())
        .hasSize(6)
        .anySatisfy(w -> assertThat(w).contains("larger than 4 MiB"))
        .anySatisfy(w -> assertThat(w).contains("is not a .svg image"))
        .anySatisfy(w -> assertThat(w).contains("could not be read"));
  }

  @Test
  void findsNothingForAnUnknownIcon() {
    assertThat(new IconLookup(new FakeBoxFiles()).find(new IconReference.Themed("none")).isEmpty())
        .isTrue();
  }
}
