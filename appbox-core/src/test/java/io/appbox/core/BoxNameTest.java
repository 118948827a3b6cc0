package io.appbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxNameTest {
  @Nested
  class Valid {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "a", "Dev-2", "my.box_1", "0day"})
    void accepted(String name) {
      assertThat(BoxName.of(name).value()).isEqualTo(name);
    }

    @Test
    void sixtyThreeCharactersFit() {
      assertThat(BoxName.of("a".repeat(63)).value()).hasSize(63);
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {"../x", "a b", "$(id)", "-x", ".hidden", "a/b", "new\nline", "ü", "x;rm", "a:b"})
    void refusedQuotingTheInput(String name) {
      assertThatThrownBy(() -> BoxName.of(name))
          .isInstanceOf(AppboxException.class)
          .hasMessageContaining("not valid")
          .satisfies(
              e -> assertThat(((AppboxException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void empty() {
      assertThatThrownBy(() -> BoxName.of("")).hasMessageContaining("cannot be empty");
    }

    @Test
    void tooLong() {
      assertThatThrownBy(() -> BoxName.of("a".repeat(300))).hasMessageContaining("300 characters");
    }

    @Test
    void controlCharactersAreShownEscaped() {
      assertThatThrownBy(() -> BoxName.of("a\u001b[31mb"))
          .hasMessageContaining("\\x1b")
          .hasMessageNotContaining("\u001b");
    }
  }
}
