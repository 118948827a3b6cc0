package io.appbox.core.host;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An exclusive lock between appbox processes, on a file that stays in place. The kernel drops the
 * lock when the process dies, so a crash never leaves a box locked. A symbolic link at the lock's
 * name is refused, never followed: the lock would otherwise make or open a file elsewhere.
 */
public final class LockFile implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private LockFile(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, calling {@code onWait} once if another process holds it, then waiting. */
  public static LockFile acquire(Path file, Runnable onWait) {
    try {
      Files.createDirectories(
          file.getParent(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      FileChannel channel =
          FileChannel.open(
              file,
              Set.of(
                  StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          onWait.run();
          lock = channel.lock();
        }
        return new LockFile(channel, lock);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not lock " + file + ": " + e.getMessage(),
          "Check that the directory is writable.",
          e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    }
  }
}
