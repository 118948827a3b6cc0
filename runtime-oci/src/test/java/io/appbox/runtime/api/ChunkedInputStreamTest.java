package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedInputStreamTest {
  @Test
  void decodesChunksWithExtensionsAndTrailers() throws IOException {
    String wire = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";
    ChunkedInputStream in =
        new ChunkedInputStream(
            new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)), "GET /x");
    assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
  }
}
