package io.appbox.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoUpdateUnitsTest {
  @Test
  void theServiceUpgradesEveryBoxThenAppliesTheManifest() {
    String unit =
        AutoUpdateUnits.service(
            Path.of("/home/ann/.local/share/appbox/bin/appbox"), Optional.of("https://h/x.yaml"));
    assertThat(unit)
        .contains("Type=oneshot\n")
        .contains("ExecStart=\"/home/ann/.local/share/appbox/bin/appbox\" upgrade --all\n")
        .contains(
            "ExecStart=\"/home/ann/.local/share/appbox/bin/appbox\" apply -f \"https://h/x.yaml\"\n");
  }

  @Test
  void aPercentInThePathIsNotASystemdSpecifier() {
    assertThat(AutoUpdateUnits.service(Path.of("/opt/100%/appbox"), Optional.empty()))
        .contains("\"/opt/100%%/appbox\"");
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(strings = {"$(id)", "daily\nExecStart=/bin/sh", "", "a\"b"})
    void schedules(String when) {
      assertThatThrownBy(() -> AutoUpdateUnits.timer(when)).isInstanceOf(AppboxException.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "file:///etc/passwd",
          "https://h/a b",
          "https://h/%41",
          "https://h/\"x",
          "ftp://h/x",
          "not a url"
        })
    void manifestUrls(String url) {
      assertThatThrownBy(() -> AutoUpdateUnits.manifestUrl(url))
          .isInstanceOf(AppboxException.class);
    }
  }
}
