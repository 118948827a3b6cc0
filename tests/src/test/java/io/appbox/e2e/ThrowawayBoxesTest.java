package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `appbox run --ephemeral` and `enter --ephemeral`: a box made for one command and gone when it
 * ends, however it ends (the command's own end, SIGTERM, kill -9 of appbox): no container, no new
 * image, no export, no line in the process cache.
 */
class ThrowawayBoxesTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theCommandRunsInANewBoxThatIsGoneWhenItEnds(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      List<String> imagesBefore = images(s);
      CommandResult r =
          s.appbox(
              "run",
              "--ephemeral",
              "--",
              "sh",
              "-c",
              "grep -h '^ID=' /etc/os-release; echo \"box=$APPBOX_BOX\"; id -un; exit 7");

      assertThat(r).exitedWith(7);
      assertThat(r.stdout()).contains("ID=debian").contains("box=ephemeral-");
      assertThat(r.stdout().lines().toList()).contains(s.user());
      assertThat(throwaways(s)).as("no throwaway container is left").isEmpty();
      assertThat(images(s)).as("no image of a throwaway box").isEqualTo(imagesBefore).isEmpty();
      assertNothingExportedOrCached(s);

      CommandResult shell =
          s.appboxWithInput("echo in-$APPBOX_BOX; exit 3\n".getBytes(), "enter", "--ephemeral");
      assertThat(shell).exitedWith(3);
      assertThat(shell.stdout()).contains("in-ephemeral-");
      assertThat(throwaways(s)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "KILL"})
  void aStoppedOrKilledAppboxLeavesNoBoxAndNoCommandBehind(String signal) throws Exception {
    try (Sandbox s = Sandbox.on(Engine.ROOTLESS_PODMAN)) {
      String seconds = "4243." + ThreadLocalRandom.current().nextInt(100000, 999999);
      Predicate<List<String>> theSleep =
          argv -> argv.size() == 2 && argv.get(0).endsWith("sleep") && argv.get(1).equals(seconds);
      Process appbox =
          s.start(
              s.home().resolve("run.out"),
              s.home().resolve("run.err"),
              "run",
              "--ephemeral",
              "--",
              "sleep",
              seconds);
      try {
        assertThat(HostProcesses.await(theSleep, 180))
            .as("the command runs in the throwaway box: " + read(s.home().resolve("run.err")))
            .isNotEmpty();
        assertThat(throwaways(s)).hasSize(1);

        Commands.check(List.of("kill", "-" + signal, Long.toString(Sandbox.javaOf(appbox).pid())));

        assertThat(awaitNoThrowaway(s, 60)).as("the box is gone after kill -" + signal).isTrue();
        assertThat(awaitGone(theSleep, 30)).as("the command in the box ended with it").isTrue();
        // The next appbox command forgets what the killed one remembered of its box.
        assertThat(s.appbox("list")).succeeded();
        assertNothingExportedOrCached(s);
      } finally {
        appbox.destroyForcibly();
        HostProcesses.matching(theSleep)
            .forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBoxIsNamedOrThrownAwayNotBoth(Engine engine) {
    try (Sandbox s = Sandbox.on(engine)) {
      CommandResult both = s.appbox("run", "--ephemeral", "--box", "dev", "--", "true");
      assertThat(both).exitedWith(2);
      assertThat(both.stderr()).contains("--ephemeral makes its own box");
      CommandResult boxFirst = s.appbox("run", "dev", "--ephemeral", "--", "true");
      assertThat(boxFirst).exitedWith(2);
      assertThat(boxFirst.stderr()).contains("--ephemeral makes its own box");
      CommandResult distroAlone = s.appbox("enter", "dev", "--distro", "fedora");
      assertThat(distroAlone).exitedWith(2);
      assertThat(distroAlone.stderr()).contains("goes with --ephemeral");
      assertThat(throwaways(s)).isEmpty();
    }
  }

  private static List<String> throwaways(Sandbox s) {
    return s.containerNames().stream().filter(n -> n.startsWith("ephemeral-")).toList();
  }

  /** The images named after a throwaway box (other tests share the engine's image store). */
  private static List<String> images(Sandbox s) {
    CommandResult r = s.engineCli("images", "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(r).succeeded();
    return r.stdout().lines().filter(n -> n.contains("ephemeral-")).toList();
  }

  private static boolean awaitNoThrowaway(Sandbox s, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!throwaways(s).isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  private static boolean awaitGone(Predicate<List<String>> process, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!HostProcesses.matching(process).isEmpty()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(200);
    }
    return true;
  }

  /** No export from a throwaway box, and no line for one in the process cache. */
  private static void assertNothingExportedOrCached(Sandbox s) throws IOException {
    for (String dir : List.of(".local/share/applications", ".local/bin")) {
      Path d = s.home().resolve(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> files = Files.list(d)) {
          assertThat(files.map(Path::toString)).as(dir).noneMatch(n -> n.contains("ephemeral-"));
        }
      }
    }
    Path cache = Path.of(s.runtimeDir(), "appbox", "boxes");
    if (Files.isDirectory(cache)) {
      try (Stream<Path> files = Files.walk(cache)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("process cache")
            .noneMatch(n -> n.startsWith("ephemeral-"));
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
