package io.appbox.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputPatternTest {
  @Nested
  class Valid {
    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource(
        delimiterString = " => ",
        value = {
          "(?<name>\\S+) => name",
          "^(?<name>\\S+) - (?<summary>.*)$ => summary",
          "(?x) (?<name> \\S+ ) # a comment => name",
          "(?<name>a|b) => name",
          "x|(?<name>y) => name",
          "(?<name>\\Qa(b\\E) => name",
          "(?<key>[^:]+):(?<value>.*) => value",
        })
    void findsTheNamedGroup(String regex, String group) {
      assertThat(OutputPattern.hasGroup(regex, group)).isTrue();
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest(name = "{0} lacks {1}")
    @CsvSource(
        delimiterString = " => ",
        value = {
          "(\\S+) => name",
          "(?<names>\\S+) => name",
          "\\(?<name>x\\) => name",
          "[(?<name>x)] => name",
          "\\Q(?<name>x)\\E => name",
          "(?x) x # (?<name>y) => name",
          "(?<name>x) => summary",
        })
    void missesTheNamedGroup(String regex, String group) {
      assertThat(OutputPattern.hasGroup(regex, group)).isFalse();
    }
  }
}
