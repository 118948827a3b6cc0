package io.appbox.runtime.attach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stopped box leaves behind is ended; nothing else is. */
class BoxProcessesTest {
  @TempDir Path dir;

  @Test
  void everyProcessInTheBoxsNamespaceAndItsDescendantsEnds() throws Exception {
    try (FakeBox box = FakeBox.start(dir, null)) {
      String mnt = box.mountNamespace();
      // Entered as nsenter does, and one that made a namespace of its own (a browser's sandbox).
      Process entered =
          new ProcessBuilder(
                  "nsenter",
                  "--target",
                  Long.toString(box.pid()),
                  "--mount",
                  "--",
                  "sh",
                  "-c",
                  "unshare --mount sleep 601 & exec sleep 602")
              .start();
      Process outside = new ProcessBuilder("sleep", "603").start();
      try {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (BoxProcesses.in(mnt).size() < 3 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(BoxProcesses.in(mnt)).hasSize(3);

        BoxProcesses.endAll(mnt, 2000);

        assertThat(BoxProcesses.in(mnt)).isEmpty();
        assertThat(entered.isAlive()).isFalse();
        assertThat(box.process.isAlive()).isFalse();
        assertThat(outside.isAlive()).as("a process outside the box").isTrue();
      } finally {
        entered.destroyForcibly();
        outside.destroyForcibly();
      }
    }
  }

  @Test
  void theHostsOwnNamespaceIsNeverABoxs() {
    String own = BoxProcessCache.mountNamespace(ProcessHandle.current().pid()).orElseThrow();
    assertThat(BoxProcesses.couldBeABox(own)).isFalse();
    assertThat(BoxProcesses.in(own)).isEmpty();
    BoxProcesses.endAll(own, 0);
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }
}
