package io.appbox.desktop.icon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IconReferenceTest {
  @Nested
  class Valid {
    @ParameterizedTest
    @CsvSource({
      "htop, htop",
      "org.gnome.Calculator, org.gnome.Calculator",
      "firefox-esr, firefox-esr",
      "htop.png, htop",
      "htop.svg, htop",
      "utilities-terminal.xpm, utilities-terminal",
      "a.b.c, a.b.c",
    })
    void readsNames(String value, String name) {
      assertThat(IconReference.parse(value)).isEqualTo(new IconReference.Themed(name));
    }

    @ParameterizedTest
    @CsvSource({
      "/usr/share/pixmaps/htop.png, /usr/share/pixmaps/htop.png, htop",
      "/usr/share/icons/hicolor/48x48/apps/x.svg, /usr/share/icons/hicolor/48x48/apps/x.svg, x",
      "/usr/local/share/icons/y.xpm, /usr/local/share/icons/y.xpm, y",
      "/usr/share/pixmaps/./sub/../z.png, /usr/share/pixmaps/z.png, z",
      "//usr//share//pixmaps//w.png, /usr/share/pixmaps/w.png, w",
    })
    void readsPathsInIconDirectories(String value, String path, String name) {
      assertThat(IconReference.parse(value)).isEqualTo(new IconReference.InBox(path, name));
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "../../../.bashrc|holds '/'",
          "..|holds '..'",
          "a..b|holds '..'",
          ".bashrc|starts with '.'",
          "sub/icon|holds '/'",
          "/etc/passwd|must lie under",
          "/etc/passwd.png|must lie under",
          "/usr/share/icons/../../../etc/passwd.png|resolves to '/etc/passwd.png'",
          "/usr/share/pixmaps/../../home/u/.ssh/id_rsa.png|resolves to",
          "/usr/share/iconsevil/x.png|must lie under",
          "/usr/share/icons|must lie under",
          "/usr/share/pixmaps/htop|ends in .png, .svg or .xpm",
          "/usr/share/pixmaps/..png|starts with '.'",
        })
    void refusesUnsafeValues(String value, String why) {
      assertThatThrownBy(() -> IconReference.parse(value))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
          .hasMessageContaining(why);
    }

    @org.junit.jupiter.api.Test
    void refusesEmptyControlAndLongNames() {
      for (String bad : new String[] {"", "a\u001bb", "a\nb", "x".repeat(151), null}) {
        assertThatThrownBy(() -> IconReference.parse(bad)).isInstanceOf(AppboxException.class);
      }
    }
  }
}
