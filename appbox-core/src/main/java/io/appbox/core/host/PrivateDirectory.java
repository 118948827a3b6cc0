package io.appbox.core.host;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * appbox's runtime directory and the directories in it, trusted only when nobody but the caller can
 * change what is in them: what appbox reads back from there (a box's process, which it then joins)
 * would otherwise be anyone's to choose.
 *
 * <p>The rule, which {@code libexec/appbox-enter} applies too: the runtime directory and everything
 * appbox keeps in it are the caller's, no symbolic link, and writable by no one else (no group or
 * other write bit); the runtime directory's parents, up to {@code /}, are root's or the caller's
 * and writable by no one else unless sticky ({@code /tmp}). Paths are taken as they really are
 * ({@link Path#toRealPath}), so a link on the way is judged by where it leads.
 */
public final class PrivateDirectory {
  private static final int GROUP_OR_OTHER_WRITE = 0022;
  private static final int STICKY = 01000;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private PrivateDirectory() {}

  /**
   * appbox's runtime directory for user {@code uid}: {@code $XDG_RUNTIME_DIR} when it is private,
   * else {@code ~/.cache/appbox/run} (made when missing) when that is; empty when neither is, as
   * for root whose environment still names a user's directories. The result is the real path.
   */
  public static Optional<Path> runtimeDir(Map<String, String> env, Path home, int uid) {
    String xdg = env.get("XDG_RUNTIME_DIR");
    if (xdg != null && xdg.startsWith("/")) {
      Optional<Path> dir = privateRoot(Path.of(xdg), uid, false);
      if (dir.isPresent()) {
        return dir;
      }
    }
    return privateRoot(home.resolve(".cache/appbox/run"), uid, true);
  }

  private static Optional<Path> privateRoot(Path dir, int uid, boolean create) {
    try {
      if (create && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        // Only below a parent that passes the rule, so that root never makes directories in a
        // user's home.
        Path parent = existingParent(dir);
        if (why(parent.toRealPath(), uid, false).isPresent()) {
          return Optional.empty();
        }
        makeDirectories(parent, parent.relativize(dir));
      }
      Path real = dir.toRealPath();
      return why(real, uid, true).isEmpty() ? Optional.of(real) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code root/children...}, each child made 0700 when missing, after checking {@code root} and
   * every child against the rule.
   *
   * @throws IOException naming the directory that breaks the rule
   */
  public static Path ensure(Path root, int uid, List<String> children) throws IOException {
    Optional<String> bad = why(root, uid, true);
    if (bad.isPresent()) {
      throw new IOException(bad.get());
    }
    Path dir = root;
    for (String child : children) {
      dir = dir.resolve(child);
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        // checked below, whoever made it
      }
      Optional<String> why = ownedPrivately(dir, uid, true);
      if (why.isPresent()) {
        throw new IOException(why.get());
      }
    }
    return dir;
  }

  /**
   * {@code root/children...} when it exists and it and {@code root} pass the rule; empty otherwise.
   * Makes nothing.
   */
  public static Optional<Path> existing(Path root, int uid, List<String> children) {
    if (why(root, uid, true).isPresent()) {
      return Optional.empty();
    }
    Path dir = root;
    for (String child : children) {
      dir = dir.resolve(child);
      if (ownedPrivately(dir, uid, true).isPresent()) {
        return Optional.empty();
      }
    }
    return Optional.of(dir);
  }

  /** Whether {@code file} is a regular file of {@code uid} that nobody else may write. */
  public static boolean isPrivateFile(Path file, int uid) {
    return ownedPrivately(file, uid, false).isEmpty();
  }

  /**
   * Why {@code dir} fails the rule as a private directory ({@code strict}) or as a parent of one;
   * its parents are checked as parents. Empty when it passes.
   */
  static Optional<String> why(Path dir, int uid, boolean strict) {
    Path p = dir.toAbsolutePath().normalize();
    Optional<String> own = strict ? ownedPrivately(p, uid, true) : parentLike(p, uid);
    if (own.isPresent()) {
      return own;
    }
    for (Path parent = p.getParent(); parent != null; parent = parent.getParent()) {
      Optional<String> bad = parentLike(parent, uid);
      if (bad.isPresent()) {
        return bad;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> ownedPrivately(Path p, int uid, boolean directory) {
    try {
      Map<String, Object> a = Files.readAttributes(p, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
      int owner = (Integer) a.get("uid");
      int mode = (Integer) a.get("mode");
      int type = mode & 0170000;
      if (type != (directory ? 0040000 : 0100000)) {
        return Optional.of(p + " is not a " + (directory ? "directory" : "regular file"));
      }
      if (owner != uid) {
        return Optional.of(p + " belongs to uid " + owner + ", not " + uid);
      }
      if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
        return Optional.of(p + " is writable by others");
      }
      return Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.of(p + " does not exist");
    } catch (IOException | RuntimeException e) {
      return Optional.of("cannot read " + p + ": " + e.getMessage());
    }
  }

  private static Optional<String> parentLike(Path p, int uid) {
    try {
      Map<String, Object> a = Files.readAttributes(p, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
      int owner = (Integer) a.get("uid");
      int mode = (Integer) a.get("mode");
      if ((mode & 0170000) != 0040000) {
        return Optional.of(p + " is not a directory");
      }
      if (owner != 0 && owner != uid) {
        return Optional.of(p + " belongs to uid " + owner);
      }
      if ((mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0) {
        return Optional.of(p + " is writable by others");
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("cannot read " + p + ": " + e.getMessage());
    }
  }

  private static Path existingParent(Path dir) {
    Path p = dir.toAbsolutePath().normalize().getParent();
    while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      p = p.getParent();
    }
    return p == null ? Path.of("/") : p;
  }

  private static void makeDirectories(Path base, Path relative) throws IOException {
    Path dir = base;
    for (Path name : relative) {
      dir = dir.resolve(name);
      try {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        // made meanwhile; judged by the caller
      }
    }
  }
}
