package io.appbox.core.upgrade;

import static io.appbox.core.json.JsonObjects.string;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Quote;
import io.appbox.core.host.AtomicFile;
import io.appbox.core.host.LockFile;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The restores of one engine's boxes that have begun and not ended, one file per box in {@code
 * $XDG_STATE_HOME/appbox/restores/ENGINE/BOX.json}, replaced atomically before each step:
 *
 * <pre>{"version":1,"box":"dev","originalId":"4f0c...","aside":"appbox-restore-1a2b3c4d",
 *  "snapshot":"localhost/appbox-snapshots:dev-20261126T030000000Z","step":"create",
 *  "started":"2026-11-26T03:00:00Z"}</pre>
 *
 * A lock file beside each ({@code BOX.lock}) is held while a restore runs or is recovered, so one
 * appbox never recovers a restore another is still making.
 */
public final class RestoreJournal {
  static final long VERSION = 1;
  private static final String SUFFIX = ".json";

  private final Path dir;

  /**
   * @param dir the directory of one engine's journals, {@code
   *     $XDG_STATE_HOME/appbox/restores/ENGINE}
   */
  public RestoreJournal(Path dir) {
    this.dir = dir;
  }

  /** The journal of the engine {@code engineId} under appbox's state directory. */
  public static RestoreJournal in(Path appboxState, String engineId) {
    return new RestoreJournal(appboxState.resolve("restores").resolve(engineId));
  }

  /** Whether a restore of the box has begun and not ended: a file test, cheap on every command. */
  public boolean has(BoxName box) {
    return Files.exists(file(box));
  }

  /** The boxes with a restore that has begun and not ended. */
  public List<BoxName> boxes() {
    List<BoxName> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
          try {
            out.add(BoxName.of(name.substring(0, name.length() - SUFFIX.length())));
          } catch (AppboxException notABox) {
            // not a file appbox wrote
          }
        }
      }
    } catch (IOException e) {
      throw failed("read", dir, e);
    }
    out.sort(null);
    return out;
  }

  public Optional<RestoreStep> read(BoxName box) {
    Path file = file(box);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failed("read", file, e);
    }
    try {
      Map<String, Object> m = Json.parseObject(text);
      if (!Long.valueOf(VERSION).equals(m.get("version"))) {
        throw new JsonException("version " + m.get("version") + " is not " + VERSION);
      }
      return Optional.of(
          new RestoreStep(
              BoxName.of(string(m, "box")),
              string(m, "originalId"),
              BoxName.of(string(m, "aside")),
              ImageRef.parse(string(m, "snapshot")),
              string(m, "step"),
              Instant.parse(string(m, "started"))));
    } catch (JsonException | AppboxException | DateTimeParseException | NullPointerException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "The restore journal " + Quote.of(file.toString()) + " is damaged: " + e.getMessage(),
          "appbox leaves it as it is. Check the box with the engine (podman ps -a), put it back"
              + " by hand if needed, then remove the file.",
          e);
    }
  }

  void write(RestoreStep step) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("box", step.box().value());
    m.put("originalId", step.originalId());
    m.put("aside", step.aside().value());
    m.put("snapshot", step.snapshot().toString());
    m.put("step", step.step());
    m.put("started", step.started().toString());
    Path file = file(step.box());
    try {
      createDirectory();
      AtomicFile.write(file, (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8), "rw-------");
    } catch (IOException e) {
      throw failed("write", file, e);
    }
  }

  void delete(BoxName box) {
    try {
      Files.deleteIfExists(file(box));
    } catch (IOException e) {
      throw failed("remove", file(box), e);
    }
  }

  /** The lock held while the box's restore runs or is recovered. */
  LockFile lock(BoxName box, Runnable onWait) {
    try {
      createDirectory();
    } catch (IOException e) {
      throw failed("create", dir, e);
    }
    return LockFile.acquire(dir.resolve(box.value() + ".lock"), onWait);
  }

  private Path file(BoxName box) {
    return dir.resolve(box.value() + SUFFIX);
  }

  private void createDirectory() throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
  }

  private static AppboxException failed(String what, Path path, IOException e) {
    return new AppboxException(
        ErrorCode.FAILED,
        "Could not " + what + " the restore journal " + path + ": " + e.getMessage(),
        "Check that " + path.getParent() + " is a writable directory.",
        e);
  }
}
