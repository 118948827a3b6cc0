package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.host.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes export files, and only inside the directories it was given: the applications, icons, bin
 * and launchers directories. A name that would lead elsewhere ({@code ..}, an absolute name, a
 * directory that is a symbolic link) is refused; a file that exists and that the export record does
 * not list is the user's and is never replaced ({@code EXPORT_CONFLICT}); every file is written to
 * a temporary name and renamed into place.
 */
public final class ExportFiles {
  private final Map<ExportArea, Path> bases = new EnumMap<>(ExportArea.class);

  /**
   * @param applications {@code $XDG_DATA_HOME/applications}
   * @param icons {@code $XDG_DATA_HOME/icons}
   * @param bin {@code ~/.local/bin}
   * @param launchers {@code $XDG_DATA_HOME/appbox/launchers}
   */
  public ExportFiles(Path applications, Path icons, Path bin, Path launchers) {
    bases.put(ExportArea.APPLICATIONS, applications.toAbsolutePath().normalize());
    bases.put(ExportArea.ICONS, icons.toAbsolutePath().normalize());
    bases.put(ExportArea.BIN, bin.toAbsolutePath().normalize());
    bases.put(ExportArea.LAUNCHERS, launchers.toAbsolutePath().normalize());
  }

  /** The directories of a user whose data home is {@code xdgDataHome}. */
  public static ExportFiles forDataHome(Path xdgDataHome, Path binDir) {
    return new ExportFiles(
        xdgDataHome.resolve("applications"),
        xdgDataHome.resolve("icons"),
        binDir,
        xdgDataHome.resolve("appbox").resolve("launchers"));
  }

  public Path base(ExportArea area) {
    return bases.get(area);
  }

