package io.appbox.core.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see the old content or the new, never a part: a temporary file in
 * the same directory, flushed to disk, then renamed over the target. No symbolic link is followed
 * at the file's own name: the temporary file is made new (a link there fails), its mode is set on
 * the file itself, and the rename replaces a link at the target rather than writing through it.
 */
public final class AtomicFile {
  private AtomicFile() {}

  public static void write(Path target, byte[] content, String permissions) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString(permissions);
    Path temp = dir.resolve("." + target.getFileName() + ".appbox-" + tempSuffix());
    try {
      try (FileChannel ch =
          FileChannel.open(
              temp,
              Set.of(
                  StandardOpenOption.WRITE,
                  StandardOpenOption.CREATE_NEW,
                  LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(perms))) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      // The umask may have narrowed the mode asked for at creation.
      Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(perms);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Like {@link #write}, but refuses to replace anything already at {@code target}: an existing
   * user file is never overwritten.
   */
  public static void create(Path target, byte[] content, String permissions) throws IOException {
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = dir.resolve("." + target.getFileName() + ".appbox-" + tempSuffix());
    try {
      write(temp, content, permissions);
      // A hard link fails when the name exists, which a rename would silently replace.
      Files.createLink(target, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String tempSuffix() {
    return ProcessHandle.current().pid()
        + "-"
        + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }
}
