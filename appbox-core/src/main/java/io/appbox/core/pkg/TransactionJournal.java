package io.appbox.core.pkg;

import static io.appbox.core.json.JsonObjects.array;
import static io.appbox.core.json.JsonObjects.bool;
import static io.appbox.core.json.JsonObjects.string;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.host.AtomicFile;
import io.appbox.core.json.Json;
import io.appbox.core.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The package-manager transactions of one engine's boxes that have begun and not ended, one file
 * per box in {@code $XDG_STATE_HOME/appbox/transactions/ENGINE/BOX.json}:
 *
 * <pre>{"version":1,"box":"dev","action":"install","packages":["htop"],"export":true,
 *  "started":"2026-11-26T03:00:00Z"}</pre>
 *
 * Written before the package manager runs, removed once the command has ended with the box
 * consistent and its exports made. A file left behind (Ctrl-C with the work unfinished, a crash) is
 * what {@code doctor} reports and {@code doctor --fix} finishes.
 */
public final class TransactionJournal {
  static final long VERSION = 1;
  private static final String SUFFIX = ".json";

  private final Path dir;

  /** One transaction: what was being done to which packages of the box, and since when. */
  public record Transaction(
      BoxName box, String action, List<String> packages, boolean export, Instant started) {
    public Transaction {
      packages = List.copyOf(packages);
    }
  }

  public TransactionJournal(Path dir) {
    this.dir = dir;
  }

  /** The journal of the engine {@code engineId} under appbox's state directory. */
  public static TransactionJournal in(Path appboxState, String engineId) {
    return new TransactionJournal(appboxState.resolve("transactions").resolve(engineId));
  }

  public void begin(Transaction t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", VERSION);
    m.put("box", t.box().value());
    m.put("action", t.action());
    m.put("packages", t.packages());
    m.put("export", t.export());
    m.put("started", t.started().toString());
    Path file = file(t.box());
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      AtomicFile.write(file, (Json.write(m) + "\n").getBytes(StandardCharsets.UTF_8), "rw-------");
    } catch (IOException e) {
      throw failed("write", file, e);
    }
  }

  public void end(BoxName box) {
    try {
      Files.deleteIfExists(file(box));
    } catch (IOException e) {
      throw failed("remove", file(box), e);
    }
  }

  /** Every transaction begun and not ended; a file appbox cannot read is skipped. */
  public List<Transaction> all() {
    List<Transaction> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        if (f.getFileName().toString().endsWith(SUFFIX)) {
          read(f).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw failed("read", dir, e);
    }
    return out;
  }

  private java.util.Optional<Transaction> read(Path file) {
    try {
      Map<String, Object> m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
      if (!Long.valueOf(VERSION).equals(m.get("version"))) {
        return java.util.Optional.empty();
      }
      List<String> packages = new ArrayList<>();
      array(m, "packages").forEach(p -> packages.add((String) p));
      return java.util.Optional.of(
          new Transaction(
              BoxName.of(string(m, "box")),
              string(m, "action"),
              packages,
              bool(m, "export"),
              Instant.parse(string(m, "started"))));
    } catch (IOException
        | JsonException
        | AppboxException
        | DateTimeParseException
        | ClassCastException
        | NullPointerException e) {
      return java.util.Optional.empty();
    }
  }

  private Path file(BoxName box) {
    return dir.resolve(box.value() + SUFFIX);
  }

  private static AppboxException failed(String what, Path path, IOException e) {
    return new AppboxException(
        ErrorCode.FAILED,
        "Could not " + what + " the transaction journal " + path + ": " + e.getMessage(),
        "Check that " + path.getParent() + " is a writable directory.",
        e);
  }
}
