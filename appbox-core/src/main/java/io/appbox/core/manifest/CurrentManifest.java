package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Box;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.pkg.PackageName;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The manifest that reproduces the boxes and exports there are ({@code appbox export-manifest}).
 *
 * <p>Packages: a box's package list mixes its image's packages with the user's, and not every
 * package manager can tell them apart, so the manifest lists the packages appbox knows the user
 * wanted: those an earlier apply installed, and those an export came from. Volumes and init
 * commands are known for boxes apply created; the engine keeps no record of them otherwise.
 */
public final class CurrentManifest {
  private CurrentManifest() {}

  /**
   * @param state a state whose packages were read for the boxes to write
   * @param profiles to leave out an image that is the profile's own
   */
  public static Manifest of(CurrentState state, ProfileCatalog profiles) {
    List<BoxSpec> specs = new ArrayList<>();
    for (BoxName name : new TreeSet<>(state.installed().keySet())) {
      Box box = state.boxes().get(name);
      if (box != null) {
        specs.add(spec(box, state, profiles));
      }
    }
    return new Manifest(specs);
  }

  private static BoxSpec spec(Box box, CurrentState state, ProfileCatalog profiles) {
    BoxName name = box.name();
    Optional<AppliedBox> applied = Optional.ofNullable(state.applied().get(name));
    List<Export> exports = state.exportsOf(name).stream().map(ExportStatus::export).toList();

    Set<String> installed = state.installed(name);
    TreeSet<String> wanted = new TreeSet<>();
    applied.ifPresent(a -> wanted.addAll(a.packages()));
    exports.stream().map(Export::pkg).filter(p -> !p.isEmpty()).forEach(wanted::add);
    wanted.retainAll(installed);

    Optional<DistroProfile> profile = profiles.find(box.distro());
    boolean profileImage =
        profile.isPresent() && Planner.sameImage(profile.get().image(), box.image());
    Optional<Path> home = Optional.ofNullable(box.home()).filter(h -> !h.equals(state.userHome()));
    boolean created = applied.map(AppliedBox::created).orElse(false);

    return new BoxSpec(
        name,
        Optional.of(box.distro()),
        profileImage ? Optional.empty() : imageOf(box),
        home,
        created ? applied.get().volumes() : List.of(),
        created ? applied.get().init() : List.of(),
        exports.stream().anyMatch(Planner::isTerminalEntry),
        wanted.stream().map(PackageName::of).toList(),
        exports.stream()
            .filter(e -> e.kind() == ExportKind.APP && !Planner.isTerminalEntry(e))
            .map(Export::name)
            .distinct()
            .sorted()
            .toList(),
        exports.stream()
            .filter(e -> e.kind() == ExportKind.BIN)
            .sorted((a, b) -> a.name().compareTo(b.name()))
            .map(CurrentManifest::bin)
            .toList());
  }

  /** The box's image, fully qualified as a manifest needs it. */
  private static Optional<ImageRef> imageOf(Box box) {
    try {
      return Optional.of(ImageRef.parse(Planner.normal(ImageRef.parse(box.image()))));
    } catch (AppboxException e) {
      return Optional.empty();
    }
  }

  private static BinExport bin(Export e) {
    String fileName = Path.of(e.source()).getFileName().toString();
    return new BinExport(
        e.source(), fileName.equals(e.name()) ? Optional.empty() : Optional.of(e.name()));
  }
}
