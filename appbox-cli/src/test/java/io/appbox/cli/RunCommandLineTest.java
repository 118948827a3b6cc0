package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandLineTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "run dev -- id | run dev -- id",
        "run dev --root -- id | run --root dev -- id",
        "run --root dev -- id | run --root dev -- id",
        "run --box dev -- id | run dev -- id",
        "run --box dev --root id -u | run --root dev -- id -u",
        "run dev ls -la | run dev -- ls -la",
        "run dev -- echo --root | run dev -- echo --root",
        "--engine podman run dev --json -- true | --engine podman run --json dev -- true",
        "-v run dev --engine docker -- true | -v run --engine docker dev -- true",
        "run dev | run dev",
        "run dev -- | run dev --",
        "run --box dev | run dev --",
        "run --nonsense dev -- id | run --nonsense dev -- id",
        "run | run",
        "list --root | list --root",
        "run --ephemeral -- id -u | run --ephemeral -- id -u",
        "run --ephemeral ls -la | run --ephemeral -- ls -la",
        "run --ephemeral --distro fedora --root id | run --ephemeral --distro fedora --root -- id",
        "run --ephemeral --box dev -- true | run --ephemeral --box dev -- true",
        "run --box dev --ephemeral true | run --box dev --ephemeral -- true",
        "run --ephemeral | run --ephemeral --",
        "run dev --ephemeral -- id | run --ephemeral dev -- id",
      })
  void putsARunCommandLineInOneForm(String given, String expected) {
    assertThat(List.of(RunCommandLine.normalise(given.split(" "))))
        .containsExactly(expected.split(" "));
  }
}
