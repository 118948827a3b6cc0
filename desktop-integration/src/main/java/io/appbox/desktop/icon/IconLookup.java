package io.appbox.desktop.icon;

import io.appbox.core.AppboxException;
import io.appbox.core.Quote;
import io.appbox.core.export.BoxFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files of an icon inside a box by the Icon Theme Specification, and picks one per size
 * for the host's hicolor theme.
 *
 * <p>Theme directories are {@code BASE/THEME/SIZExSIZE[@SCALE]/CONTEXT/} and {@code
 * BASE/THEME/scalable/CONTEXT/}; icons directly in a base directory and in {@code
 * /usr/share/pixmaps} are unthemed and get their size from the image (PNG and XPM headers; SVG is
 * scalable). For each hicolor size directory the file chosen is, in order: hicolor's, another
 * theme's (themes in name order), one of a size hicolor lacks mapped to the nearest size, an
 * unthemed one; within that, the {@code apps} context, then PNG, SVG, XPM. Every file is checked to
 * be the image its extension says, and read only up to {@link #MAX_ICON_BYTES}.
 */
public final class IconLookup {
  /** Icon files larger than this are passed over: 4 MiB. */
  public static final int MAX_ICON_BYTES = 4 << 20;

  /** At most this many candidate files are looked at, and this many bytes read in all. */
  static final int MAX_CANDIDATES = 200;

  static final long MAX_TOTAL_BYTES = 32L << 20;

  private static final String HICOLOR = "hicolor";

  private final BoxFiles files;

  public IconLookup(BoxFiles files) {
    this.files = files;
  }

  /** The icon files for {@code icon}; an empty set when the box has none that will do. */
  public IconSet find(IconReference icon) {
    List<Candidate> candidates = new ArrayList<>();
    if (icon instanceof IconReference.InBox file) {
      Candidate c = classify(file.path(), file.name());
      if (c != null) {
        candidates.add(c);
      }
    } else {
      for (String path : files.find(icon.name())) {
        Candidate c = classify(path, icon.name());
        if (c != null) {
          candidates.add(c);
        }
      }
    }
    candidates.sort(Candidate.ORDER);
    List<String> warnings = new ArrayList<>();
    Map<String, IconFile> chosen = new LinkedHashMap<>();
    long total = 0;
    int looked = 0;
    for (Candidate c : candidates) {
      if (c.sizeDir != null && chosen.containsKey(c.sizeDir)) {
        continue;
      }
      if (++looked > MAX_CANDIDATES || total > MAX_TOTAL_BYTES) {
        warnings.add(
            "Too many icon files for " + Quote.of(icon.name()) + "; the rest are left out.");
        break;
      }
      byte[] content;
      try {
        content = files.read(c.path, MAX_ICON_BYTES);
      } catch (AppboxException e) {
        warnings.add("Icon file " + Quote.of(c.path) + " could not be read: " + e.getMessage());
        continue;
      }
      total += content.length;
      if (content.length > MAX_ICON_BYTES) {
        warnings.add(
            "Icon file "
                + Quote.of(c.path)
                + " is larger than "
                + (MAX_ICON_BYTES >> 20)
                + " MiB.");
        continue;
      }
      IconImage image = IconImage.of(c.ext, content);
      if (image == null) {
        warnings.add("Icon file " + Quote.of(c.path) + " is not a ." + c.ext + " image.");
        continue;
      }
      String sizeDir = c.sizeDir;
      if (sizeDir == null) {
        sizeDir = image.size() == 0 ? HicolorSizes.SCALABLE : HicolorSizes.forPixels(image.size());
      }
      if (!chosen.containsKey(sizeDir)) {
        chosen.put(sizeDir, new IconFile(c.path, sizeDir, c.ext, content));
      }
    }
    List<IconFile> result = new ArrayList<>(chosen.values());
    result.sort((a, b) -> a.sizeDir().compareTo(b.sizeDir()));
    return new IconSet(icon.name(), result, warnings);
  }

  /** What a path says about the icon file there, or null when it is not one of {@code name}. */
  static Candidate classify(String rawPath, String name) {
    if (rawPath == null || !rawPath.startsWith("/") || rawPath.indexOf('\0') >= 0) {
      return null;
    }
    String path = Path.of(rawPath).normalize().toString();
    String base = IconDirectories.baseOf(path);
    if (base == null) {
      return null;
    }
    String[] parts = path.substring(base.length() + 1).split("/");
    String fileName = parts[parts.length - 1];
    String ext = IconDirectories.extensionOf(fileName);
    if (ext == null || !fileName.equals(name + "." + ext)) {
      return null;
    }
    int baseOrder = IconDirectories.ALL.indexOf(base);
    if (parts.length == 1) {
      return new Candidate(path, 4, baseOrder, "", null, "", ext);
    }
    if (base.equals(IconDirectories.PIXMAPS) || parts.length != 4) {
      return null;
    }
    String theme = parts[0];
    String target = HicolorSizes.target(parts[1]);
    if (target == null || target.equals(HicolorSizes.SCALABLE) && !ext.equals("svg")) {
      return null;
    }
    boolean exact = HicolorSizes.isStandard(parts[1]);
    boolean hicolor = theme.equals(HICOLOR);
    int rank = (exact ? 0 : 2) + (hicolor ? 0 : 1);
    return new Candidate(path, rank, baseOrder, theme, target, parts[2], ext);
  }

  /**
   * A file that may serve as the icon.
   *
   * @param rank 0 hicolor, 1 other theme, 2 hicolor mapped size, 3 other theme mapped, 4 unthemed
   * @param sizeDir the hicolor size directory, or null until the image says
   */
  record Candidate(
      String path,
      int rank,
      int baseOrder,
      String theme,
      String sizeDir,
      String context,
      String ext) {
    // Written out: Comparator's combinators make classes at run time that the start-up cache
    // cannot hold, a few milliseconds of every export.
    static final Comparator<Candidate> ORDER =
        new Comparator<>() {
          @Override
          public int compare(Candidate a, Candidate b) {
            int c = Integer.compare(a.rank, b.rank);
            if (c == 0) {
              c = Integer.compare(a.baseOrder, b.baseOrder);
            }
            if (c == 0) {
              c = a.theme.compareTo(b.theme);
            }
            if (c == 0) {
              c = Boolean.compare(!a.context.equals("apps"), !b.context.equals("apps"));
            }
            if (c == 0) {
              c =
                  Integer.compare(
                      IconDirectories.EXTENSIONS.indexOf(a.ext),
                      IconDirectories.EXTENSIONS.indexOf(b.ext));
            }
            return c != 0 ? c : a.path.compareTo(b.path);
          }
        };
  }
}
