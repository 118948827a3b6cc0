package io.appbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {
  @Nested
  class Valid {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "docker.io/library/debian:bookworm|docker.io|library/debian|bookworm|true",
          "localhost/appbox/debian:built|localhost|appbox/debian|built|true",
          "quay.io/fedora/fedora:41|quay.io|fedora/fedora|41|true",
          "registry.local:5000/x/y:1.0|registry.local:5000|x/y|1.0|true",
          "debian:bookworm||debian|bookworm|false",
          "library/debian||library/debian||false",
        })
    void parsed(String text, String registry, String repository, String tag, boolean qualified) {
      ImageRef ref = ImageRef.parse(text);
      assertThat(ref.registry()).isEqualTo(registry);
      assertThat(ref.repository()).isEqualTo(repository);
      assertThat(ref.tag()).isEqualTo(tag);
      assertThat(ref.isFullyQualified()).isEqualTo(qualified);
      assertThat(ref.toString()).isEqualTo(text);
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Debian", "a b", "x:", "-x", "x@sha256:12", "a//b", "$(id)"})
    void refused(String text) {
      assertThatThrownBy(() -> ImageRef.parse(text))
          .isInstanceOf(AppboxException.class)
          .hasMessageContaining("not valid");
    }
  }
}
