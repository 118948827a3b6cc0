package io.appbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.appbox.cli.ManPages.Footer;
import io.appbox.cli.ManPages.Roff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The man pages made from the commands' model (the end-to-end ManPagesTest renders them). */
class ManPagesTest {
  private static final Map<String, String> PAGES = ManPages.pages("9.9.9");

  @Test
  void onePagePerVisibleCommand() {
    assertThat(PAGES)
        .containsKeys("appbox.1", "appbox-create.1", "appbox-image.1", "appbox-image-build.1")
        .containsKey("appbox-completion.1")
        .doesNotContainKey("appbox-completion-__candidates.1");
    for (String name : Commands.all().keySet()) {
      assertThat(PAGES).containsKey("appbox-" + name + ".1");
    }
  }

  @Test
  void sectionsComeInTheUsualOrder() {
    for (Map.Entry<String, String> page : PAGES.entrySet()) {
      String roff = page.getValue();
      List<String> sections =
          roff.lines()
              .filter(l -> l.startsWith(".SH "))
              .map(l -> l.substring(4).replace("\"", ""))
              .toList();
      assertThat(sections)
          .as(page.getKey())
          .startsWith("NAME", "SYNOPSIS", "DESCRIPTION")
          .contains("EXAMPLES", "EXIT STATUS")
          .endsWith("SEE ALSO");
      assertThat(roff).startsWith(".TH ").contains("\"appbox 9.9.9\"");
      assertThat(roff.lines())
          .as("no empty lines, which roff reads as space")
          .noneMatch(String::isEmpty);
    }
  }

  @Test
  void aCommandsPageHasItsArgumentsOptionsAndExamples() {
    String rm = PAGES.get("appbox-rm.1");
    assertThat(rm)
        .contains(
            ".SH NAME\nappbox\\-rm \\- Remove boxes with every export that came from them and"
                + " their snapshots\n")
        .contains(".SH SYNOPSIS\n\\fBappbox\\ rm\\fR ")
        .contains(".SH ARGUMENTS\n.TP\n\\fIBOX\\fR\nThe boxes.\n")
        .contains(
            ".SH OPTIONS\n.TP\n\\fB\\-f\\fR, \\fB\\-\\-force\\fR\nRemove running boxes too, without"
                + " asking.\n")
        .contains(".SH \"GLOBAL OPTIONS\"")
        .contains("\\fB\\-\\-engine\\fR=\\fIENGINE\\fR\nUse this engine: podman, docker.\n")
        .contains(
            ".SH EXAMPLES\n.RS 4\n.nf\nappbox rm dev\nappbox rm \\-\\-force dev web\n.fi\n.RE\n")
        .contains(".SH \"SEE ALSO\"\n\\fBappbox\\fR(1)\n");
  }

  @Test
  void runAndEnterSayTheyExitWithTheCommandsStatus() {
    assertThat(PAGES.get("appbox-run.1"))
        .contains("appbox run exits with the status of the command it ran in the box")
        .contains("the command follows \\-\\- (or, without \\-\\-, starts");
    assertThat(PAGES.get("appbox-list.1")).doesNotContain("the command it ran");
    assertThat(PAGES.get("appbox-list.1")).contains(".TP 4\n\\fB3\\fR\nNot found");
  }

  @Test
  void theRootPageListsTheCommandsAndSeesTheirPages() {
    String root = PAGES.get("appbox.1");
    assertThat(root)
        .contains(".SH COMMANDS\n.TP\n\\fBcreate\\fR\n")
        .contains("\\fBlist\\fR, \\fBls\\fR")
        .contains("\\fBappbox\\-create\\fR(1)")
        .doesNotContain("Exit codes:")
        .doesNotContain("GLOBAL OPTIONS");
    assertThat(PAGES.get("appbox-image.1")).contains("\\fBappbox\\-image\\-build\\fR(1)");
    assertThat(PAGES.get("appbox-image-build.1"))
        .contains("\\fBappbox\\fR(1),\n\\fBappbox\\-image\\fR(1)");
  }

  @Nested
  class Escaping {
    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
        delimiter = '|',
        value = {
          "--json|\\-\\-json",
          "C:\\dir|C:\\edir",
          "a \u2014 b|a \\[u2014] b",
          "it's \"quoted\"|it's \"quoted\"",
        })
    void textIsEscaped(String text, String roff) {
      assertThat(Roff.escape(text)).isEqualTo(roff);
    }

    @Test
    void aLineThatWouldBeARequestIsNot() {
      Roff r = new Roff();
      r.text(".SH not a section");
      r.text("'also not");
      r.macro("TH", "A B", "1", "", "x\"y");
      assertThat(r.toString())
          .isEqualTo("\\&.SH not a section\n\\&'also not\n.TH \"A B\" 1 \"\" \"x\\(dqy\"\n");
    }
  }

  @Test
  void footersSplitIntoExamplesAndNotes() {
    Footer footer =
        Footer.of(
            new String[] {
              "",
              "Everything after BOX belongs to the command.",
              "",
              "Examples:",
              "  appbox run dev -- ls",
              "  echo hi | appbox run dev -- cat",
              "",
              "Exit codes: 0 ok."
            });
    assertThat(footer.examples())
        .containsExactly("appbox run dev -- ls", "echo hi | appbox run dev -- cat");
    assertThat(footer.notes())
        .containsExactly(List.of("Everything after BOX belongs to the command."));
  }

  @Test
  void writesEveryPageIntoTheDirectory(@TempDir Path dir) throws Exception {
    List<Path> written = ManPages.write(dir.resolve("man1"), "1.0");
    assertThat(written).hasSize(PAGES.size());
    assertThat(dir.resolve("man1/appbox.1"))
        .content()
        .startsWith(".TH APPBOX 1 \"\" \"appbox 1.0\"");
    try (var files = Files.list(dir.resolve("man1"))) {
      assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".1"));
    }
  }
}
