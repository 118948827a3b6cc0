package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.cli.CompletionCommand.Shell;
import io.appbox.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The completion scripts. The bash one runs in a real bash against a stand-in {@code appbox} that
 * prints box and distro names; the zsh and fish ones are checked for the rules they must contain
 * (the end-to-end CompletionTest runs all three shells).
 */
class CompletionScriptsTest {
  @TempDir static Path dir;
  static Path script;
  static Path calls;

  @BeforeAll
  static void writeScriptAndStandIn() throws IOException {
    script = dir.resolve("appbox.bash");
    Files.writeString(script, CompletionCommand.script(Shell.bash));
    calls = dir.resolve("calls");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path appbox = bin.resolve("appbox");
    Files.writeString(
        appbox,
        """
        #!/bin/sh
        echo "$@" >> "%s"
        case "$*" in
          *"__candidates boxes") printf '%%s\\n' dev web 'x$(touch %s)' 'y`touch %2$s`' ;;
          *"__candidates distros") printf '%%s\\n' debian fedora ;;
          *) exit 1 ;;
        esac
        """
            .formatted(calls, dir.resolve("evaluated")));
    Files.setPosixFilePermissions(appbox, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** What bash offers for a command line, the cursor at its end, as bash would call us. */
  static List<String> complete(String line) throws IOException, InterruptedException {
    String driver =
        """
        source "$1"
        read -ra COMP_WORDS <<< "$2"
        [[ $2 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE=$2
        COMP_POINT=${#2}
        _appbox appbox "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """;
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", driver, "driver", script.toString(), line)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("bash exit for %s", line).isZero();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "appbox ru| run",
        "appbox ima| image",
        "appbox image | build",
        "appbox run d| dev",
        "appbox --engine docker stop w| web",
        "appbox packages --box d| dev",
        "appbox install --box=w| --box=web",
        "appbox install --distro f| fedora",
        "appbox image build d| debian",
        "appbox completion | bash zsh fish",
        "appbox --engine | podman docker",
        "appbox rm --fo| --force",
        "appbox ls --js| --json",
        "appbox create |",
        "appbox run dev |",
        "appbox run dev --|",
        "appbox create x --image |",
      })
  void bashCompletes(String line, String expected) throws Exception {
    List<String> want =
        expected == null || expected.isBlank()
            ? List.of()
            : Arrays.asList(expected.strip().split(" "));
    assertThat(complete(line)).containsExactlyElementsOf(want);
  }

  @Test
  void bashOffersEveryCommandButNoHiddenOne() throws Exception {
    assertThat(complete("appbox "))
        .containsAll(Commands.all().keySet())
        .doesNotContain("__candidates", "ls");
  }

  @Test
  void bashOffersBoxNamesAsTheyAreAndNeverRunsThem() throws Exception {
    assertThat(complete("appbox rm "))
        .contains("dev", "web", "x$(touch " + dir.resolve("evaluated") + ")");
    assertThat(complete("appbox enter y"))
        .containsExactly("y`touch " + dir.resolve("evaluated") + "`");
    assertThat(dir.resolve("evaluated")).doesNotExist();
  }

  @Test
  void bashAsksTheEngineTheCommandLineNames() throws Exception {
    Files.deleteIfExists(calls);
    complete("appbox --engine docker start ");
    complete("appbox start --engine=podman ");
    complete("appbox start ");
    assertThat(Files.readAllLines(calls))
        .containsExactly(
            "--engine docker completion __candidates boxes",
            "--engine podman completion __candidates boxes",
            "completion __candidates boxes");
  }

  @Test
  void zshScriptUsesArgumentsWithBoxNamesWhereABoxGoes() {
    String zsh = CompletionCommand.script(Shell.zsh);
    assertThat(zsh)
        .startsWith("#compdef appbox\n")
        .contains("compdef _appbox appbox")
        .contains("_appbox_command_run() {\n  _arguments -s -S -A '-*'")
        .contains("'1:BOX:_appbox_boxes'")
        .contains("'*--volume=[Share a host path with the box]:SRC\\:DST\\[\\:ro\\]:_files'")
        .contains("'--engine=[Use this engine]:ENGINE:(podman docker)'")
        .contains("list|ls) _appbox_command_list")
        .contains("'--distro=[Distro profile (default\\: debian)]:DISTRO:_appbox_distros'")
        .doesNotContain("__candidates boxes\n");
    assertThat(functionBody(zsh, "_appbox_command_create")).contains("'1:BOX: '");
  }

  @Test
  void fishScriptGuardsEachRuleByTheCommandPath() {
    String fish = CompletionCommand.script(Shell.fish);
    assertThat(fish)
        .contains("complete -c appbox -f\n")
        .contains(
            "complete -c appbox -n '__appbox_argument_of run 0 0' -a '(__appbox_candidates boxes)'")
        .contains(
            "complete -c appbox -n '__appbox_argument_of rm 0 -1' -a '(__appbox_candidates boxes)'")
        .contains(
            "complete -c appbox -n '__appbox_options_of packages' -l box -x -a '(__appbox_candidates"
                + " boxes)'")
        .contains("complete -c appbox -n '__appbox_subcommand_of image' -a build")
        .contains("case /list /ls\n            echo list")
        .contains("complete -c appbox -n '__appbox_options_of create' -l volume -r -F");
  }

  @Test
  void completionCommandPrintsTheScriptOrOneJsonDocument() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = run(out, "completion", "fish");
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(CompletionCommand.script(Shell.fish));

    out.reset();
    assertThat(run(out, "--json", "completion", "BASH")).isZero();
    Map<String, Object> doc = Json.parseObject(out.toString(StandardCharsets.UTF_8));
    assertThat(doc).containsEntry("ok", true);
    assertThat(doc.get("data"))
        .isEqualTo(Map.of("shell", "bash", "script", CompletionCommand.script(Shell.bash)));

    out.reset();
    assertThat(run(out, "completion", "tcsh")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void candidatesOfDistrosNeedNoEngineAndOnlyTheCompletionCommandIsBuilt() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(run(out, "completion", "__candidates", "distros")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).contains("debian", "fedora");
    assertThat(Commands.invoked(new String[] {"--engine", "docker", "completion", "__candidates"}))
        .isEqualTo("completion");
  }

  private static int run(ByteArrayOutputStream out, String... args) {
    Map<String, String> env = Map.of("HOME", dir.toString(), "XDG_CONFIG_HOME", dir.toString());
    return Main.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static String functionBody(String script, String name) {
    int start = script.indexOf(name + "() {");
    return script.substring(start, script.indexOf("\n}\n", start));
  }
}
