package io.appbox.core.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchRankingTest {
  private static SearchHit hit(String name, String summary) {
    return new SearchHit(name, summary);
  }

  @Test
  void theExactNameFirstThenPrefixThenContainsThenSummaryShorterNamesFirst() {
    List<SearchHit> apt =
        List.of(
            hit("aha", "ANSI color to HTML converter, used by htop"),
            hit("htop-dbg", "debug symbols"),
            hit("pytop", "htop-like in python"),
            hit("bashtop", "monitor"),
            hit("htop", "interactive processes viewer"),
            hit("htopx", "another"));
    assertThat(SearchRanking.rank(apt, List.of("htop")))
        .extracting(SearchHit::name)
        .containsExactly("htop", "htopx", "htop-dbg", "bashtop", "aha", "pytop");
  }

  @Test
  void severalWordsJoinedByADashAreAnExactName() {
    List<SearchHit> hits = List.of(hit("text-editor-x", "x"), hit("text-editor", "y"));
    assertThat(SearchRanking.rank(hits, List.of("text", "editor")))
        .extracting(SearchHit::name)
        .containsExactly("text-editor", "text-editor-x");
  }

  @ParameterizedTest
  @CsvSource({
    "nano, small friendly text editor, true",
    "textadept, something, false",
    "gedit, official Text Editor of GNOME, true",
    "vim, Vi IMproved, false"
  })
  void everyWordMustBeInTheNameOrSummary(String name, String summary, boolean matches) {
    assertThat(SearchRanking.matchesAll(hit(name, summary), List.of("text", "editor")))
        .isEqualTo(matches);
  }

  @ParameterizedTest
  @CsvSource({
    "378, KiB, 387072",
    "1.2 MiB, , 1258291",
    "348 KiB, , 356352",
    "3 M, , 3145728",
    "152412, , 152412",
    "12.5 kB, , 12500",
  })
  void sizesInBytes(String size, String unit, long bytes) {
    assertThat(ShowOutput.bytes(size, java.util.Optional.ofNullable(unit))).isEqualTo(bytes);
  }

  @Test
  void aSizeThatIsNoSizeIsNull() {
    assertThat(ShowOutput.bytes("unknown", java.util.Optional.empty())).isNull();
  }
}
