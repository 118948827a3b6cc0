package io.appbox.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.appbox.core.engine.OutputListener.Stream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiplexedStreamTest {
  private static void frame(ByteArrayOutputStream out, int stream, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.write(stream);
    out.write(0);
    out.write(0);
    out.write(0);
    out.write((b.length >>> 24) & 0xff);
    out.write((b.length >>> 16) & 0xff);
    out.write((b.length >>> 8) & 0xff);
    out.write(b.length & 0xff);
    out.write(b, 0, b.length);
  }

  @Test
  void splitsStdoutAndStderrIntoLinesAcrossFrames() throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    frame(wire, 1, "hel");
    frame(wire, 2, "oops\n");
    frame(wire, 1, "lo\nwörld");
    List<String> lines = new ArrayList<>();
    MultiplexedStream m = new MultiplexedStream((s, l) -> lines.add(s + ":" + l));
    m.readAll(new ByteArrayInputStream(wire.toByteArray()), "POST /exec/1/start");
    assertThat(m.stdout()).isEqualTo("hello\nwörld");
    assertThat(m.stderr()).isEqualTo("oops\n");
    assertThat(lines)
        .containsExactly(
            Stream.STDERR + ":oops", Stream.STDOUT + ":hello", Stream.STDOUT + ":wörld");
  }

  @Test
  void aTruncatedFrameIsAnError() {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    frame(wire, 1, "hello");
    byte[] cut = java.util.Arrays.copyOf(wire.toByteArray(), 10);
    MultiplexedStream m = new MultiplexedStream((s, l) -> {});
    assertThatThrownBy(() -> m.readAll(new ByteArrayInputStream(cut), "POST /exec/1/start"))
        .isInstanceOf(IOException.class);
  }
}
