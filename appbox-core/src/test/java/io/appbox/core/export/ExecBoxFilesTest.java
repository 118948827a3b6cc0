package io.appbox.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.BoxName;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.FakeEngine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Icons are found and read in one command in the box, desktop files read ahead in one; what those
 * commands did not read is read on its own. The scripts run here in a real shell.
 */
class ExecBoxFilesTest {
  private static final ContainerState BOX =
      new ContainerState(BoxName.of("dev"), "id", "image", true, "running", 1, Map.of());

  @TempDir Path dir;

  private final FakeEngine engine = new FakeEngine();

  @Test
  void theFindReadsTheIconsItFindsUpToTheLimitOfEach() throws Exception {
    Path icons = Files.createDirectories(dir.resolve("hicolor/48x48/apps"));
    Files.write(icons.resolve("htop.png"), new byte[] {1, 0, 2, '\n', 3});
    Path small = Files.createDirectories(dir.resolve("hicolor/16x16/apps"));
    Files.write(small.resolve("htop.png"), new byte[] {7, 0});
    Files.writeString(dir.resolve("htop.svg"), "<svg/>");
    Files.writeString(dir.resolve("other.png"), "no");
    Files.createSymbolicLink(dir.resolve("htop.xpm"), dir.resolve("gone.xpm"));
    // The box's directories are the test's; the rest of the command is as it runs in the box.
    String script =
        ExecBoxFiles.FIND_AND_READ_ICONS.replace(
            "/usr/share/icons /usr/local/share/icons /usr/share/pixmaps", dir.toString());
    byte[] out = sh(script, "appbox-find", "htop", "4", "100", FilesRead.SCRIPT);

    FilesRead read = FilesRead.parse(out, 4).orElseThrow();

    assertThat(read.paths())
        .containsExactlyInAnyOrder(
            icons.resolve("htop.png").toString(),
            small.resolve("htop.png").toString(),
            dir.resolve("htop.svg").toString(),
            dir.resolve("htop.xpm").toString());
    assertThat(read.contents().get(icons.resolve("htop.png").toString()))
        .containsExactly(1, 0, 2, '\n');
    assertThat(read.contents().get(small.resolve("htop.png").toString())).containsExactly(7, 0);
    assertThat(read.read(small.resolve("htop.png").toString(), 100)).contains(new byte[] {7, 0});
    assertThat(read.contents().get(dir.resolve("htop.svg").toString()))
        .isEqualTo("<svg".getBytes(StandardCharsets.UTF_8));
    assertThat(read.contents()).doesNotContainKey(dir.resolve("htop.xpm").toString());
  }

