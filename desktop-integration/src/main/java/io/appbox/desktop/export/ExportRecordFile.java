package io.appbox.desktop.export;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportRegistry;
import io.appbox.core.host.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The export record in {@code $XDG_STATE_HOME/appbox/exports.json}. {@link #update} holds an
 * exclusive lock on {@code exports.lock} beside it across read, change and atomic write, so appbox
 * processes (and threads) running at once never lose each other's records. A missing file is an
 * empty record; a damaged one is an error, never silently replaced.
 */
public final class ExportRecordFile implements ExportRegistry {
  public static final String FILE_NAME = "exports.json";
  public static final String LOCK_NAME = "exports.lock";
  static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  /** A file lock is held per process; threads of this process queue here first. */
  private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS =
      new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;
  private final Path lockFile;
  private final Duration lockTimeout;

  /**
   * @param stateDir the directory holding the record, {@code $XDG_STATE_HOME/appbox}
   */
  public ExportRecordFile(Path stateDir) {
    this(stateDir, DEFAULT_LOCK_TIMEOUT);
  }

  ExportRecordFile(Path stateDir, Duration lockTimeout) {
    this.dir = stateDir.toAbsolutePath().normalize();
    this.file = dir.resolve(FILE_NAME);
    this.lockFile = dir.resolve(LOCK_NAME);
    this.lockTimeout = lockTimeout;
  }

  /** The record of the user whose state home is {@code xdgStateHome} ({@code ~/.local/state}). */
  public static ExportRecordFile inStateHome(Path xdgStateHome) {
    return new ExportRecordFile(xdgStateHome.resolve("appbox"));
  }

  public Path file() {
    return file;
  }

  @Override
  public List<Export> all() {
    return read();
  }

  @Override
  public List<Export> update(UnaryOperator<List<Export>> change) {
    ReentrantLock threads = PROCESS_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
    if (threads.isHeldByCurrentThread()) {
      throw new IllegalStateException("the export record is already being updated by this thread");
    }
    try {
      if (!threads.tryLock(lockTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw locked();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw locked();
    }
    try {
      createDirectory();
      try (FileChannel channel =
          FileChannel.open(
              lockFile,
              Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        FileLock lock = lock(channel);
        try {
          List<Export> current = read();
          List<Export> next = List.copyOf(change.apply(new ArrayList<>(current)));
          if (!next.equals(current)) {
            AtomicFile.write(
                file, ExportRecordJson.write(next).getBytes(StandardCharsets.UTF_8), "rw-------");
          }
          return next;
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not update the export record " + Quote.of(file.toString()) + ": " + e.getMessage(),
          "Check that " + dir + " is a writable directory.",
          e);
    } finally {
      threads.unlock();
    }
  }

  private FileLock lock(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    long wait = 5;
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() > deadline) {
        throw locked();
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw locked();
      }
      wait = Math.min(wait * 2, 100);
    }
  }

  private AppboxException locked() {
    return new AppboxException(
        ErrorCode.LOCKED,
        "Another appbox is changing the export record " + Quote.of(file.toString()) + ".",
        "Wait for it to finish and try again.");
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  private List<Export> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not read the export record " + Quote.of(file.toString()) + ": " + e.getMessage(),
          "Check the file's permissions.",
          e);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return ExportRecordJson.read(text);
    } catch (CharacterCodingException e) {
      throw damaged("it is not UTF-8 text", null);
    } catch (ExportRecordJson.Damaged e) {
      throw damaged(e.getMessage(), e.hint);
    }
  }

  private AppboxException damaged(String why, String hint) {
    return new AppboxException(
        ErrorCode.FAILED,
        "The export record " + Quote.of(file.toString()) + " is damaged: " + why + ".",
        hint != null
            ? hint
            : "appbox leaves it as it is. Repair it, or move it aside to start an empty record"
                + " (appbox then no longer knows the files it exported; `appbox doctor` lists"
                + " them).");
  }
}
