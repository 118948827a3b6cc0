package io.appbox.desktop.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DesktopEntryTest {
  static final String HTOP =
      """
      # Installed by the htop package

      [Desktop Entry]
      Type=Application
      Version=1.0
      Name=Htop
      Name[de]=Htop
      Name[sr@latin]=Htop
      Name[ca_ES.UTF-8@valencia]=Htop
      # A comment inside the group
      GenericName=Process Viewer
      Comment=Show\\sSystem Processes\\nand more
      Icon=htop
      Exec=htop
      Terminal=true
      Categories=System;Monitor;ConsoleOnly;
      Keywords=system;process;task\\;manager;

      [Desktop Action kill]
      Name=Kill
      Exec=htop --kill %u
      """;

  static DesktopEntry parse(String text) {
    return DesktopEntry.parse("test.desktop", text.getBytes(StandardCharsets.UTF_8));
  }

  @Nested
  class Valid {
    @Test
    void writesBackWhatItRead() {
      assertThat(parse(HTOP).toText()).isEqualTo(HTOP);
    }

    @Test
    void keepsGroupAndKeyOrder() {
      DesktopEntry entry = parse(HTOP);
      assertThat(entry.groups())
          .extracting(DesktopGroup::name)
          .containsExactly("Desktop Entry", "Desktop Action kill");
      assertThat(entry.main().entries())
          .extracting(kv -> kv.key().toString())
          .startsWith("Type", "Version", "Name", "Name[de]", "Name[sr@latin]");
      assertThat(entry.preamble()).containsExactly("# Installed by the htop package", "");
      assertThat(entry.actions()).hasSize(1);
      assertThat(entry.actions().get(0).actionId()).contains("kill");
    }

    @Test
    void undoesStringAndListEscapes() {
      DesktopGroup main = parse(HTOP).main();
      assertThat(main.string("Comment")).contains("Show System Processes\nand more");
      assertThat(main.list("Keywords")).contains(List.of("system", "process", "task;manager"));
      assertThat(main.list("Categories")).contains(List.of("System", "Monitor", "ConsoleOnly"));
    }

    @Test
    void changesOnlyTheLinesItMust() {
      DesktopEntry entry = parse(HTOP);
      DesktopEntry changed =
          entry.withGroup(entry.main().withString("Icon", "other").withString("X-New", " a"));
      assertThat(changed.toText())
          .isEqualTo(
              HTOP.replace("Icon=htop", "Icon=other")
                  .replace(
                      "Keywords=system;process;task\\;manager;\n",
                      "Keywords=system;process;task\\;manager;\nX-New=\\sa\n"));
    }

    @Test
    void removesAKeyWithItsTranslations() {
      DesktopGroup main = parse(HTOP).main().without("Name");
      assertThat(main.entries()).noneMatch(kv -> kv.key().name().equals("Name"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "[Desktop Entry]\r\nName=A\r\n",
          "[Desktop Entry]\nName =  A\n",
          "[Desktop Entry]\nName\t=\tA",
          "\uFEFF[Desktop Entry]\nName=A\n",
          "  [Desktop Entry]  \n  Name=A\n",
        })
    void acceptsHarmlessVariants(String text) {
      assertThat(parse(text).main().string("Name")).contains("A");
    }

    @Test
    void keepsUnknownEscapesAsWritten() {
      DesktopGroup main = parse("[Desktop Entry]\nExec=sh -c \"echo \\\"hi\\\"\"\n").main();
      assertThat(main.string("Exec")).contains("sh -c \"echo \\\"hi\\\"\"");
    }

    @Test
    void refusesATenMegabyteFileFromDiskWithoutReadingIt(@TempDir Path dir) throws Exception {
      Path big = dir.resolve("big.desktop");
      try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
        f.setLength(10L * 1024 * 1024);
      }
      assertThatThrownBy(() -> DesktopEntry.read(big))
          .isInstanceOfSatisfying(
              AppboxException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
          .hasMessageContaining("larger than 1024 KiB");
    }

    @Test
    void readsASmallFileFromDisk(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("htop.desktop");
      Files.writeString(file, HTOP);
      assertThat(DesktopEntry.read(file).toText()).isEqualTo(HTOP);
    }
  }

  @Nested
  class Invalid {
    static Stream<Arguments> files() {
      return Stream.of(
          Arguments.of("empty", bytes(""), "has no [Desktop Entry] group"),
          Arguments.of("only comments", bytes("# hi\n\n"), "has no [Desktop Entry] group"),
          Arguments.of(
              "other group first",
              bytes("[Other]\na=b\n[Desktop Entry]\nName=A\n"),
              "the first group must be [Desktop Entry]"),
          Arguments.of(
              "no desktop entry group",
              bytes("[Desktop Action x]\nName=A\n"),
              "the first group must be [Desktop Entry]"),
          Arguments.of(
              "duplicate group",
              bytes("[Desktop Entry]\nName=A\n[X-A]\n[X-A]\n"),
              "has group '[X-A]' twice"),
          Arguments.of(
              "duplicate key", bytes("[Desktop Entry]\nName=A\nName=B\n"), "has key 'Name' twice"),
          Arguments.of(
              "duplicate localized key",
              bytes("[Desktop Entry]\nName[de]=A\nName[de]=B\n"),
              "has key 'Name[de]' twice"),
          Arguments.of(
              "line of no kind",
              bytes("[Desktop Entry]\nName=A\nrm -rf /\n"),
              "line 3 that is neither a comment, a group header nor a key=value pair"),
          Arguments.of("key before group", bytes("Name=A\n[Desktop Entry]\n"), "before the"),
          Arguments.of("space in key", bytes("[Desktop Entry]\nNa me=A\n"), "bad key on line 2"),
          Arguments.of("non-ASCII key", bytes("[Desktop Entry]\nNäme=A\n"), "bad key"),
          Arguments.of("empty key", bytes("[Desktop Entry]\n=A\n"), "bad key"),
          Arguments.of("empty locale", bytes("[Desktop Entry]\nName[]=A\n"), "bad key"),
          Arguments.of("open locale", bytes("[Desktop Entry]\nName[de=A\n"), "bad key"),
          Arguments.of("bad locale", bytes("[Desktop Entry]\nName[d e]=A\n"), "bad key"),
          Arguments.of("text after locale", bytes("[Desktop Entry]\nName[de]x=A\n"), "bad key"),
          Arguments.of("open header", bytes("[Desktop Entry\nName=A\n"), "malformed group"),
          Arguments.of("empty header", bytes("[Desktop Entry]\n[]\n"), "malformed group"),
          Arguments.of("bracket in group", bytes("[Desktop Entry]\n[a[b]\n"), "bad group name"),
          Arguments.of(
              "control in group", bytes("[Desktop Entry]\n[a\u001bb]\n"), "bad group name"),
          Arguments.of("NUL byte", bytes("[Desktop Entry]\nName=A\0B\n"), "NUL byte at offset 22"),
          Arguments.of(
              "carriage return inside a line",
              bytes("[Desktop Entry]\nName=A\rB\n"),
              "carriage return inside line 2"),
          Arguments.of(
              "invalid UTF-8",
              concat(bytes("[Desktop Entry]\nName="), new byte[] {(byte) 0xff}),
              "not valid UTF-8 (bad byte at offset 21)"),
          Arguments.of(
              "overlong UTF-8",
              concat(bytes("[Desktop Entry]\nName="), new byte[] {(byte) 0xc0, (byte) 0xaf}),
              "not valid UTF-8"),
          Arguments.of(
              "truncated UTF-8",
              concat(bytes("[Desktop Entry]\nName="), new byte[] {(byte) 0xe2, (byte) 0x82}),
              "not valid UTF-8"),
          Arguments.of(
              "UTF-16 surrogate in UTF-8",
              concat(
                  bytes("[Desktop Entry]\nName="),
                  new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
              "not valid UTF-8"),
          Arguments.of("ten megabytes", tenMegabytes(), "larger than 1024 KiB"),
          Arguments.of(
              "just over a mebibyte",
              new byte[DesktopEntry.MAX_BYTES + 1],
              "larger than 1024 KiB"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("files")
    void isRefused(String what, byte[] content, String message) {
      assertThatThrownBy(() -> DesktopEntry.parse("test.desktop", content))
          .isInstanceOfSatisfying(
              AppboxException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
                assertThat(e.hint()).isNotBlank();
              })
          .hasMessageStartingWith("Desktop file 'test.desktop' ")
          .hasMessageContaining(message);
    }

    @Test
    void refusesTenMegabytesCheaply() {
      byte[] big = tenMegabytes();
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        assertThatThrownBy(() -> DesktopEntry.parse(big)).isInstanceOf(AppboxException.class);
      }
      // A size check, not a scan: a hundred refusals take far less than a second.
      assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void refusesAStreamAfterOneByteTooMany() throws Exception {
      CountingStream in = new CountingStream();
      assertThatThrownBy(() -> DesktopEntry.read("stream", in)).isInstanceOf(AppboxException.class);
      assertThat(in.read).isEqualTo(DesktopEntry.MAX_BYTES + 1);
    }
  }

  /** An endless stream of 'a' that counts what was read from it. */
  static final class CountingStream extends java.io.InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 'a';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'a');
      read += len;
      return len;
    }
  }

  static byte[] tenMegabytes() {
    byte[] big = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    return big;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
