package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.Quote;
import io.appbox.core.box.BoxLabels;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportService;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.host.LockFile;
import io.appbox.core.pkg.PackageChanges;
import io.appbox.core.pkg.PackageService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transactional upgrades: snapshot the box, upgrade it, check it, and on any failure put it back
 * from the snapshot under the same name, with the same labels, mounts and exports. Also {@code
 * rollback} on request, and pruning to a number of snapshots per box.
 */
public final class UpgradeService {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final PackageService packages;
  private final ExportService exports;
  private final Restore restore;
  private final Clock clock;
  private final int keep;

  /**
   * @param restore puts a box back from a snapshot, recoverably
   */
  public UpgradeService(
      ContainerEngine engine,
      BoxService boxes,
      PackageService packages,
      ExportService exports,
      Restore restore,
      Clock clock,
      int keep) {
    this.engine = engine;
    this.boxes = boxes;
    this.packages = packages;
    this.exports = exports;
    this.restore = restore;
    this.clock = clock;
    this.keep = keep;
  }

  /**
   * What an upgrade did.
   *
   * @param before the snapshot taken before it, or empty when the upgrade changed nothing (it is
   *     then not kept)
   * @param changes the packages before and after
   * @param unexported the exports of the removed packages the caller agreed to, taken away
   */
  public record Upgrade(
      Optional<Snapshot> before, PackageChanges changes, List<Export> unexported) {
    public Set<String> removed() {
      return changes.removed();
    }
  }

  /**
   * What a rollback did.
   *
   * @param to the snapshot the box now runs from
   * @param discarded how the packages then differ from the ones it had, or empty when the snapshot
   *     does not record them (taken by an older appbox)
   */
  public record Rollback(Snapshot to, Optional<PackageChanges> discarded) {}

  /**
   * Upgrades one box transactionally. It may remove the packages in {@code mayRemove}, whose
   * exports go with them; an export of any other package that loses its program makes it fail and
   * restore the box.
   */
  public Upgrade upgrade(BoxName box, Set<String> mayRemove, Progress progress) {
    try (LockFile lock = packages.lock(box, progress)) {
      boxes.running(box);
      // An export already broken is doctor's to report; the upgrade answers for the ones it breaks.
      Set<Export> goneBefore = programGone(box);
      progress.report("snapshot", -1, "Taking a snapshot of " + box);
      Snapshot before = take(box, packages.versions(box));
      PackageChanges changes;
      try {
        changes = packages.upgradeLocked(box, progress);
        if (changes.isEmpty()) {
          // Nothing changed: the snapshot (as large as the box) would only take up room.
          engine.removeImage(before.ref().toString());
          return new Upgrade(Optional.empty(), changes, List.of());
        }
        progress.report("check", -1, "Checking " + box + " after the upgrade");
        Set<String> agreed = new java.util.TreeSet<>(changes.removed());
        agreed.retainAll(mayRemove);
        check(box, goneBefore, agreed);
      } catch (RuntimeException failure) {
        progress.report(
            "restore", -1, "Upgrade failed; restoring " + box + " from " + before.name());
        try {
          restore(box, before);
        } catch (RuntimeException restoreFailed) {
          failure.addSuppressed(restoreFailed);
          throw new AppboxException(
              ErrorCode.PACKAGE_MANAGER_FAILED,
              "Upgrading "
                  + box
                  + " failed ("
                  + failure.getMessage()
                  + "), and restoring it from snapshot "
                  + before.name()
                  + " failed too: "
                  + restoreFailed.getMessage(),
              "The snapshot is kept: appbox rollback " + box + " --to " + before.name(),
              failure);
        }
        throw new AppboxException(
            ErrorCode.PACKAGE_MANAGER_FAILED,
            "Upgrading "
                + box
                + " failed: "
                + failure.getMessage()
                + "\nThe box was restored from"
                + " snapshot "
                + before.name()
                + "; nothing changed.",
            failure instanceof AppboxException a && !a.hint().isEmpty()
                ? a.hint()
                : "Fix the cause, then upgrade again.",
            failure);
      }
      Set<String> agreed = new java.util.TreeSet<>(changes.removed());
      agreed.retainAll(mayRemove);
      List<Export> unexported = exports.unexportPackages(box, agreed);
      prune(box);
      return new Upgrade(Optional.of(before), changes, unexported);
    }
  }

