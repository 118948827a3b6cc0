package io.appbox.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
  @Nested
  class Valid {
    @Test
    void parsesEveryKindOfValue() {
      Object v =
          Json.parse(" {\"a\":[1,-2.5,true,false,null,\"x\\n\\u00e9\\\"\"],\"b\":{},\"c\":[]} ");
      assertThat(v)
          .isEqualTo(
              Map.of(
                  "a", Arrays.asList(1L, new BigDecimal("-2.5"), true, false, null, "x\né\""),
                  "b", Map.of(),
                  "c", List.of()));
    }

    @Test
    void writesWhatItReads() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("text", "tab\there \"quoted\" back\\slash \u0001 ü 🙂");
      doc.put("n", 42L);
      doc.put("list", Arrays.asList(1, null, "x"));
      String written = Json.write(doc);
      assertThat(written).doesNotContain("\t").contains("\\u0001");
      assertThat(Json.parse(written)).isEqualTo(Json.parse(Json.writePretty(doc)));
      assertThat(((Map<?, ?>) Json.parse(written)).get("text")).isEqualTo(doc.get("text"));
    }

    @Test
    void readsEscapesOfEveryCaseAndPairsOfSurrogates() {
      assertThat(Json.parse("\"\\u00E9\\u00e9\\ud83d\\ude42\"")).isEqualTo("éé🙂");
      assertThat(Json.parse("\"🙂\"")).isEqualTo("🙂");
    }

    @Test
    void integersThatFitALongAreLongsNegativeOnesIncluded() {
      assertThat(Json.parse("-1234567890123456789")).isEqualTo(-1234567890123456789L);
      assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
      assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
      assertThat(Json.parse("9223372036854775808"))
          .isEqualTo(new BigDecimal("9223372036854775808"));
      assertThat(Json.parse("-9223372036854775809"))
          .isEqualTo(new BigDecimal("-9223372036854775809"));
    }

    @Test
    void halfASurrogatePairIsWrittenAsTheReplacementCharacter() {
      String written = Json.write("a\ud800b\udc00");
      assertThat(written).isEqualTo("\"a\\ufffdb\\ufffd\"");
      assertThat(Json.parse(written)).isEqualTo("a\ufffdb\ufffd");
    }

    @Test
    void keepsKeyOrder() {
      assertThat(Json.write(Json.parse("{\"z\":1,\"a\":2}"))).isEqualTo("{\"z\":1,\"a\":2}");
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {"", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "nul", "{} x", "\"a\nb\""})
    void refused(String text) {
      assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"\\u+041\"",
          "\"\\u-041\"",
          "\"\\u 041\"",
          "\"\\u004\"",
          "\"\\u00g1\"",
          "\"\\u\u0660\u0660\u0664\u0661\"",
          "\"\\ud800\"",
          "\"\\udc00\"",
          "\"\\ud800\\u0041\"",
          "\"\\ud800x\"",
          "\"\\ude42\\ud83d\"",
          "\"\ud800\""
        })
    void escapesMustBeFourHexDigitsOfWholeCharacters(String text) {
      assertThatThrownBy(() -> Json.parse(text))
          .isInstanceOf(JsonException.class)
          .hasMessageContaining("invalid JSON at offset");
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
      assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).isInstanceOf(JsonException.class);
    }
  }
}
