package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The man pages of the distribution: man renders them cleanly, and install.sh makes `man` work. */
class ManPagesTest {
  private static List<Path> pages() throws IOException {
    Path dir = TestEnvironment.appbox().getParent().getParent().resolve("share/man/man1");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".1")).sorted().toList();
    }
  }

  @Test
  void everyPageRendersWithoutWarnings() throws IOException {
    List<Path> pages = pages();
    assertThat(pages.stream().map(p -> p.getFileName().toString()))
        .contains("appbox.1", "appbox-create.1", "appbox-run.1", "appbox-image-build.1")
        .contains("appbox-completion.1")
        .contains("appbox-host-command.1", "appbox-host-command-add.1")
        .contains("appbox-host-command-list.1", "appbox-host-command-remove.1");
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      for (Path page : pages) {
        CommandResult r =
            s.as(
                List.of("man", "--warnings", "-l", page.toString()),
                null,
                60,
                Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat"));
        assertThat(r).succeeded();
        assertThat(r.stderr()).as(r.toString()).isEmpty();
        assertThat(r.stdout()).contains("NAME", "SYNOPSIS", "EXAMPLES", "EXIT STATUS");
      }
    }
  }

  @Test
  void installShPutsThemWhereManFindsThem() {
    try (Sandbox s = Sandbox.on(Engine.ROOTFUL_PODMAN)) {
      // install.sh installs the distribution it sits in: a copy of the one under test.
      String dist = s.home().resolve("dist").toString();
      Path distribution = TestEnvironment.appbox().getParent().getParent();
      assertThat(s.host("cp", "-a", distribution.toString(), dist).exitCode()).isZero();
      String script = TestEnvironment.repository().resolve("scripts/install.sh").toString();
      assertThat(s.host("cp", script, dist + "/install.sh").exitCode()).isZero();
      CommandResult installed = s.host("sh", dist + "/install.sh");
      assertThat(installed).succeeded();
      assertThat(s.home().resolve(".local/share/man/man1/appbox-rm.1")).isRegularFile();

      Map<String, String> manEnv = Map.of("MANWIDTH", "80", "MANPAGER", "cat", "PAGER", "cat");
      CommandResult man = s.as(List.of("man", "appbox"), null, 60, manEnv);
      assertThat(man).succeeded();
      assertThat(man.stdout()).contains("appbox - Applications of any Linux distribution");
      CommandResult rm = s.as(List.of("man", "appbox-rm"), null, 60, manEnv);
      assertThat(rm).succeeded();
      assertThat(rm.stdout()).contains("appbox rm --force dev web");
      CommandResult create = s.as(List.of("man", "appbox-create"), null, 60, manEnv);
      assertThat(create).succeeded();
      assertThat(create.stdout()).contains("--init", "appbox create svc --init");
    }
  }
}
