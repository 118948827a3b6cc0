package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.cli.CompletionModel.Command;
import io.appbox.cli.CompletionModel.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What completion reads from picocli's model of every command. */
class CompletionModelTest {
  private static final Command ROOT = CompletionModel.of(AllCommands.commandLine());

  private static Command command(String key) {
    return ROOT.tree().stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no command " + key));
  }

  @Test
  void hasEveryCommandOfTheRegistryAndNothingHidden() {
    assertThat(ROOT.subcommands().stream().map(Command::name))
        .containsAll(Commands.all().keySet())
        .doesNotContain("__candidates");
    assertThat(command("completion").subcommands()).isEmpty();
    assertThat(command("image").subcommands().stream().map(Command::key))
        .containsExactly("image build");
    assertThat(command("list").aliases()).containsExactly("ls");
  }

  @ParameterizedTest(name = "{0} argument {1} is {2}")
  @CsvSource({
    "run, 0, BOXES",
    "enter, 0, BOXES",
    "start, 0, BOXES",
    "stop, 0, BOXES",
    "rm, 0, BOXES",
    "rm, 5, BOXES",
    "create, 0, TEXT",
    "image build, 0, DISTROS",
    "completion, 0, CHOICES",
  })
  void argumentsAreRecognisedByTheirLabel(String key, int index, Kind kind) {
    assertThat(
            command(key).arguments().stream()
                .filter(a -> a.from() <= index && index <= a.to())
                .findFirst()
                .orElseThrow()
                .values()
                .kind())
        .isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @CsvSource({
    "install, --box, BOXES",
    "packages, --box, BOXES",
    "install, --distro, DISTROS",
    "create, --distro, DISTROS",
    "create, --home, DIRECTORIES",
    "create, --volume, FILES",
    "create, --image, TEXT",
    "'', --engine, CHOICES",
    "run, --engine, CHOICES",
  })
  void optionValuesAreRecognisedByTheirLabel(String key, String option, Kind kind) {
    assertThat(command(key).option(option).values().kind()).isEqualTo(kind);
  }

  @Test
  void flagsTakeNoValueAndRepeatableOptionsSaySo() {
    assertThat(command("rm").option("--force").takesValue()).isFalse();
    assertThat(command("rm").option("-f").names()).containsExactly("-f", "--force");
    assertThat(command("create").option("--volume").repeatable()).isTrue();
    assertThat(command("").option("--engine").values().choices())
        .containsExactly("podman", "docker");
  }

  @Test
  void globalOptionsWorkOnEveryCommandAndRunStopsAtItsBox() {
    for (Command c : ROOT.tree()) {
      assertThat(c.option("--json")).as(c.key()).isNotNull();
      assertThat(c.option("--help")).as(c.key()).isNotNull();
    }
    assertThat(command("run").stopsAtArgument()).isTrue();
    assertThat(command("enter").stopsAtArgument()).isFalse();
  }

  @Test
  void descriptionsFillInTheirChoices() {
    assertThat(command("completion").arguments().get(0).description())
        .isEqualTo("The shell: bash, zsh, fish.");
    assertThat(ZshCompletion.sentence("Distro profile (default: debian). More: here."))
        .isEqualTo("Distro profile (default: debian)");
    assertThat(ZshCompletion.sentence("List the boxes: name, distro.")).isEqualTo("List the boxes");
    assertThat(List.of(ZshCompletion.sentence("Start a stopped box.")))
        .containsExactly("Start a stopped box");
  }
}
