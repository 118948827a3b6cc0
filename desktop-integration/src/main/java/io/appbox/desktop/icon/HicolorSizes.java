package io.appbox.desktop.icon;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size directories of the host's hicolor theme that hold application icons. An icon of another
 * size goes to the nearest of them, since a theme looks only in the directories its {@code
 * index.theme} lists, and scales what it finds.
 */
final class HicolorSizes {
  static final String SCALABLE = "scalable";
  static final List<Integer> SIZES =
      List.of(16, 22, 24, 32, 36, 48, 64, 72, 96, 128, 192, 256, 512);
  private static final Pattern SIZE_DIR = Pattern.compile("(\\d{1,5})x(\\d{1,5})(?:@(\\d{1,2}))?");

  private HicolorSizes() {}

  /** True for a directory name hicolor has: {@code 48x48}, {@code 48x48@2}, {@code scalable}. */
  static boolean isStandard(String sizeDir) {
    return sizeDir.equals(SCALABLE) || sizeDir.equals(target(sizeDir));
  }

  /**
   * The hicolor directory for a theme's size directory, or null when the name is not one:
   * non-square sizes and scales other than 1 and 2 are mapped to the nearest that hicolor has.
   */
  static String target(String sizeDir) {
    if (sizeDir.equals(SCALABLE)) {
      return SCALABLE;
    }
    Matcher m = SIZE_DIR.matcher(sizeDir);
    if (!m.matches()) {
      return null;
    }
    int width = Integer.parseInt(m.group(1));
    int height = Integer.parseInt(m.group(2));
    int scale = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (width == 0 || height == 0 || scale == 0) {
      return null;
    }
    return forPixels(Math.max(width, height)) + (scale >= 2 ? "@2" : "");
  }

  /** The hicolor directory nearest to an image of {@code pixels}, ties going to the larger. */
  static String forPixels(int pixels) {
    int best = SIZES.get(0);
    for (int size : SIZES) {
      if (Math.abs(size - pixels) <= Math.abs(best - pixels)) {
        best = size;
      }
    }
    return best + "x" + best;
  }
}
