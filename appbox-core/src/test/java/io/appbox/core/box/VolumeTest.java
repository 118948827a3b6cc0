package io.appbox.core.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.AppboxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeTest {
  @Nested
  class Valid {
    @ParameterizedTest
    @CsvSource({
      "/srv/data:/data,/srv/data,/data,false",
      "/srv/data:/data:ro,/srv/data,/data,true",
      "/srv/data:/data:rw,/srv/data,/data,false",
      "/a/../b:/mnt/./x,/b,/mnt/x,false"
    })
    void parsed(String spec, String source, String target, boolean readOnly) {
      assertThat(Volume.parse(spec))
          .isEqualTo(new Volume(Path.of(source), Path.of(target), readOnly));
    }
  }

  @Nested
  class Invalid {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "/a",
          "a:/b",
          "/a:b",
          "/a:/b:rx",
          "/a:/b:ro:x",
          "/a:/",
          "/a:/etc",
          "/a:/run/host",
          "/a\n:/b"
        })
    void refused(String spec) {
      assertThatThrownBy(() -> Volume.parse(spec)).isInstanceOf(AppboxException.class);
    }
  }
}