  private Set<Export> programGone(BoxName box) {
    return exports.list(Optional.of(box)).stream()
        .filter(s -> s.state().equals(ExportStatus.PROGRAM_GONE))
        .map(ExportStatus::export)
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * The profile's health check, and every export of the box that found its program before still
   * finds it.
   */
  private void check(BoxName box, Set<Export> goneBefore, Set<String> agreedRemovals) {
    ExecResult health = packages.healthCheck(box);
    if (!health.ok()) {
      String says = (health.stderr().isBlank() ? health.stdout() : health.stderr()).strip();
      throw new AppboxException(
          ErrorCode.PACKAGE_MANAGER_FAILED,
          "the health check failed (exit "
              + health.exitCode()
              + ")"
              + (says.isEmpty() ? "" : ": " + says),
          "");
    }
    List<String> broken =
        programGone(box).stream()
            .filter(e -> !goneBefore.contains(e) && !agreedRemovals.contains(e.pkg()))
            .map(Export::name)
            .sorted()
            .toList();
    if (!broken.isEmpty()) {
      throw new AppboxException(
          ErrorCode.PACKAGE_MANAGER_FAILED,
          "exports no longer find their program: " + String.join(", ", broken),
          "");
    }
  }

  /**
   * Restores a box from one of its snapshots: the newest, or the one named. Says what that
   * discards: the packages installed, removed or upgraded since.
   */
  public Rollback rollback(BoxName box, Optional<String> to, Progress progress) {
    try (LockFile lock = packages.lock(box, progress)) {
      boxes.require(box);
      List<Snapshot> all = snapshots(box);
      if (all.isEmpty()) {
        throw new AppboxException(
            ErrorCode.SNAPSHOT_NOT_FOUND,
            "Box " + box + " has no snapshots.",
            "Snapshots are taken by: appbox upgrade --box " + box);
      }
      Snapshot target =
          to.map(
                  name ->
                      all.stream()
                          .filter(
                              s ->
                                  s.name().equals(name)
                                      || s.ref().toString().equals(name)
                                      || s.id().equals(name))
                          .findFirst()
                          .orElseThrow(
                              () ->
                                  new AppboxException(
                                      ErrorCode.SNAPSHOT_NOT_FOUND,
                                      "Box " + box + " has no snapshot " + Quote.of(name) + ".",
                                      "See its snapshots: appbox snapshots " + box)))
              .orElse(all.get(0));
      Optional<PackageChanges> discarded = discardedBy(box, target);
      progress.report("restore", -1, "Restoring " + box + " from " + target.name());
      restore(box, target);
      return new Rollback(target, discarded);
    }
  }

  /** The box's snapshots, newest first. */
  public List<Snapshot> snapshots(BoxName box) {
    Optional<String> id = idOf(box);
    String tagPrefix = Snapshot.REPOSITORY + ":" + (id.isPresent() ? "" : box.value() + "-");
    List<Snapshot> out = new ArrayList<>();
    for (ImageInfo image : snapshotImages(box, id)) {
      String time = image.labels().get(Snapshot.TIME_LABEL);
      for (String tag : image.tags()) {
        if (tag.startsWith(tagPrefix)) {
          out.add(
              new Snapshot(
                  image.id(),
                  ImageRef.parse(tag),
                  box,
                  time == null ? image.created() : Instant.parse(time),
                  image.size()));
        }
      }
    }
    out.sort(Comparator.comparing(Snapshot::time).reversed());
    return out;
  }

  /**
   * A box's snapshots carry its id, which stays when the box is renamed; those of a box made before
   * boxes had ids carry only its name.
   */
  private List<ImageInfo> snapshotImages(BoxName box, Optional<String> id) {
    return id.isPresent()
        ? engine.images(Snapshot.BOX_LABEL, id.get())
        : engine.images(Snapshot.OF_LABEL, box.value());
  }

  private Optional<String> idOf(BoxName box) {
    return engine.inspect(box).map(c -> c.labels().get(BoxLabels.ID)).filter(i -> !i.isEmpty());
  }

  /** How the box's packages now differ from the ones the snapshot recorded. */
  private Optional<PackageChanges> discardedBy(BoxName box, Snapshot target) {
    try {
      return packagesOf(target).map(then -> new PackageChanges(then, packages.versions(box)));
    } catch (AppboxException unreadable) {
      // A box whose package manager no longer answers can still be rolled back.
      return Optional.empty();
    }
  }

  /** The packages a snapshot recorded when it was taken. */
  private Optional<Map<String, String>> packagesOf(Snapshot snapshot) {
    return snapshotImages(snapshot.box(), idOf(snapshot.box())).stream()
        .filter(i -> i.id().equals(snapshot.id()))
        .map(i -> i.labels().get(Snapshot.PACKAGES_LABEL))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(PackageChanges::read);
  }

  /** Deletes one of a box's snapshots; returns it. */
  public Snapshot deleteSnapshot(BoxName box, String name) {
    boxes.require(box);
    Snapshot target =
        snapshots(box).stream()
            .filter(s -> s.name().equals(name) || s.ref().toString().equals(name))
            .findFirst()
            .orElseThrow(
                () ->
                    new AppboxException(
                        ErrorCode.SNAPSHOT_NOT_FOUND,
                        "Box " + box + " has no snapshot " + Quote.of(name) + ".",
                        "See its snapshots: appbox snapshots " + box));
    try {
      engine.removeImage(target.ref().toString());
    } catch (AppboxException inUse) {
      throw new AppboxException(
          ErrorCode.FAILED,
          "Snapshot " + target.name() + " cannot be deleted: " + inUse.getMessage(),
          "Box " + box + " runs from it since a rollback; it goes once the box no longer needs it.",
          inUse);
    }
    return target;
  }

  private Snapshot take(BoxName box, Map<String, String> installed) {
    Instant now = clock.instant();
    ImageRef ref =
        ImageRef.parse(Snapshot.REPOSITORY + ":" + box.value() + "-" + STAMP.format(now));
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put(Snapshot.OF_LABEL, box.value());
    labels.put(Snapshot.TIME_LABEL, now.toString());
    labels.put(Snapshot.PACKAGES_LABEL, PackageChanges.write(installed));
    idOf(box).ifPresent(id -> labels.put(Snapshot.BOX_LABEL, id));
    engine.commit(box, ref, labels);
    return snapshots(box).stream()
        .filter(s -> s.ref().equals(ref))
        .findFirst()
        .orElseThrow(
            () ->
                new AppboxException(
                    ErrorCode.ENGINE_FAILED,
                    "The engine did not keep snapshot " + ref + ".",
                    "Check the engine's storage: appbox doctor"));
  }

  /** Puts the box back from a snapshot under its own name with the same spec ({@link Restore}). */
  void restore(BoxName box, Snapshot snapshot) {
    restore.run(box, snapshot.ref());
  }

  /**
   * Removes the snapshots of a box that is gone, as they were listed before; returns their names.
   */
  public List<String> removeSnapshots(List<Snapshot> snapshots) {
    List<String> removed = new ArrayList<>();
    for (Snapshot s : snapshots) {
      engine.removeImage(s.ref().toString());
      removed.add(s.name());
    }
    return removed;
  }

  /** Keeps the newest snapshots of the box; one a container still runs from stays. */
  void prune(BoxName box) {
    List<Snapshot> all = snapshots(box);
    for (Snapshot old : all.subList(Math.min(keep, all.size()), all.size())) {
      try {
        engine.removeImage(old.ref().toString());
      } catch (AppboxException inUse) {
        // The box itself may run from it after a rollback; it goes at a later prune.
      }
    }
  }
}
