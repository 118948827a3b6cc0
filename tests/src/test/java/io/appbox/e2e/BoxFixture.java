package io.appbox.e2e;

import static io.appbox.e2e.CommandResultAssert.assertThat;
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
    assertThat(r).succeeded();
  }

  void write(String path, String content, String mode) {
    write(path, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  /** The tests' own package, e2e-upgradable, installed in {@code version} (1.0, 2.0, ...). */
  void installUpgradable(String version) {
    asRoot(
        "set -e; d=/tmp/e2e-upgradable-$1; mkdir -p $d/DEBIAN;"
            + " printf 'Package: e2e-upgradable\\nVersion: %s\\nArchitecture: all\\n"
            + "Maintainer: appbox e2e <e2e@example.org>\\nDescription: an upgrade to make\\n'"
            + " \"$1\" > $d/DEBIAN/control; dpkg-deb -b $d /tmp/e2e-upgradable_$1_all.deb >/dev/null;"
            + " dpkg -i /tmp/e2e-upgradable_$1_all.deb >/dev/null",
        version);
  }

  /**
   * Offers e2e-upgradable in {@code version} from a local repository the box's apt knows: an
   * upgrade that changes something, whatever the mirror has.
   */
  void offerUpgrade(String version) {
    asRoot(
        "set -e; d=/tmp/e2e-upgradable-$1; mkdir -p $d/DEBIAN;"
            + " printf 'Package: e2e-upgradable\\nVersion: %s\\nArchitecture: all\\n"
            + "Maintainer: appbox e2e <e2e@example.org>\\nDescription: an upgrade to make\\n'"
            + " \"$1\" > $d/DEBIAN/control; mkdir -p /srv/e2e-repo; rm -f /srv/e2e-repo/*.deb;"
            + " f=e2e-upgradable_$1_all.deb; dpkg-deb -b $d /srv/e2e-repo/$f >/dev/null;"
            + " cd /srv/e2e-repo; { dpkg-deb -f $f; printf 'Filename: ./%s\\nSize: %s\\nSHA256:"
            + " %s\\n\\n' $f $(stat -c %s $f) $(sha256sum $f | cut -d' ' -f1); } > Packages;"
            + " echo 'deb [trusted=yes] file:/srv/e2e-repo ./' > /etc/apt/sources.list.d/e2e.list;"
            + " apt-get update -o Dir::Etc::sourcelist=sources.list.d/e2e.list"
            + " -o Dir::Etc::sourceparts=- -o APT::Get::List-Cleanup=0 >/dev/null",
        version);
  }

  private void asRoot(String script, String arg) {
    CommandResult r = s.appbox("run", "--root", box, "--", "sh", "-c", script, "sh", arg);
    assertThat(r).succeeded();
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
