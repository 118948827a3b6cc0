package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enter script, run by a real sh: it refuses a stale cache without running anything. */
class AppboxEnterScriptTest {
  @TempDir Path dir;

  private Process run(Path cache, String... command) throws IOException {
    Path script = dir.resolve("appbox-enter");
    try (var in = NamespaceEntry.class.getResourceAsStream("appbox-enter")) {
      Files.write(script, in.readAllBytes());
    }
    List<String> argv = new ArrayList<>(List.of("sh", script.toString(), cache.toString(), "0"));
    argv.addAll(List.of(command));
    return new ProcessBuilder(argv).redirectErrorStream(true).start();
  }

  @Test
  void aMissingCacheIsNotEntered() throws Exception {
    Process p = run(dir.resolve("nothing-here"), "touch", dir.resolve("ran").toString());
    assertThat(p.waitFor()).isEqualTo(125);
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  @Test
  void aCacheWhoseProcessIsNoLongerTheBoxIsNotEntered() throws Exception {
    // This process is alive, but its mount namespace is not the one the cache names.
    Path cache = dir.resolve("cache");
    Files.writeString(
        cache,
        ProcessHandle.current().pid() + " mnt:[1] /home/ann 1 dev\n",
        StandardCharsets.UTF_8);
    Process p = run(cache, "touch", dir.resolve("ran").toString());
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("the box's process is gone");
    assertThat(p.waitFor()).isEqualTo(125);
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  @Test
  void aCacheWithGarbageIsNotEntered() throws Exception {
    Path cache = dir.resolve("cache");
    Files.writeString(
        cache, "$(touch " + dir.resolve("ran") + ") x y 1 dev\n", StandardCharsets.UTF_8);
    Process p = run(cache, "true");
    assertThat(p.waitFor()).isEqualTo(125);
    assertThat(dir.resolve("ran")).doesNotExist();
  }
}
