package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * `appbox completion`: the scripts in real bash, zsh and fish, with the built appbox on PATH as an
 * installed one would be, naming a box that exists on rootful Podman.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionTest {
  private Sandbox s;
  private String box;

  @BeforeAll
  void createABoxAndPutAppboxOnPath() {
    s = Sandbox.on(Engine.ROOTFUL_PODMAN);
    box = s.newBox();
    CommandResult created = s.appbox("create", box);
    assertThat(created).succeeded();
    // What install.sh does: the command in ~/.local/bin, which is on the sandbox's PATH.
    s.write(".local/bin/appbox", "#!/bin/sh\nexec '" + TestEnvironment.appbox() + "' \"$@\"\n");
    s.host("chmod", "755", s.home().resolve(".local/bin/appbox").toString());
    for (String shell : List.of("bash", "zsh", "fish")) {
      CommandResult script = s.host("appbox", "completion", shell);
      assertThat(script).succeeded();
      assertThat(script.stderr()).isEmpty();
      s.write("appbox." + shell, script.stdout());
    }
  }

  @AfterAll
  void removeTheBox() {
    if (s != null) {
      s.close();
    }
  }

  /** What bash offers for a command line with the cursor at its end, as bash calls the function. */
  private List<String> bash(String line) {
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
    CommandResult r =
        s.host("bash", "-c", driver, "driver", s.home().resolve("appbox.bash").toString(), line);
    assertThat(r).succeeded();
    assertThat(r.stderr()).as(r.toString()).isEmpty();
    return r.stdout().lines().filter(l -> !l.isEmpty()).toList();
  }

  @Test
  void bashCompletesCommandsAndOptions() {
    assertThat(bash("appbox "))
        .contains("create", "run", "enter", "rm", "install", "image", "completion")
        .doesNotContain("__candidates");
    assertThat(bash("appbox ru")).containsExactly("run");
    assertThat(bash("appbox rm --f")).containsExactly("--force");
    assertThat(bash("appbox completion ")).containsExactly("bash", "zsh", "fish");
    assertThat(bash("appbox image build ")).contains("debian", "fedora", "arch");
    assertThat(bash("appbox host-command ")).containsExactly("add", "list", "remove");
    assertThat(bash("appbox create --no-h")).containsExactly("--no-host-open");
    assertThat(bash("appbox create --ini")).containsExactly("--init");
  }

  @Test
  void bashCompletesTheNamesOfExistingBoxesWhereABoxGoes() {
    assertThat(bash("appbox run ")).contains(box);
    assertThat(bash("appbox enter " + box.substring(0, 6))).contains(box);
    assertThat(bash("appbox rm ")).contains(box);
    assertThat(bash("appbox stop ")).contains(box);
    assertThat(bash("appbox packages --box ")).contains(box);
    assertThat(bash("appbox host-command add ")).contains(box);
    assertThat(bash("appbox host-command list ")).contains(box);
    assertThat(bash("appbox install --box=" + box.substring(0, 6))).contains("--box=" + box);
    assertThat(bash("appbox --engine podman start ")).contains(box);
    assertThat(bash("appbox run " + box + " ")).as("the command in the box is its own").isEmpty();
    assertThat(bash("appbox create ")).as("a new box has no name yet").isEmpty();
  }

  @Test
  void bashOffersNoBoxOfAnotherEngine() {
    assertThat(bash("appbox --engine docker rm ")).doesNotContain(box);
  }

  @Test
  void fishCompletesCommandsAndBoxNames() {
    CommandResult parsed =
        s.host("fish", "--no-execute", s.home().resolve("appbox.fish").toString());
    assertThat(parsed).succeeded();
    assertThat(fish("appbox ru")).containsExactly("run");
    assertThat(fish("appbox run ")).contains(box);
    assertThat(fish("appbox rm " + box.substring(0, 6))).contains(box);
    assertThat(fish("appbox packages --box ")).contains(box);
    assertThat(fish("appbox create --distro ")).contains("debian");
    assertThat(fish("appbox run --ephemeral --distro ")).contains("debian", "fedora");
    assertThat(fish("appbox enter --eph")).containsExactly("--ephemeral");
  }

  private List<String> fish(String line) {
    CommandResult r =
        s.host(
            "fish",
            "--no-config",
            "-c",
            "source $argv[1]; complete -C $argv[2]",
            s.home().resolve("appbox.fish").toString(),
            line);
    assertThat(r).succeeded();
    return r.stdout().lines().map(l -> l.split("\t", 2)[0]).toList();
  }

  @Test
  void zshCompletesCommandsAndBoxNamesInATerminal() throws Exception {
    CommandResult parsed = s.host("zsh", "-n", s.home().resolve("appbox.zsh").toString());
    assertThat(parsed).succeeded();
    s.write(
        "zsh/.zshrc",
        "PS1='zsh%% '\nautoload -Uz compinit && compinit -u\nsource "
            + s.home().resolve("appbox.zsh")
            + "\n");
    String socket = s.home().resolve(".tmux-completion").toString();
    CommandResult started =
        s.host(
            "tmux",
            "-S",
            socket,
            "new-session",
            "-d",
            "-s",
            "zsh",
            "-x",
            "160",
            "-y",
            "40",
            "env ZDOTDIR=" + s.home().resolve("zsh") + " zsh -i");
    assertThat(started).succeeded();
    try {
      waitFor(socket, "zsh% $");
      typeAndTab(socket, "appbox ru");
      waitFor(socket, "zsh% appbox run $");
      typeAndTab(socket, box.substring(0, 6));
      waitFor(socket, "zsh% appbox run " + Pattern.quote(box) + " $");
      s.host("tmux", "-S", socket, "send-keys", "-t", "zsh", "C-u");
      typeAndTab(socket, "appbox packages --box " + box.substring(0, 6));
      waitFor(socket, "zsh% appbox packages --box " + Pattern.quote(box) + " $");
    } finally {
      s.host("tmux", "-S", socket, "kill-server");
    }
  }

  private void typeAndTab(String socket, String text) {
    s.host("tmux", "-S", socket, "send-keys", "-t", "zsh", "-l", text);
    s.host("tmux", "-S", socket, "send-keys", "-t", "zsh", "Tab");
  }

  private void waitFor(String socket, String regex) throws InterruptedException {
    Pattern p = Pattern.compile(regex, Pattern.MULTILINE);
    long deadline = System.currentTimeMillis() + 30_000;
    String screen = "";
    while (System.currentTimeMillis() < deadline) {
      screen = s.host("tmux", "-S", socket, "capture-pane", "-p", "-t", "zsh").stdout();
      List<String> lines =
          new ArrayList<>(screen.lines().map(l -> l.stripTrailing() + " ").toList());
      if (lines.stream().anyMatch(l -> p.matcher(l).find())) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("zsh never showed /" + regex + "/; it shows:\n" + screen);
  }

  @Test
  void theScriptsComeAsJsonToo() {
    CommandResult r = s.host("appbox", "--json", "completion", "bash");
    assertThat(r.exitCode()).isZero();
    assertThat(r.stdout()).startsWith("{\"ok\":true,\"data\":{\"shell\":\"bash\",\"script\":\"");
    assertThat(r.stdout().lines()).hasSize(1);
  }

  @Test
  void theNamesComeFromOneCheapHiddenCommand() {
    CommandResult r = s.host("appbox", "completion", "__candidates", "boxes");
    assertThat(r).succeeded();
    assertThat(r.stdout().lines()).contains(box);
    assertThat(s.host("appbox", "--help").stdout()).doesNotContain("__candidates");
  }
}
