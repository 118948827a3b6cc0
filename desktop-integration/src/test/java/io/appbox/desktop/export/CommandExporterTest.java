package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.AppExportRequest;
import io.appbox.core.export.CommandExportRequest;
import io.appbox.core.export.ExportOutcome;
import io.appbox.core.export.LauncherScript;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandExporterTest {
  static final BoxName DEV = BoxName.of("dev");
  static final BoxName ARCH = BoxName.of("arch");
  static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  /**
   * Stands in for a box's launcher: writes each argument followed by a NUL to stdout, copies stdin
   * to stderr, and exits with {@code $FAKE_EXIT}.
   */
  static final String FAKE_LAUNCHER =
      """
      #!/bin/sh
      printf '%s\\000' "$@"
      cat >&2
      exit "${FAKE_EXIT:-0}"
      """;

  @TempDir Path home;
  Path data;
  Path bin;
  ExportRecordFile record;
  HomeExporter exporter;
  ExportRemover remover;

  @BeforeEach
  void setUp() {
    // Every character of the data home that sh or a desktop entry would read specially.
    data = home.resolve("data home 'it''s' $HOME `id` \\ \"q\"");
    bin = home.resolve(".local/bin");
    record = ExportRecordFile.inStateHome(home.resolve(".local/state"));
    exporter = exporter();
    remover = new ExportRemover(record, ExportFiles.forDataHome(data, bin));
  }

  HomeExporter exporter() {
    return new HomeExporter(
        ExportRecordFile.inStateHome(home.resolve(".local/state")),
        ExportFiles.forDataHome(data, bin),
        new io.appbox.desktop.icon.HostIconThemes(List.of()),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static LauncherScript launcher(BoxName box) {
    return new LauncherScript("podman/" + box, FAKE_LAUNCHER.getBytes(StandardCharsets.UTF_8));
  }

  static CommandExportRequest command(BoxName box, String name, String source) {
    return new CommandExportRequest(box, "podman", name, "htop", source, launcher(box));
  }

  Path launcherFile(BoxName box) {
    return data.resolve("appbox/launchers/podman").resolve(box.value());
  }

  static void assertCode(ErrorCode code, Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(AppboxException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  /** What a process printed and returned. */
  record Run(byte[] stdout, byte[] stderr, int exit) {
    List<String> arguments() {
      String out = new String(stdout, StandardCharsets.UTF_8);
      assertThat(out).endsWith("\0");
      return Arrays.asList(out.substring(0, out.length() - 1).split("\0", -1));
    }
  }

  /**
   * Runs the exported command with {@code sh}, as the kernel would through its first line, in the
   * temporary home, where a command smuggled into the script would leave {@code pwned}.
   */
  Run run(Path command, List<String> args, byte[] stdin, int exit) throws Exception {
    List<String> argv = new ArrayList<>(List.of("sh", command.toString()));
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv).directory(home.toFile());
    pb.environment().put("FAKE_EXIT", Integer.toString(exit));
    Path err = Files.createTempFile("stderr", ".txt");
    pb.redirectError(err.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return fail("sh could not be started: " + e.getMessage());
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the command ends").isTrue();
    byte[] stderr = Files.readAllBytes(err);
    Files.delete(err);
    return new Run(out.toByteArray(), stderr, p.exitValue());
  }

  @Nested
  class Valid {
    @Test
    void writesTheCommandAndTheLauncherAndRecordsBoth() throws Exception {
      ExportOutcome outcome = exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));

      Path htop = bin.resolve("htop");
      Export export = outcome.export();
      assertThat(export.kind()).isEqualTo(ExportKind.BIN);
      assertThat(export.name()).isEqualTo("htop");
      assertThat(export.source()).isEqualTo("/usr/bin/htop");
      assertThat(export.pkg()).isEqualTo("htop");
      assertThat(export.created()).isEqualTo(NOW);
      assertThat(export.files()).containsExactly(htop, launcherFile(DEV));
      assertThat(record.all()).containsExactly(export);
      assertThat(outcome.warnings()).isEmpty();

      assertThat(htop)
          .hasContent(
              "#!/bin/sh\n"
                  + "# appbox: /usr/bin/htop from box dev (package htop). Remove it with: appbox"
                  + " unexport --box dev --bin htop\n"
                  + "exec "
                  + CommandScript.sh(launcherFile(DEV).toString())
                  + " '/usr/bin/htop' \"$@\"");
      assertThat(launcherFile(DEV)).hasContent(FAKE_LAUNCHER.strip());
      for (Path file : List.of(htop, launcherFile(DEV))) {
        assertThat(Files.getPosixFilePermissions(file))
            .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }

    static Stream<Arguments> argumentLists() {
      return Stream.of(
          Arguments.of(List.of()),
          Arguments.of(List.of("")),
          Arguments.of(List.of("", "", "")),
          Arguments.of(List.of("one two", "  leading and trailing  ")),
          Arguments.of(List.of("it's", "\"double\"", "'", "''", "'\\''")),
          Arguments.of(List.of("$HOME", "${HOME}", "$(id)", "$1", "$@", "$*", "$#", "$")),
          Arguments.of(List.of("`id`", "`", "\\", "\\\\", "a\\nb", "\\'")),
          Arguments.of(List.of("line\nbreak", "\n", "\r\n", "tab\there", "\u001b[31m")),
          Arguments.of(List.of("*", "?", "[a]", "~", "~/x", "a;b", "a|b", "a&b", "<x>", "#")),
          Arguments.of(List.of("-", "--", "-e", "-n", "--help", "%U", "%%")));
    }

    @ParameterizedTest
    @MethodSource("argumentLists")
    void passesArgumentsThroughByteForByte(List<String> args) throws Exception {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      Run run = run(bin.resolve("htop"), args, new byte[0], 0);
      List<String> expected = new ArrayList<>(List.of("/usr/bin/htop"));
      expected.addAll(args);
      assertThat(run.arguments()).containsExactlyElementsOf(expected);
      assertThat(run.exit()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 42, 126, 127, 255})
    void returnsTheExitCodeAndPassesStdinThrough(int code) throws Exception {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      byte[] input = "stdin line\n\0binary \u00ff\n".getBytes(StandardCharsets.UTF_8);
      Run run = run(bin.resolve("htop"), List.of("x"), input, code);
      assertThat(run.exit()).isEqualTo(code);
      assertThat(run.stderr()).isEqualTo(input);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/usr/bin/it's",
          "/opt/my app/bin/run",
          "/usr/bin/$(touch pwned)",
          "/usr/bin/`touch pwned`",
          "/usr/bin/a\\b",
          "/usr/bin/\"q\"",
          "/usr/bin/..hidden",
          "/usr/bin/x;touch pwned",
          "/opt/ünïcödé ✓/日本語"
        })
    void bakesTheSourcePathInQuoted(String source) throws Exception {
      exporter.exportCommand(command(DEV, "tool", source));
      Run run = run(bin.resolve("tool"), List.of("arg"), new byte[0], 0);
      assertThat(run.arguments()).containsExactly(source, "arg");
      assertThat(home.resolve("pwned")).doesNotExist();
    }

    @Test
    void keepsTheCommentToOneLineWhateverThePackageIsCalled() throws Exception {
      CommandExportRequest r =
          new CommandExportRequest(
              DEV, "podman", "htop", "evil\ntouch pwned\r\u0085#", "/usr/bin/htop", launcher(DEV));
      exporter.exportCommand(r);
      List<String> lines = Files.readAllLines(bin.resolve("htop"));
      assertThat(lines).hasSize(3);
      assertThat(lines.get(1)).startsWith("# appbox: ").contains("(package evil touch pwned #)");
      run(bin.resolve("htop"), List.of(), new byte[0], 0);
      assertThat(home.resolve("pwned")).doesNotExist();
    }

    @Test
    void leavesOutThePackageWhenUnknown() throws Exception {
      exporter.exportCommand(
          new CommandExportRequest(DEV, "podman", "htop", "", "/usr/bin/htop", launcher(DEV)));
      assertThat(Files.readAllLines(bin.resolve("htop")).get(1))
          .isEqualTo(
              "# appbox: /usr/bin/htop from box dev. Remove it with: appbox unexport --box dev"
                  + " --bin htop");
    }

    @Test
    void filesOfAnExportKilledBeforeItsRecordWasSavedAreReplacedNotAConflict() throws Exception {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      // A kill -9 between writing the files and saving the record leaves them unrecorded.
      java.nio.file.Files.delete(home.resolve(".local/state/appbox/exports.json"));
      Export again = exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop")).export();
      assertThat(record.all()).containsExactly(again);
      assertCode(
          ErrorCode.EXPORT_CONFLICT,
          () -> exporter.exportCommand(command(BoxName.of("other"), "htop", "/usr/bin/htop")));
    }

    @Test
    void aKilledExportOfACommandWithoutAPackageIsReplacedToo() throws Exception {
      exporter.exportCommand(
          new CommandExportRequest(DEV, "podman", "tool", "", "/usr/bin/tool", launcher(DEV)));
      java.nio.file.Files.delete(home.resolve(".local/state/appbox/exports.json"));
      assertThat(
              exporter
                  .exportCommand(
                      new CommandExportRequest(
                          DEV, "podman", "tool", "", "/usr/bin/tool", launcher(DEV)))
                  .export()
                  .name())
          .isEqualTo("tool");
    }

    @Test
    void reExportingTheSameNameFromTheSameBoxReplacesIt() throws Exception {
      exporter.exportCommand(command(DEV, "vi", "/usr/bin/vim"));
      Export again = exporter.exportCommand(command(DEV, "vi", "/usr/bin/nvim")).export();
      assertThat(record.all()).containsExactly(again);
      assertThat(run(bin.resolve("vi"), List.of(), new byte[0], 0).arguments())
          .containsExactly("/usr/bin/nvim");
    }

    @Test
    void rewritesTheLauncherOnlyWhenItChanged() throws Exception {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      FileTime old = FileTime.fromMillis(0);
      Files.setLastModifiedTime(launcherFile(DEV), old);

      exporter.exportCommand(command(DEV, "top", "/usr/bin/top"));
      assertThat(Files.getLastModifiedTime(launcherFile(DEV))).isEqualTo(old);

      LauncherScript newer =
          new LauncherScript("podman/dev", (FAKE_LAUNCHER + "# v2\n").getBytes());
      exporter.exportCommand(
          new CommandExportRequest(DEV, "podman", "top", "", "/usr/bin/top", newer));
      assertThat(launcherFile(DEV)).hasContent(FAKE_LAUNCHER + "# v2");
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          ".hidden",
          "-rf",
          "_x",
          "a/b",
          "..",
          "a b",
          "a\nb",
          "a$b",
          "ä",
          "a'b",
          "x2345678901234567890123456789012345678901234567890123456789012345678901234567890"
              + "123456789012345678901234567890123456789012345678901"
        })
    void refusesABadName(String name) {
      assertCode(
          ErrorCode.INVALID_INPUT,
          () -> exporter.exportCommand(command(DEV, name, "/usr/bin/htop")));
      assertThat(bin).doesNotExist();
      assertThat(data).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "htop",
          "usr/bin/htop",
          "./htop",
          "/usr/bin/../../etc/passwd",
          "/usr/bin/..",
          "/..",
          "/usr/bin/a\nb",
          "/usr/bin/a\u0000b",
          "/usr/bin/a\u007fb",
          "/usr/bin/a\u0085b",
          "/usr/bin/\ud800"
        })
    void refusesABadSource(String source) {
      assertCode(
          ErrorCode.INVALID_INPUT, () -> exporter.exportCommand(command(DEV, "tool", source)));
      assertThat(bin).doesNotExist();
      assertThat(record.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/etc/evil", "podman/../../evil", "podman/", "a\nb"})
    void refusesALauncherOutsideTheLaunchersDirectory(String relative) {
      CommandExportRequest r =
          new CommandExportRequest(
              DEV,
              "podman",
              "htop",
              "",
              "/usr/bin/htop",
              new LauncherScript(relative, FAKE_LAUNCHER.getBytes()));
      assertCode(ErrorCode.INVALID_INPUT, () -> exporter.exportCommand(r));
      assertThat(bin).doesNotExist();
    }

    @Test
    void neverReplacesAUsersCommand() throws Exception {
      Path mine = Files.createDirectories(bin).resolve("htop");
      Files.writeString(mine, "#!/bin/sh\necho mine\n");
      assertCode(
          ErrorCode.EXPORT_CONFLICT,
          () -> exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop")));
      assertThat(mine).hasContent("#!/bin/sh\necho mine");
      assertThat(launcherFile(DEV)).doesNotExist();
      assertThat(record.all()).isEmpty();
    }

    @Test
    void neverReplacesAUsersLinkOrDirectory() throws Exception {
      Files.createDirectories(bin);
      Files.createSymbolicLink(bin.resolve("htop"), home.resolve("real-htop"));
      Files.createDirectories(bin.resolve("top"));
      assertCode(
          ErrorCode.EXPORT_CONFLICT,
          () -> exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop")));
      assertCode(
          ErrorCode.EXPORT_CONFLICT,
          () -> exporter.exportCommand(command(DEV, "top", "/usr/bin/top")));
      assertThat(Files.isSymbolicLink(bin.resolve("htop"))).isTrue();
      assertThat(home.resolve("real-htop")).doesNotExist();
      assertThat(record.all()).isEmpty();
    }

    @Test
    void neverReplacesAnotherBoxsCommand() {
      Export arch = exporter.exportCommand(command(ARCH, "htop", "/usr/bin/htop")).export();
      assertThatThrownBy(() -> exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop")))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT);
                assertThat(e.getMessage()).contains("from box arch");
                assertThat(e.hint()).contains("appbox unexport --box arch --bin htop", "--as");
              });
      assertThat(record.all()).containsExactly(arch);
      assertThat(launcherFile(DEV)).doesNotExist();
      assertThat(bin.resolve("htop")).content().contains("from box arch");
    }

    @Test
    void theSameBoxNameOnAnotherEngineIsAnotherBox() {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      CommandExportRequest docker =
          new CommandExportRequest(
              DEV,
              "docker",
              "htop",
              "",
              "/usr/bin/htop",
              new LauncherScript("docker/dev", FAKE_LAUNCHER.getBytes()));
      assertCode(ErrorCode.EXPORT_CONFLICT, () -> exporter.exportCommand(docker));
    }

    @Test
    void aLauncherNoExportRecordsIsLeftOverAndReplaced() throws Exception {
      Path stray = Files.createDirectories(launcherFile(DEV).getParent()).resolve("dev");
      Files.writeString(stray, "left over");
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      assertThat(stray).hasContent(FAKE_LAUNCHER.strip());
      assertThat(bin.resolve("htop")).exists();
      assertThat(record.all()).hasSize(1);
    }

    @Test
    void refusesALaunchersDirectoryThatIsALink() throws Exception {
      Path outside = Files.createDirectories(home.resolve("outside"));
      Path launchers = Files.createDirectories(data.resolve("appbox/launchers"));
      Files.createSymbolicLink(launchers.resolve("podman"), outside);
      assertCode(
          ErrorCode.EXPORT_CONFLICT,
          () -> exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop")));
      try (Stream<Path> listing = Files.list(outside)) {
        assertThat(listing).isEmpty();
      }
      assertThat(bin.resolve("htop")).doesNotExist();
    }
  }

  @Nested
  class Removal {
    AppExportRequest app(BoxName box) {
      return new AppExportRequest(
          box,
          "podman",
          "htop",
          "htop",
          "/usr/share/applications/htop.desktop",
          "[Desktop Entry]\nType=Application\nName=Htop\nExec=htop\n".getBytes(),
          launcher(box),
          null);
    }

    @Test
    void theLauncherStaysWhileAnExportOfTheBoxNeedsIt() {
      exporter.exportApp(app(DEV), new AppExporterTest.Box());
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      exporter.exportCommand(command(DEV, "top", "/usr/bin/top"));

      remover.remove(e -> e.kind() == ExportKind.APP);
      assertThat(launcherFile(DEV)).exists();
      assertThat(data.resolve("applications/appbox-dev-htop.desktop")).doesNotExist();

      remover.remove(e -> e.name().equals("htop"));
      assertThat(launcherFile(DEV)).exists();
      assertThat(bin.resolve("htop")).doesNotExist();
      assertThat(bin.resolve("top")).exists();

      remover.remove(e -> e.name().equals("top"));
      assertThat(launcherFile(DEV)).doesNotExist();
      assertThat(bin.resolve("top")).doesNotExist();
      assertThat(record.all()).isEmpty();
    }

    @Test
    void removingABoxsExportsKeepsTheOtherBoxsLauncher() {
      exporter.exportCommand(command(DEV, "htop", "/usr/bin/htop"));
      exporter.exportApp(app(DEV), new AppExporterTest.Box());
      Export arch = exporter.exportCommand(command(ARCH, "top", "/usr/bin/top")).export();

      assertThat(remover.removeAllFrom("podman", DEV)).hasSize(2);
      assertThat(launcherFile(DEV)).doesNotExist();
      assertThat(bin.resolve("htop")).doesNotExist();
      assertThat(launcherFile(ARCH)).exists();
      assertThat(record.all()).containsExactly(arch);
    }

    @Test
    void replacingACommandKeepsTheSharedLauncher() {
      exporter.exportCommand(command(DEV, "vi", "/usr/bin/vim"));
      exporter.exportCommand(command(DEV, "vi", "/usr/bin/nvim"));
      assertThat(launcherFile(DEV)).exists();
      remover.remove(e -> true);
      assertThat(launcherFile(DEV)).doesNotExist();
    }
  }

  @Nested
  class Concurrent {
    static final int THREADS = 12;

    <T> List<Future<T>> together(List<Callable<T>> tasks) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return task.call();
                  }));
        }
        start.countDown();
        for (Future<T> f : futures) {
          try {
            f.get(60, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            // checked by the caller
          }
        }
        return futures;
      } finally {
        pool.shutdownNow();
      }
    }

    /** Every recorded file exists; every file in the export directories is recorded. */
    void assertConsistent() throws IOException {
      Set<Path> recorded =
          record.all().stream().flatMap(e -> e.files().stream()).collect(Collectors.toSet());
      assertThat(recorded).allMatch(Files::isRegularFile);
      try (Stream<Path> files =
          Stream.concat(
              Files.exists(bin) ? Files.walk(bin) : Stream.empty(),
              Files.exists(data) ? Files.walk(data) : Stream.empty())) {
        assertThat(files.filter(Files::isRegularFile).collect(Collectors.toSet()))
            .isEqualTo(recorded);
      }
    }

    @Test
    void exportsFromManyThreadsAreAllRecorded() throws Exception {
      List<Callable<Export>> tasks = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        BoxName box = i % 2 == 0 ? DEV : ARCH;
        String name = "cmd-" + i;
        tasks.add(() -> exporter().exportCommand(command(box, name, "/usr/bin/" + name)).export());
      }
      for (Future<Export> f : together(tasks)) {
        assertThat(f.get()).isNotNull();
      }
      List<Export> all = record.all();
      assertThat(all).hasSize(THREADS);
      assertThat(all.stream().map(Export::name))
          .containsExactlyInAnyOrderElementsOf(
              Stream.iterate(0, i -> i + 1).limit(THREADS).map(i -> "cmd-" + i).toList());
      assertThat(launcherFile(DEV)).exists();
      assertThat(launcherFile(ARCH)).exists();
      assertConsistent();
    }

    @Test
    void oneBoxWinsAContestedNameAndTheOthersConflict() throws Exception {
      List<Callable<Export>> tasks = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        BoxName box = BoxName.of("box" + i);
        tasks.add(() -> exporter().exportCommand(command(box, "htop", "/usr/bin/htop")).export());
      }
      int won = 0;
      for (Future<Export> f : together(tasks)) {
        try {
          f.get();
          won++;
        } catch (ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOfSatisfying(
                  AppboxException.class,
                  a -> assertThat(a.code()).isEqualTo(ErrorCode.EXPORT_CONFLICT));
        }
      }
      assertThat(won).isEqualTo(1);
      Export winner = record.all().get(0);
      assertThat(record.all()).hasSize(1);
      assertThat(bin.resolve("htop")).content().contains("from box " + winner.box());
      assertConsistent(); // the losers left no launcher behind
    }

    @Test
    void removingOneBoxWhileExportingAnotherKeepsTheRecordWhole() throws Exception {
      for (int i = 0; i < THREADS; i++) {
        exporter.exportCommand(command(DEV, "dev-" + i, "/usr/bin/x"));
      }
      List<Callable<Object>> tasks = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String devName = "dev-" + i;
        String archName = "arch-" + i;
        tasks.add(
            () ->
                new ExportRemover(record, ExportFiles.forDataHome(data, bin))
                    .remove(e -> e.name().equals(devName)));
        tasks.add(() -> exporter().exportCommand(command(ARCH, archName, "/usr/bin/x")));
      }
      for (Future<Object> f : together(tasks)) {
        assertThat(f.get()).isNotNull();
      }
      assertThat(record.all())
          .hasSize(THREADS)
          .allMatch(e -> e.box().equals(ARCH) && e.name().startsWith("arch-"));
      assertThat(launcherFile(DEV)).doesNotExist();
      assertThat(launcherFile(ARCH)).exists();
      assertConsistent();
    }
  }
}
