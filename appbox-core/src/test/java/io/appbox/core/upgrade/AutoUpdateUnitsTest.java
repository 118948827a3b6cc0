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
            Path.of("/home/ann/.local/share/appbox/bin/appbox"),
            Optional.of(
                new AutoUpdateUnits.ManifestToApply("https://h/x.yaml", Optional.empty(), false)));
    assertThat(unit)
        .contains("Type=oneshot\n")
        .contains("ExecStart=\"/home/ann/.local/share/appbox/bin/appbox\" upgrade --all\n")
        .contains(
            "ExecStart=\"/home/ann/.local/share/appbox/bin/appbox\" apply -f \"https://h/x.yaml\"\n");
  }

  @Test
  void thePinAndInsecureGoIntoTheServicesApply() {
    String pin = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    String unit =
        AutoUpdateUnits.service(
            Path.of("/opt/appbox/bin/appbox"),
            Optional.of(
                new AutoUpdateUnits.ManifestToApply(
                    "http://intranet/x.yaml", Optional.of("sha256:" + pin), true)));
    assertThat(unit)
        .contains(
            "ExecStart=\"/opt/appbox/bin/appbox\" apply -f \"http://intranet/x.yaml\" --sha256 "
                + pin.toLowerCase(java.util.Locale.ROOT)
                + " --insecure\n");
  }

  @Test
  void aPlainHttpManifestIsRefusedUnlessInsecure() {
    assertThatThrownBy(
            () -> new AutoUpdateUnits.ManifestToApply("http://h/x.yaml", Optional.empty(), false))
        .isInstanceOf(AppboxException.class)
        .hasMessageContaining("is plain http");
    assertThatThrownBy(
            () -> new AutoUpdateUnits.ManifestToApply("https://h/x.yaml", Optional.of("x"), false))
        .isInstanceOf(AppboxException.class)
        .hasMessageContaining("is not a SHA-256 hash");
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
      assertThatThrownBy(() -> AutoUpdateUnits.manifestUrl(url, true))
          .isInstanceOf(AppboxException.class);
    }
  }
}
