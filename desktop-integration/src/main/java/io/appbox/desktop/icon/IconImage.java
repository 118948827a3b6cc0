package io.appbox.desktop.icon;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an icon file's first bytes say: whether it is the image its extension claims, and for PNG
 * and XPM its size in pixels (from the PNG IHDR chunk or the XPM values line).
 *
 * @param size the larger of width and height, or 0 for SVG
 */
record IconImage(int size) {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final int MAX_PIXELS = 16384;
  private static final Pattern XPM_VALUES =
      Pattern.compile("\\{\\s*\"\\s*(\\d{1,6})\\s+(\\d{1,6})\\s+\\d+\\s+\\d+");

  /** The image, or null when the content is not a {@code ext} file. */
  static IconImage of(String ext, byte[] content) {
    return switch (ext) {
      case "png" -> png(content);
      case "xpm" -> xpm(content);
      case "svg" -> svg(content) ? new IconImage(0) : null;
      default -> null;
    };
  }

  private static IconImage png(byte[] c) {
    if (c.length < 24
        || !Arrays.equals(c, 0, 8, PNG_SIGNATURE, 0, 8)
        || !new String(c, 12, 4, StandardCharsets.ISO_8859_1).equals("IHDR")) {
      return null;
    }
    return sized(int32(c, 16), int32(c, 20));
  }

  private static IconImage xpm(byte[] c) {
    String head = new String(c, 0, Math.min(c.length, 4096), StandardCharsets.ISO_8859_1);
    if (!head.stripLeading().startsWith("/* XPM */")) {
      return null;
    }
    // The first string of the array: "width height colors chars-per-pixel ...".
    int brace = head.indexOf('{');
    if (brace < 0) {
      return null;
    }
    String rest = head.substring(brace).replaceAll("(?s)/\\*.*?\\*/", " ");
    Matcher m = XPM_VALUES.matcher(rest);
    if (!m.lookingAt()) {
      return null;
    }
    return sized(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
  }

  private static boolean svg(byte[] c) {
    String head = new String(c, 0, Math.min(c.length, 4096), StandardCharsets.ISO_8859_1);
    return head.contains("<svg");
  }

  private static IconImage sized(long width, long height) {
    if (width <= 0 || height <= 0 || width > MAX_PIXELS || height > MAX_PIXELS) {
      return null;
    }
    return new IconImage((int) Math.max(width, height));
  }

  private static long int32(byte[] c, int at) {
    return ((c[at] & 0xffL) << 24)
        | ((c[at + 1] & 0xffL) << 16)
        | ((c[at + 2] & 0xffL) << 8)
        | (c[at + 3] & 0xffL);
  }
}
