package io.appbox.core.pkg;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Meanwhile;
import io.appbox.core.Progress;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.OutputListener;
import io.appbox.core.host.LockFile;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.PackageCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Package management inside a box, through its distro profile's commands. Changes to one box are
 * serialised between appbox processes with a lock, so two installs wait for each other instead of
 * failing on the package manager's own lock.
 */
public final class PackageService {
  private final ContainerEngine engine;
  private final BoxService boxes;
  private final Path lockDir;
  private final BoxPackageManager pm;

  public PackageService(ContainerEngine engine, BoxService boxes, Path lockDir) {
    this.engine = engine;
    this.boxes = boxes;
    this.lockDir = lockDir;
    this.pm = new BoxPackageManager(engine);
  }

  /** What removing, autoremoving or upgrading would take away, asked before doing it. */
  public ChangePlans plans() {
    return new ChangePlans(this, pm, boxes);
  }

  /** What a frontend asks: search, show and the installed packages, marked. */
  public PackageQueries queries() {
    return new PackageQueries(this, pm, boxes);
  }

  /**
   * Installs the packages; returns them with the versions now installed, those that already were
   * marked so (the package manager is not run for them).
   */
  public List<InstalledPackage> install(
      BoxName name, List<PackageName> packages, Progress progress) {
    try (LockFile lock = lock(name, progress)) {
      return installing(check(name, packages), packages, progress).packages();
    }
  }

  /**
   * Starts asking the box what an install asks before it changes anything, on a thread of its own,
   * so that the caller records its transaction meanwhile: the box running (started when stopped),
   * its profile, which of the packages it has. The caller holds the box's lock ({@link #lock}).
   */
  public Meanwhile<InstallCheck> check(BoxName name, List<PackageName> packages) {
    requireSome(packages);
    return Meanwhile.start("installed", () -> checkNow(name, packages));
  }

