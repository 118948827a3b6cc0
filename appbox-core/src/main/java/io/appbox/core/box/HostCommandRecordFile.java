package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The host-command record in {@code $XDG_STATE_HOME/appbox/host-commands.json}, beside the export
 * record. Changes hold a lock on {@code host-commands.lock} across read, change and atomic write. A
 * missing file is an empty record; a damaged one is an error, never silently replaced.
 */
public final class HostCommandRecordFile implements HostCommandRecord {
  public static final String FILE_NAME = "host-commands.json";
  static final String LOCK_NAME = "host-commands.lock";
  private static final int VERSION = 1;

  private final Path file;
  private final Path lockFile;

  /**
   * @param stateDir the directory holding the record, {@code $XDG_STATE_HOME/appbox}
   */
  public HostCommandRecordFile(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
    this.lockFile = stateDir.resolve(LOCK_NAME);
  }

  @Override
  public List<HostCommand> all() {
    return read();
  }

  @Override
  public List<HostCommand> update(UnaryOperator<List<HostCommand>> change) {
    try (LockFile lock = LockFile.acquire(lockFile, () -> {})) {
      List<HostCommand> before = read();
      List<HostCommand> after = List.copyOf(change.apply(new ArrayList<>(before)));
      if (!after.equals(before)) {
        AtomicFile.write(file, write(after).getBytes(StandardCharsets.UTF_8), "rw-------");
      }
      return after;
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not update the host-command record "
              + Quote.of(file.toString())
              + ": "
              + e.getMessage(),
          "Check that " + file.getParent() + " is a writable directory.",
          e);
    }
  }

  private List<HostCommand> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not read the host-command record "
              + Quote.of(file.toString())
              + ": "
              + e.getMessage(),
          "Check the file's permissions.",
          e);
    }
    try {
      return parse(text);
    } catch (JsonException | AppboxException | ClassCastException | NullPointerException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "The host-command record " + Quote.of(file.toString()) + " is damaged: " + e.getMessage(),
          "appbox leaves it as it is. Repair it, or move it aside: the links in the boxes stay,"
              + " and host-command add records them again.",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<HostCommand> parse(String text) {
    Map<String, Object> doc = Json.parseObject(text);
    Object version = doc.get("version");
    if (!(version instanceof Number n) || n.intValue() != VERSION) {
      throw new JsonException("unknown version " + version);
    }
    List<HostCommand> out = new ArrayList<>();
    for (Object o : (List<Object>) doc.get("commands")) {
      Map<String, Object> c = (Map<String, Object>) o;
      out.add(
          new HostCommand(
              (String) c.get("engine"), BoxName.of((String) c.get("box")), (String) c.get("name")));
    }
    return out;
  }

  static String write(List<HostCommand> all) {
    List<Object> commands = new ArrayList<>();
    for (HostCommand c : all) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("engine", c.engine());
      out.put("box", c.box().value());
      out.put("name", c.name());
      commands.add(out);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", VERSION);
    doc.put("commands", commands);
    return Json.writePretty(doc) + "\n";
  }
}
