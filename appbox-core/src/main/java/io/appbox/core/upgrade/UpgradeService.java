package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.Quote;
import io.appbox.core.box.BoxService;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ExecResult;
import io.appbox.core.engine.ImageInfo;
import io.appbox.core.export.Export;
import io.appbox.core.export.ExportService;
import io.appbox.core.export.ExportStatus;
import io.appbox.core.host.LockFile;
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
   * @param before the snapshot taken before it
   * @param removed the packages it removed
   * @param unexported the exports of the removed packages the caller agreed to, taken away
   */
  public record Upgrade(Snapshot before, Set<String> removed, List<Export> unexported) {}

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
      Snapshot before = take(box);
      Set<String> removed;
      try {
        removed = packages.upgradeLocked(box, progress);
        progress.report("check", -1, "Checking " + box + " after the upgrade");
        Set<String> agreed = new java.util.TreeSet<>(removed);
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
      Set<String> agreed = new java.util.TreeSet<>(removed);
      agreed.retainAll(mayRemove);
      List<Export> unexported = exports.unexportPackages(box, agreed);
      prune(box);
      return new Upgrade(before, removed, unexported);
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

  /** Restores a box from one of its snapshots: the newest, or the one named. */
  public Snapshot rollback(BoxName box, Optional<String> to, Progress progress) {
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
      progress.report("restore", -1, "Restoring " + box + " from " + target.name());
      restore(box, target);
      return target;
    }
  }

  /** The box's snapshots, newest first. */
  public List<Snapshot> snapshots(BoxName box) {
    List<Snapshot> out = new ArrayList<>();
    for (ImageInfo image : engine.images(Snapshot.OF_LABEL, box.value())) {
      String time = image.labels().get(Snapshot.TIME_LABEL);
      for (String tag : image.tags()) {
        if (tag.startsWith(Snapshot.REPOSITORY + ":" + box.value() + "-")) {
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

  private Snapshot take(BoxName box) {
    Instant now = clock.instant();
    ImageRef ref =
        ImageRef.parse(Snapshot.REPOSITORY + ":" + box.value() + "-" + STAMP.format(now));
    engine.commit(
        box, ref, Map.of(Snapshot.OF_LABEL, box.value(), Snapshot.TIME_LABEL, now.toString()));
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

  /** Removes every snapshot of a box that is gone; returns their names. */
  public List<String> removeSnapshots(BoxName box) {
    List<String> removed = new ArrayList<>();
    for (Snapshot s : snapshots(box)) {
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
