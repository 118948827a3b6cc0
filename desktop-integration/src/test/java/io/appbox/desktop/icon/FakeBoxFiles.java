package io.appbox.desktop.icon;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.export.BoxFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A box's files in memory; {@code find} answers like {@code find -name 'NAME.*'} would. */
final class FakeBoxFiles implements BoxFiles {
  final Map<String, byte[]> files = new LinkedHashMap<>();
  final List<String> extraFindResults = new ArrayList<>();
  final List<String> reads = new ArrayList<>();

  FakeBoxFiles with(String path, byte[] content) {
    files.put(path, content);
    return this;
  }

  @Override
  public List<String> find(String iconName) {
    List<String> out = new ArrayList<>(extraFindResults);
    for (String path : files.keySet()) {
      String base = path.substring(path.lastIndexOf('/') + 1);
      int dot = base.lastIndexOf('.');
      if (dot > 0 && base.substring(0, dot).equals(iconName)) {
        out.add(path);
      }
    }
    return out;
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    reads.add(path);
    byte[] content = files.get(path);
    if (content == null) {
      throw new AppboxException(ErrorCode.FAILED, "no such file " + path, "");
    }
    return Arrays.copyOf(content, Math.min(content.length, maxBytes + 1));
  }

  @Override
  public boolean isExecutable(String path) {
    return false;
  }

  static byte[] png(int width, int height) {
    byte[] c = new byte[33];
    byte[] head = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
    };
    System.arraycopy(head, 0, c, 0, head.length);
    put32(c, 16, width);
    put32(c, 20, height);
    return c;
  }

  static byte[] png(int size, String tag) {
    byte[] p = png(size, size);
    byte[] t = tag.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(p, p.length + t.length);
    System.arraycopy(t, 0, out, p.length, t.length);
    return out;
  }

  static byte[] xpm(int width, int height) {
    return ("/* XPM */\nstatic char * icon_xpm[] = {\n/* values */\n\""
            + width
            + " "
            + height
            + " 2 1\",\n\"  c None\",\n\". c #000000\",\n};\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] svg() {
    return "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\"/>\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void put32(byte[] c, int at, int v) {
    c[at] = (byte) (v >>> 24);
    c[at + 1] = (byte) (v >>> 16);
    c[at + 2] = (byte) (v >>> 8);
    c[at + 3] = (byte) v;
  }
}