  private InstallCheck checkNow(BoxName name, List<PackageName> packages) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = profileOf(box);
    // A profile that cannot tell "no such package" from other failures (a user's, without a
    // not-found pattern) is asked for an index first, beside the installed list.
    try (Meanwhile<Boolean> lacksIndex =
        profile.packages().notFound().isPresent()
            ? Meanwhile.known(false)
            : Meanwhile.start("index", () -> lacksIndex(box, profile))) {
      Map<String, String> before = pm.versionsOf(box, profile, bare(packages));
      return new InstallCheck(box, profile, before, lacksIndex.get());
    }
  }

  /**
   * Installs what {@code checked} found missing, while the caller holds the box's lock; a package
   * the box has is left as it is and said to be there already. The versions now installed may still
   * be being read from the box while the caller goes on to export the applications: one command in
   * the box fewer to wait for.
   */
  public Installation installing(
      Meanwhile<InstallCheck> checked, List<PackageName> packages, Progress progress) {
    InstallCheck check = checked.get();
    List<PackageName> wanted =
        packages.stream().filter(p -> !check.before().containsKey(p.bare())).toList();
    if (!wanted.isEmpty() && check.lacksIndex()) {
      refreshIndex(check.box(), check.profile(), progress);
    }
    Meanwhile<Map<String, String>> after =
        wanted.isEmpty()
            ? Meanwhile.known(check.before())
            : install(check.box(), check.profile(), wanted, progress);
    return new Installation(packages, check.before(), after);
  }

  private Meanwhile<Map<String, String>> install(
      ContainerState box, DistroProfile profile, List<PackageName> packages, Progress progress) {
    progress.report("install", 0, "Installing " + names(packages) + " in " + box.name());
    Map<String, String> installed;
    try {
      installed = change(box, profile, profile.packages().install(), packages, progress, "install");
    } catch (AppboxException e) {
      if (e.code() != ErrorCode.PACKAGE_NOT_FOUND) {
        throw e;
      }
      // A fresh box has no package index yet, and an old one may lack a new package: refresh
      // the index once, then try again. Every package manager says so when its index is missing
      // (apt, pacman) or fetches it itself (dnf, zypper as root), so an install does not check
      // for an index first: a box command fewer on every install into a box that has one.
      refreshIndex(box, profile, progress);
      installed = change(box, profile, profile.packages().install(), packages, progress, "install");
    }
    progress.report("install", 100, "Installed " + names(packages));
    // The package manager's own output usually names the versions; ask only when it did not.
    Map<String, String> said = installed;
    return packages.stream().allMatch(p -> said.containsKey(p.bare()))
        ? Meanwhile.known(installed)
        : Meanwhile.start("versions", () -> pm.versionsOf(box, profile, bare(packages)));
  }

  /**
   * Removes the packages; returns every package the transaction removed, the ones named and the
   * ones the package manager took along, as the installed packages before and after tell.
   */
  public Set<String> remove(BoxName name, List<PackageName> packages, Progress progress) {
    requireSome(packages);
    try (LockFile lock = lock(name, progress)) {
      ContainerState box = boxes.running(name);
      DistroProfile profile = profileOf(box);
      Map<String, String> before = pm.versions(box, profile);
      for (PackageName p : packages) {
        if (!before.containsKey(p.bare())) {
          throw new AppboxException(
              ErrorCode.PACKAGE_NOT_FOUND,
              "Package " + p + " is not installed in box " + name + ".",
              "See what is installed: appbox packages --box " + name);
        }
      }
      progress.report("remove", 0, "Removing " + names(packages) + " from " + name);
      change(box, profile, profile.packages().remove(), packages, progress, "remove");
      progress.report("remove", 100, "Removed " + names(packages));
      return gone(before, pm.versions(box, profile));
    }
  }

  /** Removes what nothing needs any more; returns what went. */
  public Set<String> autoremove(BoxName name, Progress progress) {
    try (LockFile lock = lock(name, progress)) {
      ContainerState box = boxes.running(name);
      DistroProfile profile = profileOf(box);
      Map<String, String> before = pm.versions(box, profile);
      progress.report("remove", 0, "Removing what nothing needs any more from " + name);
      change(box, profile, profile.packages().autoremove(), List.of(), progress, "autoremove");
      Set<String> gone = gone(before, pm.versions(box, profile));
      progress.report("remove", 100, "Removed " + gone.size() + " packages from " + name);
      return gone;
    }
  }

  private static Set<String> gone(Map<String, String> before, Map<String, String> after) {
    Set<String> gone = new java.util.TreeSet<>(before.keySet());
    gone.removeAll(after.keySet());
    return gone;
  }

  public void update(BoxName name, Progress progress) {
    try (LockFile lock = lock(name, progress)) {
      ContainerState box = boxes.running(name);
      DistroProfile profile = profileOf(box);
      refreshIndex(box, profile, progress);
    }
  }

  /** Upgrades every package; the caller takes care of snapshots. Returns what changed. */
  public PackageChanges upgrade(BoxName name, Progress progress) {
    try (LockFile lock = lock(name, progress)) {
      return upgradeLocked(name, progress);
    }
  }

  /** Upgrades while the caller already holds the box's lock; returns what changed. */
  public PackageChanges upgradeLocked(BoxName name, Progress progress) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = profileOf(box);
    // As distrobox-upgrade and a Toolbx user's "sudo dnf upgrade" do: the newest index first, or
    // the upgrade sees only what the box knew at its last refresh.
    refreshIndex(box, profile, progress);
    Map<String, String> before = pm.versions(box, profile);
    progress.report("upgrade", 0, "Upgrading the packages of " + name);
    change(box, profile, profile.packages().upgrade(), List.of(), progress, "upgrade");
    return new PackageChanges(before, pm.versions(box, profile));
  }

  /**
   * Finishes what an interrupted run of the package manager left behind (the profile's {@code
   * repair}, {@code dpkg --configure -a}), then runs the health check and returns its result.
   */
  public ExecResult repair(BoxName name, Progress progress) {
    try (LockFile lock = lock(name, progress)) {
      ContainerState box = boxes.running(name);
      DistroProfile profile = profileOf(box);
      Optional<PackageCommand> repair = profile.packages().repair();
      if (repair.isPresent()) {
        progress.report("repair", -1, "Finishing the package manager's work in " + name);
        ExecResult r = pm.exec(box, profile, repair.get(), List.of(), OutputListener.NONE);
        if (!r.ok()) {
          throw BoxPackageManager.failed(box, profile, "finish its interrupted work", r);
        }
      }
      return pm.exec(
          box, profile, profile.packages().healthCheck(), List.of(), OutputListener.NONE);
    }
  }

  /** The installed packages, name to version. */
  public Map<String, String> versions(BoxName name) {
    ContainerState box = boxes.running(name);
    return pm.versions(box, profileOf(box));
  }

  /** Runs the profile's health check; true when the package database is consistent. */
  public ExecResult healthCheck(BoxName name) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = profileOf(box);
    return pm.exec(box, profile, profile.packages().healthCheck(), List.of(), OutputListener.NONE);
  }

  public List<InstalledPackage> installed(BoxName name) {
    ContainerState box = boxes.running(name);
    DistroProfile profile = profileOf(box);
    List<InstalledPackage> out = new ArrayList<>();
    pm.versions(box, profile).forEach((n, v) -> out.add(new InstalledPackage(n, v)));
    return out;
  }

  /** The files a package installed, as absolute paths inside the box. */
  public List<String> files(ContainerState box, String pkg) {
    return files(box, pkg, null);
  }

  /**
   * Runs a command that changes nothing, as the box's user, with an environment: what the export
   * gives to list a package's files in the same shell as its reads of the box's files.
   */
  public interface Runner {
    ExecResult run(List<String> argv, Map<String, String> environment);
  }

  /**
   * The same, the profile's list command run by {@code runner} when it runs as the box's user (a
   * profile's command that needs root runs on its own).
   */
  public List<String> files(ContainerState box, String pkg, Runner runner) {
    DistroProfile profile = profileOf(box);
    PackageCommand listFiles = profile.packages().listFiles();
    ExecResult r =
        runner == null || listFiles.root()
            ? pm.exec(box, profile, listFiles, List.of(pkg), OutputListener.NONE)
            : pm.run(box, profile, listFiles, List.of(pkg), runner);
    if (!r.ok()) {
      return List.of();
    }
    List<String> paths = new ArrayList<>();
    for (Map<String, String> record : BoxPackageManager.records(listFiles, r.stdout())) {
      String path = record.get("path");
      if (path != null && !path.isBlank()) {
        paths.add(path.startsWith("/") ? path : "/" + path);
      }
    }
    return paths;
  }

  /** The package that owns a file in the box, or empty. */
  public String owner(ContainerState box, String path) {
    DistroProfile profile = profileOf(box);
    PackageCommand owner = profile.packages().owner();
    ExecResult r = pm.exec(box, profile, owner, List.of(path), OutputListener.NONE);
    if (!r.ok()) {
      return "";
    }
    for (Map<String, String> record : BoxPackageManager.records(owner, r.stdout())) {
      String name = record.get("name");
      if (name != null) {
        return name;
      }
    }
    return "";
  }

  public DistroProfile profileOf(ContainerState box) {
    return boxes.profile(box.labels().getOrDefault(BoxLabels.DISTRO, "unknown"));
  }

  /**
   * After a query that found nothing or failed: refreshes the package index once, as root, when the
   * box has none yet, and says whether it did. A fresh image of Fedora, openSUSE or Arch has never
   * been refreshed, and their tools cannot query (or, as a user, refresh) it. A warm box pays
   * nothing: the query runs first. Without the profile's check, a query that succeeded with nothing
   * counts as no index.
   */
  boolean refreshedForLackOfIndex(
      ContainerState box, DistroProfile profile, ExecResult query, Progress progress) {
    if (profile.packages().hasIndex().isEmpty()) {
      if (query.ok()) {
        update(box.name(), progress);
        return true;
      }
      return false;
    }
    if (hasIndex(box, profile)) {
      return false;
    }
    try (LockFile lock = lock(box.name(), progress)) {
      ensureIndexLocked(box, profile, progress); // another appbox may have done it meanwhile
    }
    return true;
  }

  /** The same, for a caller that holds the box's lock. */
  private void ensureIndexLocked(ContainerState box, DistroProfile profile, Progress progress) {
    if (lacksIndex(box, profile)) {
      refreshIndex(box, profile, progress);
    }
  }

  /** Whether the profile can tell that the box has no package index, and it has none. */
  private boolean lacksIndex(ContainerState box, DistroProfile profile) {
    return profile.packages().hasIndex().isPresent() && !hasIndex(box, profile);
  }

  private void refreshIndex(ContainerState box, DistroProfile profile, Progress progress) {
    progress.report("update", -1, "Refreshing the package index of " + box.name());
    change(box, profile, profile.packages().update(), List.of(), progress, "update");
  }

  private boolean hasIndex(ContainerState box, DistroProfile profile) {
    PackageCommand check = profile.packages().hasIndex().orElseThrow();
    return pm.exec(box, profile, check, List.of(), OutputListener.NONE).ok();
  }

  /**
   * Runs a changing command; returns what the package manager said it set up, with versions, as the
   * command's output pattern reads them (none without one).
   */
  private Map<String, String> change(
      ContainerState box,
      DistroProfile profile,
      PackageCommand command,
      List<PackageName> packages,
      Progress progress,
      String phase) {
    List<String> args = packages.stream().map(PackageName::value).toList();
    PackageProgress listener = new PackageProgress(profile.packages().progress(), progress, phase);
    ExecResult r = pm.exec(box, profile, command, args, listener);
    if (r.ok()) {
      return command.output().isPresent()
          ? BoxPackageManager.versionsIn(command, r.stdout())
          : Map.of();
    }
    Set<String> missing = BoxPackageManager.notFound(profile, r);
    if (!missing.isEmpty()) {
      throw new AppboxException(
          ErrorCode.PACKAGE_NOT_FOUND,
          (missing.size() == 1 ? "No package " : "No packages ")
              + String.join(", ", missing)
              + " in box "
              + box.name()
              + "; nothing was "
              + (phase.equals("remove") ? "removed." : "installed."),
          "Check the name: appbox search --box " + box.name() + " " + missing.iterator().next());
    }
    throw BoxPackageManager.failed(box, profile, phase, r);
  }

  /** The lock that serialises changes to a box between appbox processes. */
  public LockFile lock(BoxName name, Progress progress) {
    return LockFile.acquire(
        lockDir.resolve(engine.info().id() + "-" + name + ".lock"),
        () -> progress.report("wait", -1, "Waiting for another appbox working in box " + name));
  }

  static void requireSome(List<PackageName> packages) {
    if (packages.isEmpty()) {
      throw AppboxException.invalid(
          "Name at least one package.", "For example: appbox install htop");
    }
  }

  private static List<String> bare(List<PackageName> packages) {
    return packages.stream().map(PackageName::bare).toList();
  }

  private static String names(List<PackageName> packages) {
    return String.join(" ", packages.stream().map(PackageName::value).toList());
  }
}
