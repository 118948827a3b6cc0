package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.box.Box;
import io.appbox.core.export.ExportStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is there now, as far as a manifest is concerned: read once, then planned against without
 * touching the engine again.
 *
 * @param engine the engine's id, as the export and apply records name it
 * @param userHome the user's home directory on the host
 * @param defaultDistro the distro of a box whose manifest entry names none
 * @param boxes every appbox box on the engine
 * @param foreign names that containers appbox does not manage already use
 * @param installed the installed packages (bare names) of the boxes whose packages were read
 * @param exports the exports of this engine's boxes, and whether their files are there
 * @param applied what earlier applies did, by box
 */
public record CurrentState(
    String engine,
    Path userHome,
    String defaultDistro,
    Map<BoxName, Box> boxes,
    Set<BoxName> foreign,
    Map<BoxName, Set<String>> installed,
    List<ExportStatus> exports,
    Map<BoxName, AppliedBox> applied) {
  public CurrentState {
    boxes = Map.copyOf(boxes);
    foreign = Set.copyOf(foreign);
    installed = Map.copyOf(installed);
    exports = List.copyOf(exports);
    applied = Map.copyOf(applied);
  }

  public Optional<Box> box(BoxName name) {
    return Optional.ofNullable(boxes.get(name));
  }

  /** The installed packages of a box; empty when they were not read. */
  public Set<String> installed(BoxName name) {
    return installed.getOrDefault(name, Set.of());
  }

  /** The exports that came from a box. */
  public List<ExportStatus> exportsOf(BoxName name) {
    return exports.stream().filter(s -> s.export().box().equals(name)).toList();
  }
}
