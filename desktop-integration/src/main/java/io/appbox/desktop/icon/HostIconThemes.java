package io.appbox.desktop.icon;

import io.appbox.core.Meanwhile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The icons the host already has: every theme under {@code $XDG_DATA_DIRS/icons} and the unthemed
 * {@code $XDG_DATA_DIRS/pixmaps}. An icon a box exports under one of these names would win over the
 * host's own (the user's data home comes first in the Icon Theme Specification's search), so such
 * an icon is exported under a box-qualified name instead.
 */
public final class HostIconThemes {
  /** The specification's default when {@code $XDG_DATA_DIRS} is unset or empty. */
  static final String DEFAULT_DATA_DIRS = "/usr/local/share:/usr/share";

  private final List<Path> dataDirs;

  /** Lookups started ahead of the question ({@link #lookAhead}), by icon name. */
  private final Map<String, Meanwhile<Boolean>> ahead = new ConcurrentHashMap<>();

  /**
   * @param dataDirs the host's data directories, in {@code $XDG_DATA_DIRS} order
   */
  public HostIconThemes(List<Path> dataDirs) {
    this.dataDirs = List.copyOf(dataDirs);
  }

  /**
   * The themes of the data directories {@code $XDG_DATA_DIRS} names, leaving out {@code
   * exportedIcons}, the directory appbox itself exports icons to (a data home some sessions also
   * list there).
   */
  public static HostIconThemes of(Map<String, String> env, Path exportedIcons) {
    String value = env.getOrDefault("XDG_DATA_DIRS", "");
    List<Path> dirs = new ArrayList<>();
    for (String dir : (value.isBlank() ? DEFAULT_DATA_DIRS : value).split(":")) {
      // The specification ignores relative entries.
      if (dir.startsWith("/")) {
        Path path = Path.of(dir).normalize();
        if (!path.resolve("icons").equals(exportedIcons.toAbsolutePath().normalize())) {
          dirs.add(path);
        }
      }
    }
    return new HostIconThemes(dirs);
  }

  /**
   * Whether a host theme, at any size or context, or the pixmaps directory has an icon called
   * {@code name} ({@code name.png}, {@code .svg} or {@code .xpm}). Themes lay icons out as {@code
   * THEME/SIZE/CONTEXT/NAME.EXT} or {@code THEME/CONTEXT/SIZE/NAME.EXT}: two levels of directories
   * are looked into, and only file names are asked for, never a whole theme listed.
   */
  public boolean has(String name) {
    IconReference.checkName(name);
    Meanwhile<Boolean> started = ahead.remove(name);
    return started != null ? started.get() : lookUp(name);
  }

  /**
   * Starts {@link #has}'s lookup of {@code name} on a thread of its own: it reads a few hundred
   * directories, which takes about as long as the box's search for the icon it runs beside.
   */
  public void lookAhead(String name) {
    IconReference.checkName(name);
    ahead.computeIfAbsent(name, n -> Meanwhile.start("host-icons", () -> lookUp(n)));
  }

  private boolean lookUp(String name) {
    for (Path data : dataDirs) {
      if (hasIconIn(data.resolve("pixmaps"), name)) {
        return true;
      }
      for (Path theme : subdirectories(data.resolve("icons"))) {
        for (Path first : subdirectories(theme)) {
          if (hasIconIn(first, name)) {
            return true;
          }
          for (Path second : subdirectories(first)) {
            if (hasIconIn(second, name)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean hasIconIn(Path dir, String name) {
    for (String ext : IconDirectories.EXTENSIONS) {
      if (Files.exists(dir.resolve(name + "." + ext))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The directories in {@code dir} (following links: themes often link their sizes); none when it
   * is unreadable.
   */
  private static List<Path> subdirectories(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          out.add(entry);
        }
      }
    } catch (IOException | SecurityException unreadable) {
      // A theme the user cannot read cannot show its icons either.
    }
    return out;
  }
}
