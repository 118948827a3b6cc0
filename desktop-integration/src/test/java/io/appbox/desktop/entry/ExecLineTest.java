package io.appbox.desktop.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.desktop.entry.ExecArgument.FieldCode;
import io.appbox.desktop.entry.ExecArgument.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecLineTest {
  /** Shows arguments as text, field codes in braces: {@code --file={%f}}. */
  static List<String> shown(ExecLine line) {
    return line.arguments().stream()
        .map(
            a ->
                a.segments().stream()
                    .map(s -> s instanceof Text t ? t.value() : "{" + s + "}")
                    .collect(Collectors.joining()))
        .toList();
  }

  @Nested
  class Valid {
    static Stream<Arguments> lines() {
      return Stream.of(
          Arguments.of("htop", List.of("htop")),
          Arguments.of("  htop   -d  10 ", List.of("htop", "-d", "10")),
          Arguments.of("/usr/bin/foo %F", List.of("/usr/bin/foo", "{%F}")),
          Arguments.of("foo %U", List.of("foo", "{%U}")),
          Arguments.of("foo %i %c %k %u", List.of("foo", "{%i}", "{%c}", "{%k}", "{%u}")),
          Arguments.of("foo --file=%f", List.of("foo", "--file={%f}")),
          Arguments.of("foo --name=%c:%k", List.of("foo", "--name={%c}:{%k}")),
          Arguments.of("foo 100%%", List.of("foo", "100%")),
          Arguments.of("foo \"100%%\"", List.of("foo", "100%")),
          Arguments.of("foo %d %D %n %N %v %m %f", List.of("foo", "{%f}")),
          Arguments.of("foo --x=%d", List.of("foo", "--x=")),
          Arguments.of("foo \"a b\"", List.of("foo", "a b")),
          Arguments.of("foo \"\"", List.of("foo", "")),
          Arguments.of("\"/opt/my app/bin\" x", List.of("/opt/my app/bin", "x")),
          Arguments.of(
              "sh -c \"echo \\\"$(id)\\\" > /tmp/x\"".replace("$", "\\$"),
              List.of("sh", "-c", "echo \"$(id)\" > /tmp/x")),
          Arguments.of(
              "foo \"rm -rf ~; `id` | cat &\"".replace("`", "\\`"),
              List.of("foo", "rm -rf ~; `id` | cat &")),
          Arguments.of("foo \"a\\\\b\"", List.of("foo", "a\\b")),
          Arguments.of("foo \"it's\"", List.of("foo", "it's")),
          Arguments.of("foo \"line\nbreak\ttab\"", List.of("foo", "line\nbreak\ttab")),
          Arguments.of("foo é=ü [x] {y} !", List.of("foo", "é=ü", "[x]", "{y}", "!")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void reads(String exec, List<String> expected) {
      ExecLine line = ExecLine.parse(exec);
      assertThat(shown(line)).isEqualTo(expected);
      assertThat(ExecLine.parse(line.format())).isEqualTo(line);
    }

    @Test
    void formatsFieldCodesBareAndQuotesWhatNeedsIt() {
      ExecLine line =
          ExecLine.parse("foo %F")
              .prepend(List.of("/home/u x/launch", "dev", "--", "$HOME", "", "50%"));
      assertThat(line.format())
          .isEqualTo("\"/home/u x/launch\" dev -- \"\\$HOME\" \"\" 50%% foo %F");
    }

    @Test
    void roundTripsHostileArguments() {
      Random random = new Random(1);
      for (int i = 0; i < 5000; i++) {
        List<String> args = new ArrayList<>();
        args.add("prog" + ValueEscapesTest.hostile(random));
        for (int k = random.nextInt(5); k > 0; k--) {
          args.add(ValueEscapesTest.hostile(random));
        }
        ExecLine line = ExecLine.of(args);
        String exec = line.format();
        assertThat(ExecLine.parse(exec)).as(exec).isEqualTo(line);
        assertThat(throughADesktopFile(exec)).as(exec).isEqualTo(line);
      }
    }

    @Test
    void roundTripsFieldCodesAmongHostileArguments() {
      ExecLine line =
          new ExecLine(
              List.of(
                  ExecArgument.literal("prog"),
                  ExecArgument.literal("%f"),
                  ExecArgument.fieldCode('U'),
                  ExecArgument.literal("a \"b\" `c` $d \\e %%"),
                  new ExecArgument(List.of(new Text("--name="), new FieldCode('c')))));
      assertThat(line.format())
          .isEqualTo("prog %%f %U \"a \\\"b\\\" \\`c\\` \\$d \\\\e %%%%\" --name=%c");
      assertThat(ExecLine.parse(line.format())).isEqualTo(line);
      assertThat(throughADesktopFile(line.format())).isEqualTo(line);
    }

    ExecLine throughADesktopFile(String exec) {
      DesktopEntry entry = new DesktopEntry(List.of(), List.of(DesktopGroup.of("Desktop Entry")));
      entry = entry.withGroup(entry.main().withString("Exec", exec));
      DesktopEntry back = DesktopEntry.parse(entry.toText().getBytes(StandardCharsets.UTF_8));
      return ExecLine.parse(back.main().string("Exec").orElseThrow());
    }
  }

  @Nested
  class Invalid {
    static Stream<Arguments> lines() {
      return Stream.of(
          Arguments.of("", "names no program"),
          Arguments.of("   ", "names no program"),
          Arguments.of("%d", "names no program"),
          Arguments.of("%f", "the program must be named first"),
          Arguments.of("\"\" x", "the program must be named first"),
          Arguments.of("foo%k", "the program must be named first"),
          Arguments.of("foo; rm -rf ~", "reserved character ';'"),
          Arguments.of("foo | sh", "reserved character '|'"),
          Arguments.of("foo && bar", "reserved character '&'"),
          Arguments.of("foo > /tmp/x", "reserved character '>'"),
          Arguments.of("foo < /etc/passwd", "reserved character '<'"),
          Arguments.of("foo $HOME", "reserved character '$'"),
          Arguments.of("foo `id`", "reserved character '`'"),
          Arguments.of("foo $(id)", "reserved character '$'"),
          Arguments.of("foo ~/x", "reserved character '~'"),
          Arguments.of("foo *", "reserved character '*'"),
          Arguments.of("foo a?", "reserved character '?'"),
          Arguments.of("foo #x", "reserved character '#'"),
          Arguments.of("foo 'a b'", "reserved character '''"),
          Arguments.of("foo a\\ b", "reserved character '\\'"),
          Arguments.of("foo\tbar", "reserved character '\\t'"),
          Arguments.of("foo\nbar", "reserved character '\\n'"),
          Arguments.of("foo a\"b\"", "reserved character '\"'"),
          Arguments.of("foo \"a\"b", "a quoted argument must end at a space"),
          Arguments.of("foo \"a", "is not closed"),
          Arguments.of("foo \"a\\\"", "is not closed"),
          Arguments.of("foo \"$HOME\"", "'$' inside quotes"),
          Arguments.of("foo \"`id`\"", "'`' inside quotes"),
          Arguments.of("foo \"a\\nb\"", "a backslash inside quotes"),
          Arguments.of("foo \"a\\", "a backslash inside quotes"),
          Arguments.of("foo \"%f\"", "field code cannot stand inside a quoted argument"),
          Arguments.of("foo \"--x=%u\"", "field code cannot stand inside a quoted argument"),
          Arguments.of("foo \"%d\"", "field code cannot stand inside a quoted argument"),
          Arguments.of("foo %x", "unknown field code '%x'"),
          Arguments.of("foo %", "a lone '%'"),
          Arguments.of("foo 50% off", "a lone '%'"),
          Arguments.of("foo %1", "unknown field code '%1'"),
          Arguments.of("foo %f %u", "more than one of the field codes"),
          Arguments.of("foo %F %F", "more than one of the field codes"),
          Arguments.of("foo --file=%f%u", "more than one of the field codes"),
          Arguments.of("foo --files=%F", "field code %F must be an argument on its own"),
          Arguments.of("foo %Ux", "field code %U must be an argument on its own"),
          Arguments.of("foo --%i", "field code %i must be an argument on its own"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("lines")
    void isRefused(String exec, String why) {
      assertThatThrownBy(() -> ExecLine.parse(exec))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
          .hasMessageStartingWith("Exec value '")
          .hasMessageContaining(why);
    }

    @Test
    void refusesTextThatCannotBeWrittenBesideAFieldCode() {
      assertThatThrownBy(
              () ->
                  new ExecLine(
                      List.of(
                          ExecArgument.literal("foo"),
                          new ExecArgument(List.of(new Text("a b="), new FieldCode('f'))))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
