package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code desktop-file-validate} on files the tests produce. */
final class DesktopFileValidator {
  private DesktopFileValidator() {}

  /** Writes {@code content} as {@code dir/fileName} and asserts that the validator accepts it. */
  static void assertValid(Path dir, String fileName, byte[] content) throws Exception {
    Path file = dir.resolve(fileName);
    Files.write(file, content);
    String output = run(file);
    assertThat(output)
        .as("desktop-file-validate on%n%s", new String(content, StandardCharsets.UTF_8))
        .doesNotContain("error")
        .doesNotContain("warning");
  }

  /** The validator's output; fails the test when it rejects the file. */
  static String run(Path file) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder("desktop-file-validate", file.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      return fail(
          "desktop-file-validate is not installed; these tests need it"
              + " (Debian/Ubuntu: apt-get install desktop-file-utils). "
              + e.getMessage());
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      fail(
          "desktop-file-validate rejected %s:%n%s%n--- file ---%n%s",
          file, output, Files.readString(file));
    }
    return output;
  }
}
