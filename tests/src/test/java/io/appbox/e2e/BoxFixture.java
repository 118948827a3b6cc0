package io.appbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Puts files into a box as root, the way a package would install them. */
final class BoxFixture {
  private final Sandbox s;
  private final String box;

  BoxFixture(Sandbox s, String box) {
    this.s = s;
    this.box = box;
  }

  void write(String path, byte[] content, String mode) {
    CommandResult r =
        s.appboxWithInput(
            content,
            "run",
            "--root",
            box,
            "--",
            "sh",
            "-c",
            "mkdir -p \"$(dirname \"$1\")\" && cat > \"$1\" && chmod \"$2\" \"$1\"",
            "sh",
            path,
            mode);
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  void write(String path, String content, String mode) {
    write(path, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  static byte[] png(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    for (int x = 0; x < size; x++) {
      image.setRGB(x, x, 0xff3366cc);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
