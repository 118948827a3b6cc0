package io.appbox.desktop.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueEscapesTest {
  /** Characters that hurt: escapes, separators, quotes, controls, non-ASCII. */
  static final String HOSTILE = " \\;\"'$`%\n\t\r\u001b\u0085sn;=[]#é€😀";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\sb|a b",
        "\\sleading|' leading'",
        "x\\ny|'x\ny'",
        "x\\ty|'x\ty'",
        "x\\ry|'x\ry'",
        "x\\\\y|x\\y",
        "x\\;y|x\\;y",
        "x\\qy|x\\qy",
        "trailing\\|trailing\\",
      })
  void unescapes(String raw, String value) {
    assertThat(ValueEscapes.unescape(raw)).isEqualTo(value);
  }

  @Test
  void escapesLeadingSpacesOnly() {
    assertThat(ValueEscapes.escape("  a b")).isEqualTo("\\s\\sa b");
  }

  @Test
  void splitsListsAtUnescapedSemicolons() {
    assertThat(ValueEscapes.splitList("a;b\\;c;d\\\\;e")).containsExactly("a", "b;c", "d\\", "e");
    assertThat(ValueEscapes.splitList("")).isEmpty();
    assertThat(ValueEscapes.splitList(";")).containsExactly("");
  }

  @Test
  void stripsControlCharactersButKeepsEscapes() {
    assertThat(ValueEscapes.stripControlCharacters("a\u001b[31mb\\nc\\;d\\\\e\tf\u0085"))
        .isEqualTo("a[31mb c\\;d\\\\e f");
    assertThat(ValueEscapes.stripControlCharacters("a\\\u0001b")).isEqualTo("a\\\\b");
  }

  @Test
  void stringRoundTripsHostileValues() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      String value = hostile(random);
      String raw = ValueEscapes.escape(value);
      assertThat(raw).doesNotContain("\n", "\r").doesNotStartWith(" ");
      assertThat(ValueEscapes.unescape(raw)).isEqualTo(value);
    }
  }

  @Test
  void listRoundTripsHostileItems() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      List<String> items = new ArrayList<>();
      for (int k = random.nextInt(4); k > 0; k--) {
        items.add(hostile(random));
      }
      assertThat(ValueEscapes.splitList(ValueEscapes.joinList(items))).isEqualTo(items);
    }
  }

  static String hostile(Random random) {
    StringBuilder s = new StringBuilder();
    int[] cps = HOSTILE.codePoints().toArray();
    for (int n = random.nextInt(12); n > 0; n--) {
      s.appendCodePoint(cps[random.nextInt(cps.length)]);
    }
    return s.toString();
  }
}
