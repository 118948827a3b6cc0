package io.appbox.core.manifest;

import io.appbox.core.BoxName;
import io.appbox.core.Progress;
import io.appbox.core.box.Box;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.export.ExportService;
import io.appbox.core.pkg.InstalledPackage;
import io.appbox.core.pkg.PackageService;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@link CurrentState} through the services: the engine's boxes, the packages of the
 * boxes asked about, the export record and the apply record. Reading a stopped box's packages
 * starts it, as every package command does.
 */
public final class CurrentStateReader {
  private final ContainerEngine engine;
  private final BoxService boxes;
  private final PackageService packages;
  private final ExportService exports;
  private final AppliedRecord record;
  private final Path userHome;
  private final String defaultDistro;

  public CurrentStateReader(
      ContainerEngine engine,
      BoxService boxes,
      PackageService packages,
      ExportService exports,
      AppliedRecord record,
      Path userHome,
      String defaultDistro) {
    this.engine = engine;
    this.boxes = boxes;
    this.packages = packages;
    this.exports = exports;
    this.record = record;
    this.userHome = userHome;
    this.defaultDistro = defaultDistro;
  }

  /** What a plan for this manifest needs: the packages of the boxes it lists that exist. */
  public CurrentState forManifest(Manifest manifest, Progress progress) {
    return read(manifest.boxes().stream().map(BoxSpec::name).toList(), progress);
  }

  /** The packages of every box, or of the boxes named, for {@code export-manifest}. */
  public CurrentState forBoxes(Optional<Collection<BoxName>> only, Progress progress) {
    if (only.isPresent()) {
      return read(only.get(), progress);
    }
    return read(boxes.list().stream().map(Box::name).toList(), progress);
  }

  private CurrentState read(Collection<BoxName> names, Progress progress) {
    String engineId = engine.info().id();
    Map<BoxName, Box> all = new LinkedHashMap<>();
    for (Box b : boxes.list()) {
      all.put(b.name(), b);
    }
    Set<BoxName> foreign = new LinkedHashSet<>();
    Map<BoxName, Set<String>> installed = new LinkedHashMap<>();
    for (BoxName name : names) {
      if (!all.containsKey(name)) {
        if (engine.inspect(name).isPresent()) {
          foreign.add(name);
        }
        continue;
      }
      progress.report("read", -1, "Reading the packages of " + name);
      installed.put(
          name,
          packages.installed(name).stream()
              .map(InstalledPackage::name)
              .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
    return new CurrentState(
        engineId,
        userHome,
        defaultDistro,
        all,
        foreign,
        installed,
        exports.list(Optional.empty()),
        record.boxes(engineId));
  }
}
