package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Quote;
import io.appbox.core.box.Volume;
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
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The apply record in {@code $XDG_STATE_HOME/appbox/applied.json}, beside the export record.
 * Changes hold a lock on {@code applied.lock} across read, change and atomic write. A missing file
 * is an empty record; a damaged one is an error, never silently replaced.
 */
public final class AppliedRecordFile implements AppliedRecord {
  public static final String FILE_NAME = "applied.json";
  static final String LOCK_NAME = "applied.lock";
  private static final int VERSION = 1;

  private final Path file;
  private final Path lockFile;

  /**
   * @param stateDir the directory holding the record, {@code $XDG_STATE_HOME/appbox}
   */
  public AppliedRecordFile(Path stateDir) {
    this.file = stateDir.resolve(FILE_NAME);
    this.lockFile = stateDir.resolve(LOCK_NAME);
  }

  @Override
  public Map<BoxName, AppliedBox> boxes(String engine) {
    return read().getOrDefault(engine, Map.of());
  }

  @Override
  public void update(String engine, UnaryOperator<Map<BoxName, AppliedBox>> change) {
    try (LockFile lock = LockFile.acquire(lockFile, () -> {})) {
      Map<String, Map<BoxName, AppliedBox>> all = read();
      Map<BoxName, AppliedBox> before = all.getOrDefault(engine, Map.of());
      Map<BoxName, AppliedBox> after = change.apply(new LinkedHashMap<>(before));
      if (after.equals(before)) {
        return;
      }
      all.put(engine, after);
      AtomicFile.write(file, write(all).getBytes(StandardCharsets.UTF_8), "rw-------");
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not update the apply record " + Quote.of(file.toString()) + ": " + e.getMessage(),
          "Check that " + file.getParent() + " is a writable directory.",
          e);
    }
  }

  private Map<String, Map<BoxName, AppliedBox>> read() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new LinkedHashMap<>();
    } catch (IOException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Could not read the apply record " + Quote.of(file.toString()) + ": " + e.getMessage(),
          "Check the file's permissions.",
          e);
    }
    try {
      return parse(text);
    } catch (JsonException | AppboxException | ClassCastException | NullPointerException e) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "The apply record " + Quote.of(file.toString()) + " is damaged: " + e.getMessage(),
          "appbox leaves it as it is. Repair it, or move it aside: apply then manages only the"
              + " boxes the manifest lists, and --prune removes no package until apply installs"
              + " it again.",
          e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Map<BoxName, AppliedBox>> parse(String text) {
    Map<String, Object> doc = Json.parseObject(text);
    Object version = doc.get("version");
    if (!(version instanceof Number n) || n.intValue() != VERSION) {
      throw new JsonException("unknown version " + version);
    }
    Map<String, Map<BoxName, AppliedBox>> out = new LinkedHashMap<>();
    for (Object o : (List<Object>) doc.get("boxes")) {
      Map<String, Object> b = (Map<String, Object>) o;
      String engine = (String) b.get("engine");
      BoxName box = BoxName.of((String) b.get("box"));
      List<Volume> volumes = new ArrayList<>();
      for (Object v : (List<Object>) b.get("volumes")) {
        volumes.add(Volume.parse((String) v));
      }
      List<List<String>> init = new ArrayList<>();
      for (Object argv : (List<Object>) b.get("init")) {
        init.add(((List<Object>) argv).stream().map(a -> (String) a).toList());
      }
      TreeSet<String> packages = new TreeSet<>();
      for (Object p : (List<Object>) b.get("packages")) {
        packages.add((String) p);
      }
      out.computeIfAbsent(engine, e -> new LinkedHashMap<>())
          .put(
              box,
              new AppliedBox(box, packages, Boolean.TRUE.equals(b.get("created")), volumes, init));
    }
    return out;
  }

  static String write(Map<String, Map<BoxName, AppliedBox>> all) {
    List<Object> boxes = new ArrayList<>();
    all.forEach(
        (engine, byName) ->
            byName.values().stream()
                .sorted((a, b) -> a.box().compareTo(b.box()))
                .forEach(
                    b -> {
                      Map<String, Object> out = new LinkedHashMap<>();
                      out.put("engine", engine);
                      out.put("box", b.box().value());
                      out.put("created", b.created());
                      out.put("packages", List.copyOf(b.packages()));
                      out.put(
                          "volumes",
                          b.volumes().stream()
                              .map(v -> Manifest.volume(v, Optional.empty()))
                              .toList());
                      out.put("init", b.init());
                      boxes.add(out);
                    }));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", VERSION);
    doc.put("boxes", boxes);
    return Json.writePretty(doc) + "\n";
  }
}
