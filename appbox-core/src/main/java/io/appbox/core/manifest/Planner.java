package io.appbox.core.manifest;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Box;
import io.appbox.core.box.Volume;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.exported.Export;
import io.appbox.core.exported.ExportKind;
import io.appbox.core.pkg.PackageName;
import io.appbox.core.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Compares a manifest with what is there and says what {@code apply} must change, in order: first
 * what {@code --prune} takes away (boxes, exports, packages), which frees names, then per box in
 * the manifest's order what is missing (create, install, export). It only reads what it is given,
 * so the same state and manifest always make the same plan.
 */
public final class Planner {
  /** The desktop-file id {@code create --entry} exports the box's terminal entry under. */
  static final String TERMINAL_ENTRY = "terminal";

  /** The program the terminal entry runs in the box. */
  static final String TERMINAL_SOURCE = "/etc/appbox/login";

  private final ProfileCatalog profiles;
  private final Predicate<Path> exists;

  /**
   * @param profiles the distro profiles, to refuse a box of an unknown distro before anything
   *     changes
   * @param exists whether a host path exists, to refuse a missing home or volume source likewise
   */
  public Planner(ProfileCatalog profiles, Predicate<Path> exists) {
    this.profiles = profiles;
    this.exists = exists;
  }

  public Plan plan(Manifest manifest, CurrentState state, boolean prune) {
    List<Change> boxRemovals = new ArrayList<>();
    List<Change> unexports = new ArrayList<>();
    List<Change> packageRemovals = new ArrayList<>();
    List<Change> additions = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    Set<BoxName> listed = manifest.boxes().stream().map(BoxSpec::name).collect(Collectors.toSet());
    if (prune) {
      state.applied().keySet().stream()
          .filter(name -> !listed.contains(name) && state.box(name).isPresent())
          .sorted()
          .forEach(name -> boxRemovals.add(new Change.RemoveBox(name)));
    }
    for (BoxSpec spec : manifest.boxes()) {
      Optional<Box> existing = state.box(spec.name());
      if (existing.isEmpty()) {
        additions.add(create(spec, state));
        additions.addAll(additions(spec, Set.of(), List.of()));
        continue;
      }
      warnings.addAll(drift(spec, existing.get(), state));
      Set<String> installed = state.installed(spec.name());
      List<ExportStatus> exports = state.exportsOf(spec.name());
      additions.addAll(additions(spec, installed, exports));
      if (prune) {
        unexports.addAll(unlisted(spec, exports));
        removedPackages(spec, installed, state.applied().get(spec.name()))
            .ifPresent(packageRemovals::add);
      }
    }
    List<Change> changes = new ArrayList<>(boxRemovals);
    changes.addAll(unexports);
    changes.addAll(packageRemovals);
    changes.addAll(additions);
    return new Plan(changes, warnings);
  }

  /** Creating a box, once everything it needs from the host has been checked. */
  private Change create(BoxSpec spec, CurrentState state) {
    if (state.foreign().contains(spec.name())) {
      throw new AppboxException(
          ErrorCode.BOX_EXISTS,
          "A container named " + spec.name() + " exists, and it is not an appbox box.",
          "Rename the box in the manifest, or remove that container with the engine's own tools.");
    }
    String distro = spec.distro().orElse(state.defaultDistro());
    profiles.require(distro);
    spec.home()
        .filter(home -> !exists.test(home) && !home.startsWith(state.userHome()))
        .ifPresent(
            home -> {
              throw AppboxException.invalid(
                  "Home directory " + home + " of box " + spec.name() + " does not exist.",
                  "Create it first (mkdir -p "
                      + home
                      + "); apply creates a missing home only inside yours.");
            });
    for (Volume v : spec.volumes()) {
      if (!exists.test(v.source())) {
        throw AppboxException.invalid(
            "Volume source " + v.source() + " of box " + spec.name() + " does not exist.",
            "Create it, or fix the path in the manifest.");
      }
    }
    return new Change.Create(spec, distro);
  }

  /** What a box lacks of what the manifest lists for it. */
  private static List<Change> additions(
      BoxSpec spec, Set<String> installed, List<ExportStatus> exports) {
    List<Change> out = new ArrayList<>();
    List<PackageName> missing =
        spec.packages().stream().filter(p -> !installed.contains(p.bare())).toList();
    if (!missing.isEmpty()) {
      out.add(new Change.Install(spec.name(), missing));
    }
    if (spec.entry() && !working(exports, ExportKind.APP, TERMINAL_ENTRY, TERMINAL_SOURCE)) {
      out.add(new Change.ExportEntry(spec.name()));
    }
    for (String app : spec.apps()) {
      if (!working(exports, ExportKind.APP, app, null)) {
        out.add(new Change.ExportApp(spec.name(), app));
      }
    }
    for (BinExport bin : spec.bins()) {
      if (!working(exports, ExportKind.BIN, bin.command(), bin.path())) {
        out.add(new Change.ExportBin(spec.name(), bin));
      }
    }
    return out;
  }