  /**
   * The host path for {@code relative} inside {@code area}, refusing a name that leaves it. Nothing
   * is created.
   */
  public Path resolve(ExportArea area, String relative) {
    Path base = bases.get(area);
    if (relative == null
        || relative.isEmpty()
        || relative.startsWith("/")
        || relative.endsWith("/")
        || relative.chars().anyMatch(Character::isISOControl)) {
      throw badName(area, relative);
    }
    for (String part : relative.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw badName(area, relative);
      }
    }
    Path target = base.resolve(relative).normalize();
    if (!target.startsWith(base) || target.equals(base)) {
      throw badName(area, relative);
    }
    return target;
  }

  /**
   * Writes {@code content} to {@code relative} inside {@code area}.
   *
   * @param recorded every file the export record lists; an existing file is replaced only when it
   *     is one of them
   * @return the file written
   * @throws AppboxException {@code EXPORT_CONFLICT} when the file exists and appbox did not create
   *     it, or a directory on the way is a link or not a directory
   */
  public Path write(ExportArea area, String relative, byte[] content, Set<Path> recorded) {
    Path target = resolve(area, relative);
    try {
      createParents(area, target);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        if (!normalised(recorded).contains(target)) {
          throw new AppboxException(
              ErrorCode.EXPORT_CONFLICT,
              Quote.of(target.toString()) + " already exists and appbox did not create it.",
              "appbox does not replace your files. Move it away, or export under another name.");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw conflict(target, "is a directory");
        }
        AtomicFile.write(target, content, area.permissions());
      } else {
        try {
          AtomicFile.create(target, content, area.permissions());
        } catch (FileAlreadyExistsException e) {
          throw new AppboxException(
              ErrorCode.EXPORT_CONFLICT,
              Quote.of(target.toString()) + " was created by another program just now.",
              "Try again; appbox does not replace files it did not create.");
        }
      }
      return target;
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not write " + Quote.of(target.toString()) + ": " + e.getMessage(),
          "Check that " + bases.get(area) + " is a writable directory.",
          e);
    }
  }

  /**
   * The content of an existing file inside {@code area}, up to {@code maxBytes}; empty when there
   * is no regular file (a link is not followed), and when it is larger than that.
   */
  public Optional<byte[]> read(ExportArea area, String relative, int maxBytes) {
    Path target = resolve(area, relative);
    try {
      checkParents(area, target);
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
          || Files.size(target) > maxBytes) {
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(target)) {
        byte[] content = in.readNBytes(maxBytes + 1);
        return content.length > maxBytes ? Optional.empty() : Optional.of(content);
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not read " + Quote.of(target.toString()) + ": " + e.getMessage(),
          "Check the file's permissions.",
          e);
    }
  }

  /** The export directory {@code file} lies in; empty when it lies in none. */
  Optional<ExportArea> areaOf(Path file) {
    Path target = file.toAbsolutePath().normalize();
    return bases.entrySet().stream()
        .filter(e -> target.startsWith(e.getValue()) && !target.equals(e.getValue()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** True when a file (or link) is at {@code relative} inside {@code area}. */
  public boolean exists(ExportArea area, String relative) {
    return Files.exists(resolve(area, relative), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Deletes an exported file, a link itself rather than what it points to. Files outside the export
   * directories, or reached through a linked directory, are left alone.
   *
   * @return true when a file was deleted
   */
  public boolean delete(Path file) {
    Path target = file.toAbsolutePath().normalize();
    for (Map.Entry<ExportArea, Path> e : bases.entrySet()) {
      if (target.startsWith(e.getValue()) && !target.equals(e.getValue())) {
        try {
          checkParents(e.getKey(), target);
          if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
          }
          return Files.deleteIfExists(target);
        } catch (NoSuchFileException ex) {
          return false;
        } catch (IOException ex) {
          throw new AppboxException(
              ErrorCode.FAILED,
              "Could not remove " + Quote.of(target.toString()) + ": " + ex.getMessage(),
              "Check the permissions of " + target.getParent() + ".",
              ex);
        }
      }
    }
    throw new AppboxException(
        ErrorCode.INVALID_INPUT,
        Quote.of(target.toString()) + " is not inside an export directory; appbox leaves it alone.",
        "The export record lists a file appbox would not have written; check it with appbox"
            + " doctor.");
  }

  /** Creates the directories between the base and {@code target}, refusing links on the way. */
  private void createParents(ExportArea area, Path target) throws IOException {
    Path base = bases.get(area);
    Files.createDirectories(base);
    Path dir = base;
    for (Path part : base.relativize(target.getParent() == null ? base : target.getParent())) {
      if (part.toString().isEmpty()) {
        continue;
      }
      dir = dir.resolve(part);
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
          // Checked below like any existing directory.
        }
      }
      if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw conflict(dir, "is a symbolic link or not a directory");
      }
    }
    checkParents(area, target);
  }

  /** Refuses a target whose directory is not the base's (real) directory plus its own name. */
  private void checkParents(ExportArea area, Path target) throws IOException {
    Path base = bases.get(area);
    Path dir = base;
    for (Path part : base.relativize(target.getParent())) {
      if (part.toString().isEmpty()) {
        continue;
      }
      dir = dir.resolve(part);
      if (Files.isSymbolicLink(dir)) {
        throw conflict(dir, "is a symbolic link");
      }
    }
    if (Files.exists(target.getParent())) {
      Path real = target.getParent().toRealPath();
      Path expected = base.toRealPath().resolve(base.relativize(target.getParent()));
      if (!real.equals(expected.normalize())) {
        throw conflict(target.getParent(), "leads outside " + base);
      }
    }
  }

  private static Set<Path> normalised(Set<Path> recorded) {
    return recorded.stream()
        .map(p -> p.toAbsolutePath().normalize())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static AppboxException conflict(Path path, String why) {
    return new AppboxException(
        ErrorCode.EXPORT_CONFLICT,
        Quote.of(path.toString())
            + " "
            + why
            + "; appbox writes exports only inside its directory.",
        "Remove or rename it, then export again.");
  }

  private AppboxException badName(ExportArea area, String relative) {
    return AppboxException.invalid(
        "Export file name "
            + Quote.of(relative)
            + " would not stay inside "
            + Quote.of(bases.get(area).toString())
            + ".",
        "Export names are plain names without '/', '..' or control characters.");
  }
}
