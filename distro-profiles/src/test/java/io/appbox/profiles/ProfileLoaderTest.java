package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import io.appbox.core.profile.ProgressFormat;
import io.appbox.core.profile.Proof;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileLoaderTest {
  /** A complete profile; the line numbers below are the ones the invalid cases rely on. */
  static final String VALID =
      """
      id: test
      name: Test Linux
      image: docker.io/library/debian:bookworm
      commands:
        install: [apt-get, install, -y]
        remove: [apt-get, remove, -y]
        search: [apt-cache, search]
        show: [apt-cache, show]
        list-installed: [dpkg-query, -W]
        list-files: [dpkg-query, -L]
        owner: [dpkg-query, -S]
        update: [apt-get, update]
        upgrade: [apt-get, upgrade, -y]
        autoremove: [apt-get, autoremove, -y]
        clean: [apt-get, clean]
        health-check: [apt-get, check]
      """;

  static DistroProfile load(String yaml) {
    return ProfileLoader.load(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml", "test");
  }

  static String replace(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  @Nested
  class Valid {
    @Test
    void readsTheFields() {
      DistroProfile profile = load(VALID);

      assertThat(profile.id()).isEqualTo("test");
      assertThat(profile.displayName()).isEqualTo("Test Linux");
      assertThat(profile.image().toString()).isEqualTo("docker.io/library/debian:bookworm");
      assertThat(profile.bootstrap()).isEmpty();
      assertThat(profile.environment()).isEmpty();
      assertThat(profile.source()).isEqualTo("test");
      assertThat(profile.packages().progress()).isEqualTo(ProgressFormat.NONE);
      assertThat(profile.packages().notFound()).isEmpty();
      assertThat(profile.packages().install().argv()).containsExactly("apt-get", "install", "-y");
    }

    @Test
    void sudoProofAndIndexCheckAreOptional() {
      DistroProfile plain = load(VALID);
      assertThat(plain.sudoPackage()).isEmpty();
      assertThat(plain.systemdPackages()).isEmpty();
      assertThat(plain.proven()).isEqualTo(Proof.UNKNOWN);
      assertThat(plain.proven().describe()).isEqualTo("not proven by appbox's tests");
      assertThat(plain.packages().hasIndex()).isEmpty();

      DistroProfile full =
          load(
              replace(
                      "commands:\n",
                      "sudo: sudo\nsystemd: [systemd, systemd-sysv]\nproven:\n"
                          + "  end-to-end: dnf5 5.4.6.0\ncommands:\n")
                  + "  has-index: [sh, -c, 'test -d /var/cache/libdnf5']\n");
      assertThat(full.sudoPackage()).contains("sudo");
      assertThat(full.systemdPackages()).containsExactly("systemd", "systemd-sysv");
      assertThat(full.proven()).isEqualTo(new Proof(Proof.Level.END_TO_END, "dnf5 5.4.6.0"));
      assertThat(full.proven().describe()).isEqualTo("end to end with dnf5 5.4.6.0");
      assertThat(full.packages().hasIndex().orElseThrow().argv())
          .containsExactly("sh", "-c", "test -d /var/cache/libdnf5");
      assertThat(full.packages().hasIndex().orElseThrow().root()).isTrue();

      DistroProfile unit =
          load(replace("commands:\n", "proven:\n  unit-tests: no apk\ncommands:\n"));
      assertThat(unit.proven().describe()).isEqualTo("unit tests only: no apk");
    }

    @ParameterizedTest(name = "{0} runs as root: {1}")
    @MethodSource("io.appbox.profiles.ProfileLoaderTest#rootByDefault")
    void rootDependsOnWhetherTheCommandChangesTheBox(CommandKey key, boolean root) {
      PackageCommand command = Records.command(load(VALID).packages(), key);

      assertThat(command.root()).isEqualTo(root);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.appbox.profiles.ProfileLoaderTest#queries")
    void queriesWithoutOutputReadTabSeparatedLines(CommandKey key, String line, String record) {
      PackageCommand command = Records.command(load(VALID).packages(), key);

      assertThat(
              Records.of(command.output().orElseThrow(), line, key.groups.toArray(String[]::new)))
          .containsExactly(record);
    }

    @Test
    void aMappingCommandSetsRootAndOutput() {
      DistroProfile profile =
          load(
              replace(
                  "  search: [apt-cache, search]\n",
                  """
                    search:
                      argv: [apt-cache, search]
                      root: true
                      output: '^(?<name>\\S+) - (?<summary>.*)$'
                  """));

      PackageCommand search = profile.packages().search();
      assertThat(search.argv()).containsExactly("apt-cache", "search");
      assertThat(search.root()).isTrue();
      assertThat(Records.of(search.output().orElseThrow(), "htop - viewer\n", "name", "summary"))
          .containsExactly("htop|viewer");
    }

    @Test
    void readsBootstrapEnvironmentProgressAndNotFound() {
      DistroProfile profile =
          load(
              replace(
                  "commands:\n",
                  """
                  bootstrap:
                    tool: mmdebstrap
                    suite: bookworm
                    mirror: http://deb.debian.org/debian
                    include: [sudo]
                  environment:
                    DEBIAN_FRONTEND: noninteractive
                    EMPTY: ''
                  progress: apt-status
                  not-found: 'E: Unable to locate package (?<name>\\S+)'
                  commands:
                  """));

      assertThat(profile.bootstrap().orElseThrow().variant()).isEqualTo("apt");
      assertThat(profile.bootstrap().orElseThrow().include()).containsExactly("sudo");
      assertThat(profile.environment())
          .containsEntry("DEBIAN_FRONTEND", "noninteractive")
          .containsEntry("EMPTY", "");
      assertThat(profile.packages().progress()).isEqualTo(ProgressFormat.APT_STATUS);
      assertThat(
              Records.of(
                  profile.packages().notFound().orElseThrow(),
                  "E: Unable to locate package foo",
                  "name"))
          .containsExactly("foo");
    }

    @Test
    void aFewAnchorsMayShareAList() {
      DistroProfile profile =
          load(
              replace("  install: [apt-get, install, -y]", "  install: &apt [apt-get, install, -y]")
                  .replace("  remove: [apt-get, remove, -y]", "  remove: *apt"));

      assertThat(profile.packages().remove().argv()).containsExactly("apt-get", "install", "-y");
    }

    @Test
    void dollarBracesStayText() {
      DistroProfile profile =
          load(
              replace(
                  "  list-installed: [dpkg-query, -W]",
                  "  list-installed:\n    - dpkg-query\n    - ${Package}"));

      assertThat(profile.packages().listInstalled().argv()).endsWith("${Package}");
    }

    @Test
    void theReadmeExampleLoads(@TempDir Path dir) throws IOException {
      String readme = Files.readString(Path.of("README.md"));
      int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
      String example = readme.substring(start, readme.indexOf("```", start));
      Path file = Files.writeString(dir.resolve("debian-testing.yaml"), example);

      DistroProfile profile = ProfileLoader.load(file);

      assertThat(profile.id()).isEqualTo("debian-testing");
      assertThat(profile.bootstrap().orElseThrow().suite()).isEqualTo("trixie");
      assertThat(profile.packages().search().root()).isFalse();
    }

    @Test
    void fileNamedAfterItsIdLoadsWithThePathAsSource(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("test.yaml"), VALID);

      assertThat(ProfileLoader.load(file).source()).isEqualTo(file.toString());
    }
  }

  static Stream<Arguments> rootByDefault() {
    return Stream.of(CommandKey.values())
        .filter(CommandKey::isRequired)
        .map(key -> Arguments.of(key, !key.isQuery()));
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of(CommandKey.SEARCH, "htop\tprocess viewer\n", "htop|process viewer"),
        Arguments.of(CommandKey.SHOW, "Version: 3.3.0\n", "Version|3.3.0"),
        Arguments.of(CommandKey.LIST_INSTALLED, "htop\t3.3.0-3\n", "htop|3.3.0-3"),
        Arguments.of(CommandKey.LIST_FILES, "/usr/bin/htop\n", "/usr/bin/htop"),
        Arguments.of(CommandKey.OWNER, "htop\n", "htop"));
  }

  @Nested
  class Invalid {
    static Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of(
              "string command",
              replace("  install: [apt-get, install, -y]", "  install: apt-get install -y"),
              "test.yaml:5: commands.install: expected a list of arguments, found the string"
                  + " 'apt-get install -y'; commands are never split on spaces",
              "Write it as a list, for example [apt-get, install, -y]."),
          Arguments.of(
              "string argv",
              replace("  install: [apt-get, install, -y]", "  install:\n    argv: apt-get install"),
              "test.yaml:6: commands.install.argv: expected a list of arguments",
              null),
          Arguments.of(
              "wrong type of command",
              replace("  install: [apt-get, install, -y]", "  install: 42"),
              "test.yaml:5: commands.install: expected a list of strings or a mapping with argv,"
                  + " found the number 42",
              null),
          Arguments.of(
              "number in argv",
              replace("  install: [apt-get, install, -y]", "  install: [apt-get, install, 3]"),
              "test.yaml:5: commands.install[2]: expected a string, found the number 3",
              null),
          Arguments.of(
              "empty argv",
              replace("  install: [apt-get, install, -y]", "  install: []"),
              "test.yaml:5: commands.install: the command is empty",
              null),
          Arguments.of(
              "option as program",
              replace("  install: [apt-get, install, -y]", "  install: [-y]"),
              "test.yaml:5: commands.install[0]: expected the program to run, found '-y'",
              null),
          Arguments.of(
              "wrong type of root",
              replace(
                  "  install: [apt-get, install, -y]",
                  "  install:\n    argv: [apt-get]\n    root: 'yes'"),
              "test.yaml:7: commands.install.root: expected true or false, found the string 'yes'",
              null),
          Arguments.of(
              "unknown key",
              replace("commands:", "comands:"),
              "test.yaml:4: comands: unknown field; expected one of id, name, image",
              "Did you mean 'commands'?"),
          Arguments.of(
              "unknown command",
              replace(
                  "  clean: [apt-get, clean]",
                  "  clean: [apt-get, clean]\n  purge: [apt-get, purge]"),
              "test.yaml:16: commands.purge: unknown field",
              null),
          Arguments.of(
              "unknown command field",
              replace(
                  "  show: [apt-cache, show]",
                  "  show:\n    argv: [apt-cache, show]\n    outptu: x"),
              "test.yaml:10: commands.show.outptu: unknown field; expected one of argv, root, output",
              "Did you mean 'output'?"),
          Arguments.of(
              "missing command",
              replace("  health-check: [apt-get, check]\n", ""),
              "test.yaml:5: commands.health-check: missing; this field is required",
              null),
          Arguments.of(
              "missing image",
              replace("image: docker.io/library/debian:bookworm\n", ""),
              "test.yaml:1: image: missing; this field is required",
              null),
          Arguments.of(
              "bad regex",
              replace(
                  "  search: [apt-cache, search]",
                  "  search:\n    argv: [apt-cache, search]\n    output: '(?<name>[a-z'"),
              "test.yaml:9: commands.search.output: not a valid regular expression: Unclosed"
                  + " character class",
              null),
          Arguments.of(
              "missing group",
              replace(
                  "  search: [apt-cache, search]",
                  "  search:\n    argv: [apt-cache, search]\n    output: '^(?<name>\\S+) - (.*)$'"),
              "test.yaml:9: commands.search.output: the pattern '^(?<name>\\S+) - (.*)$' has no"
                  + " named group 'summary'; it needs (?<name>...) and (?<summary>...)",
              null),
          Arguments.of(
              "output on a command that prints nothing appbox reads",
              replace(
                  "  update: [apt-get, update]",
                  "  update:\n    argv: [apt-get, update]\n    output: '(?<name>.*)'"),
              "test.yaml:14: commands.update.output: appbox does not read the output of update",
              null),
          Arguments.of(
              "not-found without a name group",
              replace("commands:", "not-found: 'Unable to locate package'\ncommands:"),
              "test.yaml:4: not-found: the pattern 'Unable to locate package' has no named group"
                  + " 'name'",
              null),
          Arguments.of(
              "bad image",
              replace("docker.io/library/debian:bookworm", "docker.io/library/Debian:bookworm"),
              "test.yaml:3: image: 'docker.io/library/Debian:bookworm' is not a valid image"
                  + " reference",
              null),
          Arguments.of(
              "short-name image",
              replace("docker.io/library/debian:bookworm", "debian:bookworm"),
              "test.yaml:3: image: 'debian:bookworm' does not name its registry",
              "Give a fully qualified reference such as docker.io/library/debian:bookworm; a short"
                  + " name resolves differently on each machine."),
          Arguments.of(
              "bad id",
              replace("id: test", "id: Test/../x"),
              "test.yaml:1: id: 'Test/../x' is not a valid id",
              null),
          Arguments.of(
              "duplicate key",
              replace(
                  "  update: [apt-get, update]", "  update: [apt-get, update]\n  install: [apt]"),
              "test.yaml:13: commands.install: given twice (first on line 5)",
              null),
          Arguments.of(
              "boolean where a string is needed",
              replace("name: Test Linux", "name: yes please\nprogress: true"),
              "test.yaml:3: progress: expected a string, found the boolean true",
              null),
          Arguments.of(
              "number as environment value",
              replace("commands:", "environment:\n  RETRIES: 3\ncommands:"),
              "test.yaml:5: environment.RETRIES: expected a string, found the number 3 (quote it"
                  + " to make it a string)",
              null),
          Arguments.of(
              "bad environment name",
              replace("commands:", "environment:\n  'A B': x\ncommands:"),
              "test.yaml:5: environment.A B: 'A B' is not a variable name",
              null),
          Arguments.of(
              "unknown progress",
              replace("commands:", "progress: dnf\ncommands:"),
              "test.yaml:4: progress: 'dnf' is not a progress format",
              "Use none or apt-status."),
          Arguments.of(
              "unknown bootstrap tool",
              replace(
                  "commands:",
                  "bootstrap:\n  tool: debootstrap\n  suite: bookworm\n  mirror: http://x/\ncommands:"),
              "test.yaml:5: bootstrap.tool: 'debootstrap' is not a bootstrap tool appbox drives",
              null),
          Arguments.of(
              "bootstrap include that is an option",
              replace(
                  "commands:",
                  "bootstrap:\n  tool: mmdebstrap\n  suite: bookworm\n  mirror: http://x/\n"
                      + "  include: [sudo, '--hook-dir=/x']\ncommands:"),
              "test.yaml:8: bootstrap.include[1]: '--hook-dir=/x' is not a package name",
              null),
          Arguments.of(
              "bootstrap mirror that is no URL",
              replace(
                  "commands:",
                  "bootstrap:\n  tool: mmdebstrap\n  suite: bookworm\n  mirror: deb.debian.org\n"
                      + "commands:"),
              "test.yaml:7: bootstrap.mirror: 'deb.debian.org' is not a mirror URL",
              null),
          Arguments.of(
              "not a mapping",
              "- id: test\n",
              "test.yaml:1: expected a mapping of id, name, image",
              null),
          Arguments.of("empty file", "", "test.yaml:1: the file is empty", null),
          Arguments.of(
              "two documents",
              VALID + "---\nid: other\n",
              "test.yaml:17: not valid YAML: expected a single document in the stream, but found"
                  + " another document",
              null),
          Arguments.of(
              "broken YAML",
              replace("  remove: [apt-get, remove, -y]", "  remove: [apt-get, remove, -y"),
              "test.yaml:",
              null),
          Arguments.of(
              "both proofs",
              replace(
                  "commands:\n",
                  "proven:\n  end-to-end: dnf5 5.4.6.0\n  unit-tests: why\ncommands:\n"),
              "test.yaml:5: proven: expected exactly one of end-to-end and unit-tests",
              "Write end-to-end: TOOL VERSION (what the end-to-end tests ran), or unit-tests:"
                  + " REASON."),
          Arguments.of(
              "unknown proof",
              replace("commands:\n", "proven:\n  by-hand: yes\ncommands:\n"),
              "test.yaml:5: proven.by-hand: unknown field; expected one of end-to-end, unit-tests",
              null),
          Arguments.of(
              "sudo that is not a package name",
              replace("commands:\n", "sudo: 'sudo; rm -rf /'\ncommands:\n"),
              "test.yaml:4: sudo: 'sudo; rm -rf /' is not a package name",
              null),
          Arguments.of(
              "systemd that is not a package name",
              replace("commands:\n", "systemd: [systemd, '-o=x']\ncommands:\n"),
              "test.yaml:4: systemd[1]: '-o=x' is not a package name",
              null),
          Arguments.of(
              "no systemd packages",
              replace("commands:\n", "systemd: []\ncommands:\n"),
              "test.yaml:4: systemd: expected at least one package",
              null),
          Arguments.of(
              "a string has-index",
              VALID + "  has-index: test -e /var/lib/apt/lists/lock\n",
              "test.yaml:17: commands.has-index: expected a list of arguments",
              null),
          Arguments.of(
              "alias bomb",
              "a: &a [x, x, x, x, x, x, x, x, x]\n"
                  + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                  + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
              "test.yaml: not accepted: Number of aliases for non-scalar nodes exceeds the"
                  + " specified max=16",
              null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithFileLineAndField(String what, String yaml, String message, String hint) {
      AppboxException refused = refusal(() -> load(yaml));

      assertThat(refused.getMessage()).startsWith(message);
      if (hint != null) {
        assertThat(refused.hint()).isEqualTo(hint);
      }
    }

    @Test
    void idMustBeTheFileName(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("other.yaml"), VALID);

      AppboxException refused = refusal(() -> ProfileLoader.load(file));

      assertThat(refused.getMessage())
          .isEqualTo(file + ":1: id: 'test' does not match the file name 'other.yaml'");
      assertThat(refused.hint())
          .isEqualTo(
              "A profile's id is its file name: rename the file to test.yaml or set id: other.");
    }

    @Test
    void fileOver256KiBIsNotParsed(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("test.yaml");
      Files.writeString(file, VALID + "#" + "x".repeat(256 * 1024) + "\n");

      AppboxException refused = refusal(() -> ProfileLoader.load(file));

      assertThat(refused.getMessage())
          .isEqualTo(file + ": the file is larger than 256 KiB; a profile is a few kilobytes");
    }

    @Test
    void ymlIsNotAProfileFileName(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("test.yml"), VALID);

      AppboxException refused = refusal(() -> ProfileLoader.load(file));

      assertThat(refused.getMessage()).isEqualTo(file + ": a profile's file name ends in .yaml");
      assertThat(refused.hint()).isEqualTo("Rename it to test.yaml.");
    }

    @Test
    void missingFileIsNotFound(@TempDir Path dir) {
      AppboxException refused = refusal(() -> ProfileLoader.load(dir.resolve("none.yaml")));

      assertThat(refused.code()).isEqualTo(ErrorCode.PROFILE_NOT_FOUND);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
      byte[] latin1 = VALID.replace("Test Linux", "Tést").getBytes(StandardCharsets.ISO_8859_1);

      AppboxException refused =
          refusal(() -> ProfileLoader.load(new ByteArrayInputStream(latin1), "test.yaml", "test"));

      assertThat(refused.getMessage()).isEqualTo("test.yaml: not UTF-8 text");
    }

    @Test
    void everyMissingCommandIsRequired() {
      for (CommandKey command : CommandKey.values()) {
        if (!command.isRequired()) {
          continue;
        }
        String key = command.key;
        String yaml = VALID.replaceAll("(?m)^  " + key + ":.*\n", "");

        assertThat(refusal(() -> load(yaml)).getMessage())
            .isEqualTo("test.yaml:5: commands." + key + ": missing; this field is required");
      }
    }
  }

  static AppboxException refusal(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(AppboxException.class);
    AppboxException refused = (AppboxException) thrown;
    if (refused.code() == ErrorCode.INVALID_INPUT) {
      assertThat(refused.hint()).isNotBlank();
    }
    return refused;
  }

  @Test
  void messagesStartWithTheFile() {
    assertThatThrownBy(() -> load("id: [x]\n"))
        .isInstanceOf(AppboxException.class)
        .hasMessage("test.yaml:1: id: expected a string, found a list")
        .extracting(thrown -> ((AppboxException) thrown).code())
        .isEqualTo(ErrorCode.INVALID_INPUT);
  }
}