  /** Whether the export is recorded, from that source when one is given, with its files there. */
  private static boolean working(
      List<ExportStatus> exports, ExportKind kind, String name, String source) {
    return exports.stream()
        .anyMatch(
            s ->
                s.export().kind() == kind
                    && s.export().name().equals(name)
                    && (source == null || s.export().source().equals(source))
                    && s.state().equals(ExportStatus.OK));
  }

  /** The box's exports the manifest does not list. */
  private static List<Change> unlisted(BoxSpec spec, List<ExportStatus> exports) {
    List<Change> out = new ArrayList<>();
    for (ExportStatus s : exports) {
      Export e = s.export();
      boolean wanted =
          switch (e.kind()) {
            case APP -> isTerminalEntry(e) ? spec.entry() : spec.apps().contains(e.name());
            case BIN -> spec.bins().stream().anyMatch(b -> b.command().equals(e.name()));
            case ENTRY -> true;
          };
      if (!wanted) {
        out.add(new Change.Unexport(spec.name(), e.kind(), e.name()));
      }
    }
    return out;
  }

  static boolean isTerminalEntry(Export e) {
    return e.kind() == ExportKind.APP
        && e.name().equals(TERMINAL_ENTRY)
        && e.source().equals(TERMINAL_SOURCE);
  }

  /** Packages an earlier apply installed that the manifest no longer lists and are still there. */
  private static Optional<Change> removedPackages(
      BoxSpec spec, Set<String> installed, AppliedBox applied) {
    if (applied == null) {
      return Optional.empty();
    }
    Set<String> listed =
        spec.packages().stream().map(PackageName::bare).collect(Collectors.toSet());
    List<PackageName> gone =
        applied.packages().stream()
            .filter(p -> !listed.contains(p) && installed.contains(p))
            .map(PackageName::of)
            .toList();
    return gone.isEmpty()
        ? Optional.empty()
        : Optional.of(new Change.RemovePackages(spec.name(), gone));
  }

  /** What differs in a box that only re-creating it would change; apply says so and leaves it. */
  private static List<String> drift(BoxSpec spec, Box box, CurrentState state) {
    List<String> out = new ArrayList<>();
    String redo =
        ": apply does not re-create boxes; remove it (appbox rm "
            + box.name()
            + ") and apply again to change that.";
    String distro = spec.distro().orElse(state.defaultDistro());
    if (!distro.equals(box.distro())) {
      out.add(
          "Box "
              + box.name()
              + " is a "
              + box.distro()
              + " box, the manifest asks for "
              + distro
              + redo);
    }
    spec.image()
        .filter(image -> !sameImage(image, box.image()))
        .ifPresent(
            image ->
                out.add(
                    "Box "
                        + box.name()
                        + " was made from "
                        + box.image()
                        + ", the manifest asks for "
                        + image
                        + redo));
    Path home = spec.home().orElse(state.userHome());
    if (!home.equals(box.home())) {
      out.add(
          "Box "
              + box.name()
              + " has the home "
              + box.home()
              + ", the manifest asks for "
              + home
              + redo);
    }
    AppliedBox applied = state.applied().get(box.name());
    if (applied != null && applied.created()) {
      if (!applied.volumes().equals(spec.volumes())) {
        out.add("Box " + box.name() + " was created with other volumes than the manifest's" + redo);
      }
      if (!applied.init().equals(spec.init())) {
        out.add(
            "Box "
                + box.name()
                + " was created with other init commands than the manifest's; they run only when"
                + " apply creates a box"
                + redo);
      }
    }
    return out;
  }

  /**
   * Whether the engine's name for a box's image is the image the manifest names. Docker reports
   * {@code debian:bookworm} for {@code docker.io/library/debian:bookworm}.
   */
  static boolean sameImage(ImageRef wanted, String actual) {
    try {
      return normal(wanted).equals(normal(ImageRef.parse(actual)));
    } catch (AppboxException e) {
      return Objects.equals(wanted.toString(), actual);
    }
  }

  /** A reference with the registry, the library/ namespace and the tag Docker leaves implied. */
  static String normal(ImageRef ref) {
    String registry = ref.registry() == null ? "docker.io" : ref.registry();
    String repository =
        registry.equals("docker.io") && !ref.repository().contains("/")
            ? "library/" + ref.repository()
            : ref.repository();
    String tag = ref.tag() == null && ref.digest() == null ? "latest" : ref.tag();
    return registry
        + "/"
        + repository
        + (tag == null ? "" : ":" + tag)
        + (ref.digest() == null ? "" : "@" + ref.digest());
  }
}
