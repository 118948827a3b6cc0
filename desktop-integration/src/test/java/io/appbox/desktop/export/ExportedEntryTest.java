package io.appbox.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.desktop.entry.DesktopEntry;
import io.appbox.desktop.entry.DesktopGroup;
import io.appbox.desktop.entry.ExecLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExportedEntryTest {
  static final BoxName DEV = BoxName.of("dev");
  static final List<String> LAUNCHER = List.of("/home/u/.local/share/appbox/launch", "dev", "--");
  static final ExportedEntry HTOP = ExportedEntry.of(DEV, "htop", "htop", LAUNCHER);

  @TempDir Path dir;

  static DesktopEntry parse(String text) {
    return DesktopEntry.parse("test.desktop", text.getBytes(StandardCharsets.UTF_8));
  }

  static String entry(String... mainLines) {
    return "[Desktop Entry]\nType=Application\nName=App\n" + String.join("\n", mainLines) + "\n";
  }

  DesktopEntry exported(ExportedEntry export, String source, Optional<String> icon)
      throws Exception {
    DesktopEntry out = export.rewrite(parse(source), icon);
    DesktopFileValidator.assertValid(dir, export.fileName(), out.toBytes());
    return DesktopEntry.parse(out.toBytes());
  }

  static List<String> exec(DesktopGroup group) {
    return ExecLine.parse(group.string("Exec").orElseThrow()).arguments().stream()
        .map(a -> a.isLiteral() ? a.literal() : a.segments().toString())
        .toList();
  }

  @Nested
  class Valid {
    @Test
    void rewritesATypicalEntry() throws Exception {
      String source =
          """
          # from the htop package
          [Desktop Entry]
          Type=Application
          Version=1.0
          Name=Htop
          Name[de]=Htop (Prozesse)
          GenericName=Process Viewer
          Comment=Show System Processes
          Icon=htop
          Icon[de]=htop-de
          TryExec=htop
          Exec=htop %F
          Path=/var/lib/htop
          DBusActivatable=false
          Terminal=true
          Categories=System;Monitor;ConsoleOnly;
          Keywords=system;process;task\\;manager;
          """;
      DesktopEntry out = HTOP.rewrite(parse(source), Optional.of("htop"));
      assertThat(out.toText())
          .isEqualTo(
              """
              # from the htop package
              [Desktop Entry]
              Type=Application
              Version=1.0
              Name=Htop (dev)
              Name[de]=Htop (Prozesse) (dev)
              GenericName=Process Viewer
              Comment=Show System Processes
              Icon=htop
              Exec=/home/u/.local/share/appbox/launch dev -- htop %F
              Terminal=true
              Categories=System;Monitor;ConsoleOnly;
              Keywords=system;process;task\\;manager;
              StartupWMClass=htop
              X-Appbox-Box=dev
              X-Appbox-Id=htop
              X-Appbox-Package=htop
              """);
      DesktopFileValidator.assertValid(dir, HTOP.fileName(), out.toBytes());
    }

    @Test
    void namesTheFileAfterBoxAndId() {
      assertThat(HTOP.fileName()).isEqualTo("appbox-dev-htop.desktop");
      assertThat(ExportedEntry.fileName(DEV, "org.gnome.Calculator"))
          .isEqualTo("appbox-dev-org.gnome.Calculator.desktop");
      assertThat(ExportedEntry.fileName(DEV, "firefox-esr"))
          .isEqualTo("appbox-dev-firefox-esr.desktop");
    }

    @Test
    void rewritesEveryListedActionAndDropsTheRest() throws Exception {
      String source =
          entry("Exec=app %U", "Icon=app", "Actions=new;private;gone;noexec;")
              + """
              [Desktop Action new]
              Name=New Window
              Exec=app --new-window %u
              Icon=app
              [Desktop Action private]
              Name=Private
              Exec=app "--private window"
              Icon=other
              [Desktop Action unlisted]
              Name=Unlisted
              Exec=rm -rf /tmp/x
              [Desktop Action noexec]
              Name=No exec
              [X-Other]
              Exec=evil
              """;
      DesktopEntry out = exported(HTOP, source, Optional.of("appbox-dev-app"));
      assertThat(out.groups())
          .extracting(DesktopGroup::name)
          .containsExactly("Desktop Entry", "Desktop Action new", "Desktop Action private");
      assertThat(out.main().list("Actions")).contains(List.of("new", "private"));
      assertThat(exec(out.main())).containsExactly(LAUNCHER.get(0), "dev", "--", "app", "[%U]");
      DesktopGroup fresh = out.group("Desktop Action new").orElseThrow();
      assertThat(exec(fresh))
          .containsExactly(LAUNCHER.get(0), "dev", "--", "app", "--new-window", "[%u]");
      assertThat(fresh.string("Icon")).contains("appbox-dev-app");
      DesktopGroup priv = out.group("Desktop Action private").orElseThrow();
      assertThat(exec(priv))
          .containsExactly(LAUNCHER.get(0), "dev", "--", "app", "--private window");
      assertThat(priv.has("Icon")).isFalse();
      assertThat(priv.string("Name")).contains("Private");
    }

    @Test
    void keepsStartupWMClassAndRemovesTheIconWhenThereIsNone() throws Exception {
      DesktopEntry out =
          exported(
              HTOP, entry("Exec=app", "Icon=app", "StartupWMClass=App-Window"), Optional.empty());
      assertThat(out.main().string("StartupWMClass")).contains("App-Window");
      assertThat(out.main().has("Icon")).isFalse();
    }

    @Test
    void preservesQuotedShellMetacharactersAsOneArgument() throws Exception {
      String source =
          entry("Exec=sh -c \"echo \\\\$HOME; rm -rf ~ | \\\\`id\\\\` && \\\\\\\\x\" %f");
      DesktopEntry out = exported(HTOP, source, Optional.empty());
      assertThat(exec(out.main()))
          .containsExactly(
              LAUNCHER.get(0),
              "dev",
              "--",
              "sh",
              "-c",
              "echo $HOME; rm -rf ~ | `id` && \\x",
              "[%f]");
    }

    @Test
    void quotesALauncherPathWithSpaces() throws Exception {
      ExportedEntry export =
          ExportedEntry.of(DEV, "htop", "htop", List.of("/home/u s/$x/launch", "dev", "--"));
      DesktopEntry out = exported(export, entry("Exec=htop"), Optional.empty());
      assertThat(out.main().raw("Exec")).contains("\"/home/u s/\\\\$x/launch\" dev -- htop");
      assertThat(exec(out.main())).containsExactly("/home/u s/$x/launch", "dev", "--", "htop");
    }

    @Test
    void removesControlCharactersFromEveryValue() throws Exception {
      String source =
          entry(
              "Exec=app \"a\tb\u0007\"",
              "Name[de]=Bö\u001b[31mse",
              "Comment=line\\nbreak\u0001",
              "GenericName=\u0085Viewer",
              "X-Thing=\u001b]0;title\u0007");
      DesktopEntry out =
          exported(HTOP, source.replace("Name=App", "Name=Ev\u001bil\u009b"), Optional.empty());
      DesktopGroup main = out.main();
      assertThat(main.string("Name")).contains("Evil (dev)");
      assertThat(
              main.entry(io.appbox.desktop.entry.EntryKey.parse("Name[de]")).orElseThrow().value())
          .isEqualTo("Bö[31mse (dev)");
      assertThat(main.string("Comment")).contains("line break");
      assertThat(main.string("GenericName")).contains("Viewer");
      assertThat(main.string("X-Thing")).contains("]0;title");
      assertThat(exec(main)).endsWith("app", "a b");
      assertThat(out.toText().replace("\n", "")).doesNotContainPattern("\\p{Cc}");
    }

    @Test
    void dropsUnknownKeysAndKeysAddedAfterTheValidatorsItTargets() throws Exception {
      String source =
          entry(
              "Exec=app",
              "Version=1.5",
              "SingleMainWindow=true",
              "Encoding=UTF-8",
              "Foo=bar",
              "X-Foo=kept",
              "Keywords[de]=orphan;",
              "Exec[de]=evil",
              "X-KDE-SubstituteUID=true",
              "X-DBUS-ServiceName=org.evil",
              "Comment=c",
              "Comment[de]=k");
      DesktopEntry out = exported(HTOP, source, Optional.empty());
      assertThat(out.main().string("Version")).contains("1.4");
      assertThat(out.main().entries())
          .extracting(kv -> kv.key().toString())
          .doesNotContain(
              "SingleMainWindow",
              "Encoding",
              "Foo",
              "Keywords[de]",
              "Exec[de]",
              "X-KDE-SubstituteUID",
              "X-DBUS-ServiceName")
          .contains("X-Foo", "Comment[de]");
    }

    @Test
    void keepsTheFieldCodesOfAnyKind() throws Exception {
      DesktopEntry out =
          exported(
              HTOP,
              entry("Icon=app", "Exec=app --name=%c --icon-arg %i %k --file=%f %d"),
              Optional.of("app"));
      assertThat(out.main().raw("Exec"))
          .contains(
              "/home/u/.local/share/appbox/launch dev -- app --name=%c --icon-arg %i %k --file=%f");
    }

    @Test
    void labelsWithACustomLabel() throws Exception {
      ExportedEntry export = new ExportedEntry(DEV, "htop", "", LAUNCHER, " [box: dev] \\ ;");
      DesktopEntry out = exported(export, entry("Exec=app"), Optional.empty());
      assertThat(out.main().string("Name")).contains("App [box: dev] \\ ;");
      assertThat(out.main().has("X-Appbox-Package")).isFalse();
    }

    @Test
    void producesValidEntriesForHostileArguments() throws Exception {
      Random random = new Random(3);
      String chars = " \\;\"'$`%\n\t~|&<>*?#()=é€😀\u001b";
      for (int i = 0; i < 40; i++) {
        List<String> args = new ArrayList<>(List.of("prog"));
        for (int k = random.nextInt(4) + 1; k > 0; k--) {
          StringBuilder arg = new StringBuilder();
          for (int n = random.nextInt(8); n > 0; n--) {
            arg.appendCodePoint(
                chars.codePointAt(
                    chars.offsetByCodePoints(
                        0, random.nextInt(chars.codePointCount(0, chars.length())))));
          }
          args.add(arg.toString());
        }
        DesktopEntry source = parse(entry("Exec=x"));
        source = source.withGroup(source.main().withString("Exec", ExecLine.of(args).format()));
        DesktopEntry out = HTOP.rewrite(source, Optional.empty());
        DesktopFileValidator.assertValid(dir, HTOP.fileName(), out.toBytes());
        List<String> expected = new ArrayList<>(LAUNCHER);
        args.forEach(
            a -> expected.add(io.appbox.desktop.entry.ValueEscapes.removeControlCharacters(a)));
        assertThat(exec(DesktopEntry.parse(out.toBytes()).main())).isEqualTo(expected);
      }
    }
  }

  @Nested
  class Invalid {
    static Stream<Arguments> sources() {
      return Stream.of(
          Arguments.of(entry("Exec=app; rm -rf ~"), "Exec value 'app; rm -rf ~' is not valid"),
          Arguments.of(entry("Exec=app $(id)"), "reserved character '$'"),
          Arguments.of(entry("Exec=app `id`"), "reserved character '`'"),
          Arguments.of(entry("Exec=app > /tmp/pwned"), "reserved character '>'"),
          Arguments.of(entry("Exec=app \"%f\""), "inside a quoted argument"),
          Arguments.of(entry("Exec=app %f %U"), "more than one of the field codes"),
          Arguments.of(entry("Exec=app %x"), "unknown field code '%x'"),
          Arguments.of(entry("Exec=%f"), "the program must be named first"),
          Arguments.of(entry("Exec=app --all=%F"), "must be an argument on its own"),
          Arguments.of(
              entry("Exec=app", "Actions=a;") + "[Desktop Action a]\nName=A\nExec=a | b\n",
              "[Desktop Action a]: Exec value 'a | b'"),
          Arguments.of(entry("DBusActivatable=true"), "has no Exec key"),
          Arguments.of(entry("Exec="), "names no program"),
          Arguments.of(entry("Exec=app").replace("Name=App", "Name=\u001b\u0007"), "has no name"),
          Arguments.of(entry("Exec=app").replace("Name=App\n", ""), "has no name"),
          Arguments.of(entry("Exec=app").replace("Application", "Link"), "of type 'Link'"),
          Arguments.of(entry("Exec=app").replace("Type=Application\n", ""), "of type ''"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("sources")
    void isRefused(String source, String message) {
      assertThatThrownBy(() -> HTOP.rewrite(parse(source), Optional.empty()))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
          .hasMessageContaining(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "../x", ".hidden", "a b", "htop.desktop", "x\u0000", "é"})
    void refusesBadDesktopIds(String id) {
      assertThatThrownBy(() -> ExportedEntry.of(DEV, id, "", LAUNCHER))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
  }
}
