package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What runs in a box ends with it: an exported command launched the fast way (which joins the box's
 * namespaces, not the container the engine stops) is gone once `appbox stop` or `appbox rm`
 * returns.
 */
class BoxLifetimeTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aLongRunningExportedCommandEndsWhenTheBoxStopsOrIsRemoved(Engine engine) throws Exception {
    try (Sandbox s = Sandbox.on(engine)) {
      String box = s.newBox();
      assertThat(s.appbox("create", box).exitCode()).isZero();
      CommandResult exported =
          s.appbox("export", "--box", box, "--bin", "/usr/bin/sleep", "--as", "sleep-" + box);
      assertThat(exported).succeeded();
      Path launcher = s.home().resolve(".local/bin/sleep-" + box);

      for (String end : List.of("stop", "rm")) {
        String seconds = "4242." + ThreadLocalRandom.current().nextInt(100000, 999999);
        Predicate<List<String>> theSleep =
            argv ->
                argv.size() == 2 && argv.get(0).endsWith("sleep") && argv.get(1).equals(seconds);
        Process launched =
            s.startProgram(
                s.home().resolve("sleep.out"),
                s.home().resolve("sleep.err"),
                java.util.Map.of(),
                List.of(launcher.toString(), seconds));
        try {
          assertThat(HostProcesses.await(theSleep, 60))
              .as("the exported sleep runs (" + end + ")")
              .isNotEmpty();
          CommandResult r =
              end.equals("stop") ? s.appbox("stop", box) : s.appbox("rm", "--force", box);
          assertThat(r).succeeded();
          assertThat(HostProcesses.matching(theSleep))
              .as("no process of the box left after " + end)
              .isEmpty();
        } finally {
          launched.destroyForcibly();
          // What a failing run leaves is this test's own sleep.
          HostProcesses.matching(theSleep)
              .forEach(r -> ProcessHandle.of(r.pid()).ifPresent(ProcessHandle::destroyForcibly));
        }
        if (end.equals("stop")) {
          assertThat(s.appbox("start", box).exitCode()).isZero();
        }
      }
    }
  }
}