  @Test
  void theReadStopsReadingOnceTheTotalIsSpentAndNamesTheRest() throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "aaaa");
    Path b = Files.writeString(dir.resolve("b"), "bbbb");
    Path missing = dir.resolve("missing");

    byte[] out =
        sh(
            FilesRead.SCRIPT,
            "appbox-read",
            "10",
            "5",
            a.toString(),
            missing.toString(),
            b.toString());
    FilesRead read = FilesRead.parse(out, 10).orElseThrow();

    assertThat(read.paths())
        .containsExactlyInAnyOrder(a.toString(), missing.toString(), b.toString());
    assertThat(read.contents()).containsOnlyKeys(a.toString());
    assertThat(read.read(a.toString(), 100)).contains("aaaa".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutStatTheSizesComeFromWc() throws Exception {
    Path a = Files.writeString(dir.resolve("a b"), "aaaa");
    Path big = Files.writeString(dir.resolve("big"), "0123456789abc");
    Path missing = dir.resolve("missing");

    byte[] out =
        sh(
            FilesRead.SCRIPT.replace("/usr/bin/stat", dir.resolve("no-stat").toString()),
            "appbox-read",
            "10",
            "100",
            big.toString(),
            missing.toString(),
            a.toString());
    FilesRead read = FilesRead.parse(out, 10).orElseThrow();

    assertThat(read.contents()).containsOnlyKeys(a.toString(), big.toString());
    assertThat(read.read(a.toString(), 100)).contains("aaaa".getBytes(StandardCharsets.UTF_8));
    assertThat(read.read(big.toString(), 3)).contains("0123".getBytes(StandardCharsets.UTF_8));
    assertThat(read.read(big.toString(), 100)).isEmpty();
  }

  @Test
  void eachBatchOfTheFindIsABlockOfItsOwn() {
    byte[] out =
        "/i/a.png\u00002\u0000\u0000ab/i/b.png\u00001\u0000/i/c.png\u0000-\u0000\u0000b"
            .getBytes(StandardCharsets.UTF_8);

    FilesRead read = FilesRead.parse(out, 10).orElseThrow();

    assertThat(read.paths()).containsExactly("/i/a.png", "/i/b.png", "/i/c.png");
    assertThat(read.read("/i/a.png", 10)).contains("ab".getBytes(StandardCharsets.UTF_8));
    assertThat(read.read("/i/b.png", 10)).contains("b".getBytes(StandardCharsets.UTF_8));
    assertThat(read.read("/i/c.png", 10)).isEmpty();
  }

  @Test
  void aReadOfAFoundIconRunsNoCommandAndOneNotReadRunsHead() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("/usr/share/icons/a.png\0003\0".getBytes(StandardCharsets.UTF_8));
    out.writeBytes("/usr/share/icons/b.png\0-\0\0PNG".getBytes(StandardCharsets.UTF_8));
    List<String> ran = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          ran.add(r.argv().get(0));
          return r.argv().get(0).equals("/bin/sh")
              ? new ExecResult(0, out.toByteArray(), "")
              : ExecResult.of(0, "B", "");
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    assertThat(files.find("a")).containsExactly("/usr/share/icons/a.png", "/usr/share/icons/b.png");
    assertThat(files.read("/usr/share/icons/a.png", 1 << 20)).isEqualTo("PNG".getBytes());
    assertThat(files.read("/usr/share/icons/a.png", 1)).isEqualTo("PN".getBytes());
    assertThat(ran).containsExactly("/bin/sh");
    assertThat(files.read("/usr/share/icons/b.png", 1 << 20)).isEqualTo("B".getBytes());
    assertThat(ran).containsExactly("/bin/sh", "/usr/bin/head");
  }

  @Test
  void aFileReadOnlyInPartIsReadAgainWhenMoreIsAsked() {
    List<List<String>> ran = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          ran.add(r.argv());
          return r.argv().get(0).equals("/bin/sh")
              ? new ExecResult(0, "/d/a.desktop\0003\0\0abc".getBytes(StandardCharsets.UTF_8), "")
              : ExecResult.of(0, "abcdef", "");
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    files.readAhead(List.of("/d/a.desktop"), 2); // three bytes: the file may be longer
    assertThat(files.read("/d/a.desktop", 1)).isEqualTo("ab".getBytes());
    assertThat(ran).hasSize(1);
    assertThat(files.read("/d/a.desktop", 10)).isEqualTo("abcdef".getBytes());
    assertThat(ran).hasSize(2);
    assertThat(ran.get(0).subList(3, 6)).containsExactly("appbox-read", "3", "16777216");
  }

  @Test
  void aFindRunAheadIsNotRunAgainAndWhatWasReadIsNotReadAgain() {
    List<List<String>> ran = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          ran.add(r.argv());
          return r.argv().get(3).equals("appbox-find")
              ? new ExecResult(
                  0,
                  "/usr/share/icons/a.png\u00003\u0000\u0000PNG".getBytes(StandardCharsets.UTF_8),
                  "")
              : new ExecResult(
                  0,
                  "/d/a.desktop\u00001\u0000/d/b.desktop\u0000-\u0000\u0000A"
                      .getBytes(StandardCharsets.UTF_8),
                  "");
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    files.findAhead("a");
    files.readAhead(List.of("/d/a.desktop", "/d/b.desktop"), 10);
    assertThat(ran).hasSize(2);

    assertThat(files.find("a")).containsExactly("/usr/share/icons/a.png");
    assertThat(files.read("/usr/share/icons/a.png", 10)).isEqualTo("PNG".getBytes());
    files.readAhead(List.of("/d/a.desktop", "/d/c.desktop"), 10);
    assertThat(ran).hasSize(3);
    assertThat(ran.get(2).subList(6, ran.get(2).size())).containsExactly("/d/c.desktop");
    assertThat(files.read("/d/a.desktop", 10)).isEqualTo("A".getBytes());
    assertThat(ran).hasSize(3);
  }

  @Test
  void recordsThatDoNotAddUpFallBackToThePlainFind() {
    List<String> scripts = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          scripts.add(r.argv().get(2));
          return r.argv().get(2).equals(ExecBoxFiles.FIND_ICONS)
              ? ExecResult.of(0, "/usr/share/icons/a.png\n", "")
              : ExecResult.of(0, "/usr/share/icons/a.png\u00009\u0000\u0000PNG", "");
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    assertThat(files.find("a")).containsExactly("/usr/share/icons/a.png");
    assertThat(scripts).containsExactly(ExecBoxFiles.FIND_AND_READ_ICONS, ExecBoxFiles.FIND_ICONS);
  }

  @Test
  void aCommandThenTheGuessedEntryAndIconsRunInOneShell() throws Exception {
    Path entry = Files.writeString(dir.resolve("htop.desktop"), "[Desktop Entry]\nName=htop\n");
    Path icons = Files.createDirectories(dir.resolve("hicolor/48x48/apps"));
    Files.write(icons.resolve("htop.png"), new byte[] {1, 0, 2});
    List<List<String>> ran = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          ran.add(r.argv());
          List<String> argv = new ArrayList<>(r.argv());
          // The box's directories are the test's; the rest of the command is as it runs in the box.
          argv.set(
              2,
              argv.get(2)
                  .replace(
                      "/usr/share/icons /usr/local/share/icons /usr/share/pixmaps",
                      dir.toString()));
          try {
            Process p = new ProcessBuilder(argv).start();
            byte[] out = p.getInputStream().readAllBytes();
            return new ExecResult(p.waitFor(), out, "");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    ExecResult listed =
        files.runThenRead(
            List.of("/bin/sh", "-c", "printf '/usr/bin/htop\\n%s\\n' \"$1\"; exit 3", "ls", "a b"),
            Map.of("LANG", "C.UTF-8"),
            entry.toString(),
            1 << 20,
            "htop");

    assertThat(listed.exitCode()).isEqualTo(3);
    assertThat(listed.stdout()).isEqualTo("/usr/bin/htop\na b\n");
    assertThat(files.read(entry.toString(), 1 << 20))
        .isEqualTo("[Desktop Entry]\nName=htop\n".getBytes(StandardCharsets.UTF_8));
    assertThat(files.find("htop")).containsExactly(icons.resolve("htop.png").toString());
    assertThat(files.read(icons.resolve("htop.png").toString(), 1 << 20)).containsExactly(1, 0, 2);
    assertThat(ran).hasSize(1);
    assertThat(ran.get(0).subList(3, 5)).containsExactly("appbox-run-read", entry.toString());
  }

  @Test
  void aCommandWhoseOutputDoesNotAddUpRunsAgainOnItsOwnAndNothingIsKept() {
    List<List<String>> ran = new ArrayList<>();
    engine.onExec =
        (box, r) -> {
          ran.add(r.argv());
          return r.argv().size() > 3 && r.argv().get(3).equals("appbox-run-read")
              ? ExecResult.of(0, "a\u0000b\u0000/d/x.desktop\u00009\u0000\u0000X", "")
              : ExecResult.of(0, "/usr/bin/x\n", "");
        };
    ExecBoxFiles files = new ExecBoxFiles(engine, BOX, "1000:1000");

    ExecResult listed =
        files.runThenRead(List.of("rpm", "-ql", "x"), Map.of(), "/d/x.desktop", 100, "x");

    assertThat(listed.stdout()).isEqualTo("/usr/bin/x\n");
    assertThat(ran).hasSize(2);
    assertThat(ran.get(1)).containsExactly("rpm", "-ql", "x");
    files.readAhead(List.of("/d/x.desktop"), 100);
    assertThat(ran).hasSize(3);
  }

  private static byte[] sh(String script, String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
