package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.box.Volume;
import io.appbox.core.manifest.BinExport;
import io.appbox.core.manifest.BoxSpec;
import io.appbox.core.manifest.Manifest;
import io.appbox.core.pkg.PackageName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestLoaderTest {
  static final Path HOME = Path.of("/home/ann");

  /** Every field; the line numbers below are the ones the invalid cases rely on. */
  static final String VALID =
      """
      boxes:
        dev:
          distro: debian
          image: docker.io/library/debian:bookworm
          home: ~/dev-home
          volumes: [/srv/data:/data:ro, '~/src:/src']
          init: [[sh, -c, "echo hi > /etc/motd"]]
          entry: true
          packages: [git, htop]
          export:
            apps: [htop]
            bins: [/usr/bin/git, {path: /usr/bin/vim, as: vim-dev}]
        tools:
      """;

  static Manifest load(String yaml) {
    return ManifestLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "m.yaml", HOME);
  }

  static String replace(String from, String to) {
    assertThat(VALID).contains(from);
    return VALID.replace(from, to);
  }

  @Nested
  class Valid {
    @Test
    void readsEveryField() {
      Manifest manifest = load(VALID);

      assertThat(manifest.boxes())
          .extracting(BoxSpec::name)
          .map(BoxName::value)
          .containsExactly("dev", "tools");
      BoxSpec dev = manifest.boxes().get(0);
      assertThat(dev.distro()).contains("debian");
      assertThat(dev.image().orElseThrow().toString())
          .isEqualTo("docker.io/library/debian:bookworm");
      assertThat(dev.home()).contains(HOME.resolve("dev-home"));
      assertThat(dev.volumes())
          .containsExactly(
              new Volume(Path.of("/srv/data"), Path.of("/data"), true),
              new Volume(HOME.resolve("src"), Path.of("/src"), false));
      assertThat(dev.init()).containsExactly(List.of("sh", "-c", "echo hi > /etc/motd"));
      assertThat(dev.entry()).isTrue();
      assertThat(dev.packages()).containsExactly(PackageName.of("git"), PackageName.of("htop"));
      assertThat(dev.apps()).containsExactly("htop");
      assertThat(dev.bins())
          .containsExactly(
              BinExport.of("/usr/bin/git"), new BinExport("/usr/bin/vim", Optional.of("vim-dev")));
    }

    @Test
    void aBoxWithNothingBelowItGetsTheDefaults() {
      assertThat(load(VALID).boxes().get(1)).isEqualTo(BoxSpec.named(BoxName.of("tools")));
    }

    @Test
    void noBoxesIsAnEmptyManifest() {
      assertThat(load("boxes:\n").boxes()).isEmpty();
      assertThat(load("boxes: {}\n").boxes()).isEmpty();
    }

    @Test
    void theWriterWritesWhatTheLoaderReadsBack() {
      Manifest manifest = load(VALID);

      String written = ManifestWriter.write(manifest, HOME);

      assertThat(load(written)).isEqualTo(manifest);
      assertThat(written)
          .startsWith(ManifestWriter.HEADER)
          .contains("    home: ~/dev-home\n")
          .contains("    packages: [git, htop]\n")
          .contains("      bins: [/usr/bin/git, {path: /usr/bin/vim, as: vim-dev}]\n")
          .contains("  tools: {}\n");
    }

    @Test
    void stringsThatYamlWouldReadAsSomethingElseAreQuoted() {
      Manifest manifest =
          load(
              """
              boxes:
                dev:
                  init: [[sh, -c, 'true, false: [x] #y'], ['yes', '1.0', 'null', '~']]
                  packages: ['true']
              """);

      assertThat(load(ManifestWriter.write(manifest, HOME))).isEqualTo(manifest);
    }
  }

  @Nested
  class Invalid {
    static Stream<Arguments> cases() {
      return Stream.of(
          Arguments.of(
              "unknown top-level key",
              "boxes: {}\nbox: {}\n",
              "m.yaml:2: box: unknown field; expected one of boxes",
              "Did you mean 'boxes'?"),
          Arguments.of(
              "no boxes", "{}\n", "m.yaml:1: boxes: missing; this field is required", null),
          Arguments.of(
              "unknown box field",
              replace("    entry: true", "    pakages: [git]"),
              "m.yaml:8: boxes.dev.pakages: unknown field; expected one of distro, image, home,"
                  + " volumes, init, entry, packages, export",
              "Did you mean 'packages'?"),
          Arguments.of(
              "repeated key",
              replace("    entry: true", "    distro: fedora"),
              "m.yaml:8: boxes.dev.distro: given twice (first on line 3)",
              null),
          Arguments.of(
              "invalid box name",
              replace("  tools:", "  -tools:"),
              "m.yaml:13: boxes.-tools: box name '-tools' is not valid",
              "Use letters, digits, '.', '_' and '-', starting with a letter or digit."),
          Arguments.of(
              "invalid package name",
              replace("[git, htop]", "[git, '-oAPT::x=y']"),
              "m.yaml:9: boxes.dev.packages[1]: package '-oAPT::x=y' starts with '-': the package"
                  + " manager would read it as an option",
              null),
          Arguments.of(
              "package listed twice",
              replace("[git, htop]", "[git, htop, git]"),
              "m.yaml:9: boxes.dev.packages[2]: listed twice (first on line 9)",
              null),
          Arguments.of(
              "packages as a string",
              replace("[git, htop]", "git htop"),
              "m.yaml:9: boxes.dev.packages: expected a list, found the string 'git htop'",
              null),
          Arguments.of(
              "image without a registry",
              replace("docker.io/library/debian:bookworm", "debian:bookworm"),
              "m.yaml:4: boxes.dev.image: 'debian:bookworm' does not name its registry",
              null),
          Arguments.of(
              "image that is not a reference",
              replace("docker.io/library/debian:bookworm", "Debian Bookworm"),
              "m.yaml:4: boxes.dev.image: 'Debian Bookworm' is not a valid image reference",
              null),
          Arguments.of(
              "volume without a target",
              replace("/srv/data:/data:ro", "/srv/data"),
              "m.yaml:6: boxes.dev.volumes[0]: volume '/srv/data' is not valid",
              null),
          Arguments.of(
              "volume over the box's /usr",
              replace("/srv/data:/data:ro", "/srv/data:/usr"),
              "m.yaml:6: boxes.dev.volumes[0]: volume target /usr would hide the box's own /usr",
              null),
          Arguments.of(
              "relative home",
              replace("~/dev-home", "dev-home"),
              "m.yaml:5: boxes.dev.home: path 'dev-home' is neither absolute nor in your home"
                  + " (~/...)",
              null),
          Arguments.of(
              "number where a string is needed",
              replace("distro: debian", "distro: 12"),
              "m.yaml:3: boxes.dev.distro: expected a string, found the number 12 (quote it to"
                  + " make it a string)",
              null),
          Arguments.of(
              "distro that is not an id",
              replace("distro: debian", "distro: Debian 12"),
              "m.yaml:3: boxes.dev.distro: 'Debian 12' is not a distro id",
              null),
          Arguments.of(
              "entry that is not a boolean",
              replace("entry: true", "entry: 'yes'"),
              "m.yaml:8: boxes.dev.entry: expected true or false, found the string 'yes'",
              null),
          Arguments.of(
              "init command as a string",
              replace("[[sh, -c, \"echo hi > /etc/motd\"]]", "['echo hi']"),
              "m.yaml:7: boxes.dev.init[0]: expected a list of strings, found the string 'echo"
                  + " hi'",
              null),
          Arguments.of(
              "empty init command",
              replace("[[sh, -c, \"echo hi > /etc/motd\"]]", "[[]]"),
              "m.yaml:7: boxes.dev.init[0]: an init command is empty",
              null),
          Arguments.of(
              "app id with a path",
              replace("apps: [htop]", "apps: [../htop]"),
              "m.yaml:11: boxes.dev.export.apps[0]: desktop-file id '../htop' is not valid",
              null),
          Arguments.of(
              "relative bin",
              replace("[/usr/bin/git,", "[bin/git,"),
              "m.yaml:12: boxes.dev.export.bins[0]: path 'bin/git' is not a plain absolute path"
                  + " in the box",
              null),
          Arguments.of(
              "unknown bin field",
              replace("as: vim-dev", "name: vim-dev"),
              "m.yaml:12: boxes.dev.export.bins[1].name: unknown field; expected one of path, as",
              null),
          Arguments.of(
              "invalid command name",
              replace("as: vim-dev", "as: 'vim dev'"),
              "m.yaml:12: boxes.dev.export.bins[1].as: command name 'vim dev' is not valid",
              null),
          Arguments.of(
              "one command from two boxes",
              replace("  tools:", "  tools:\n    export:\n      bins: [{path: /bin/git, as: git}]"),
              "m.yaml:15: boxes.tools.export.bins[0]: the command git is already exported by"
                  + " boxes.dev.export.bins[0] (line 12)",
              "Give one of them another name with as: NAME."),
          Arguments.of(
              "unknown export field",
              replace("apps: [htop]", "app: [htop]"),
              "m.yaml:11: boxes.dev.export.app: unknown field; expected one of apps, bins",
              "Did you mean 'apps'?"),
          Arguments.of(
              "a list where the boxes go",
              "boxes: [dev]\n",
              "m.yaml:1: boxes: expected a mapping of box names to boxes, found a list",
              null),
          Arguments.of("broken YAML", replace("[git, htop]", "[git, htop"), "m.yaml:", null),
          Arguments.of(
              "a document that is not a mapping",
              "- dev\n",
              "m.yaml:1: expected a mapping with boxes, found a list",
              null),
          Arguments.of(
              "empty file", "", "m.yaml:1: the file is empty; a manifest needs boxes", null));
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
    void everyFieldProblemNamesTheManifestDocumentation() {
      AppboxException refused = refusal(() -> load(replace("distro: debian", "distro: [x]")));

      assertThat(refused.getMessage())
          .isEqualTo("m.yaml:3: boxes.dev.distro: expected a string, found a list");
      assertThat(refused.hint()).contains("docs/manifest.md");
    }

    @Test
    void aFileOver1MiBIsNotParsed(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("big.yaml");
      Files.writeString(file, VALID + "#" + "x".repeat(1024 * 1024) + "\n");

      AppboxException refused = refusal(() -> ManifestLoader.load(file, HOME));

      assertThat(refused.getMessage())
          .isEqualTo(file + ": the file is larger than 1024 KiB; a manifest is a few kilobytes");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
      AppboxException refused = refusal(() -> ManifestLoader.load(dir.resolve("no.yaml"), HOME));

      assertThat(refused.getMessage()).contains("There is no manifest file");
    }
  }

  static AppboxException refusal(ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(AppboxException.class);
    AppboxException refused = (AppboxException) thrown;
    assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(refused.hint()).isNotBlank();
    return refused;
  }
}
