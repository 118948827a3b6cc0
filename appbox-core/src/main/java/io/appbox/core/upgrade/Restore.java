package io.appbox.core.upgrade;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.box.Boxes;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerSpec;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.engine.InspectedBox;
import io.appbox.core.host.LockFile;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Puts a box back from a snapshot under its own name, with the same labels, mounts, devices and
 * volumes, and makes sure no restore ever strands a box. The original container is stopped and set
 * aside under another name, a new one is created from the snapshot and started, and only then is
 * the original removed (keeping its volumes, which the new one mounts). The journal is written
 * before each step; a restore cut short anywhere is finished, or undone when it cannot be finished,
 * by the next appbox that touches the box ({@link #recover}).
 */
public final class Restore {
  static final String ASIDE_PREFIX = "appbox-restore-";

  /**
   * On the container a restore makes: the id of the container it replaces. It tells the restore's
   * container from any other under the box's name.
   */
  public static final String RESTORE_OF_LABEL = "io.appbox.restore.of";

  private final ContainerEngine engine;
  private final RestoreJournal journal;
  private final Clock clock;
  private final Consumer<String> notices;

  /**
   * @param engine the engine itself, never one that recovers restores on its own
   * @param notices told what a recovery did, one line each
   */
  public Restore(
      ContainerEngine engine, RestoreJournal journal, Clock clock, Consumer<String> notices) {
    this.engine = engine;
    this.journal = journal;
    this.clock = clock;
    this.notices = notices;
  }

  public RestoreJournal journal() {
    return journal;
  }

  /**
   * Restores the box from the snapshot. When a step fails the box is put back as it was and the
   * failure thrown; when even that fails, the journal stays for the next appbox to finish the work.
   */
  public void run(BoxName box, ImageRef snapshot) {
    try (LockFile lock = journal.lock(box, () -> {})) {
      InspectedBox inspected = engine.inspectWithSpec(box).orElseThrow(() -> Boxes.notFound(box));
      ContainerState original = inspected.state();
      ContainerSpec spec = inspected.spec();
      RestoreStep at =
          new RestoreStep(
              box, original.id(), asideName(), snapshot, RestoreStep.STOP, clock.instant());
      journal.write(at);
      engine.stop(box, 10);
      journal.write(at.at(RestoreStep.SET_ASIDE));
      engine.rename(box, at.aside());
      try {
        journal.write(at.at(RestoreStep.CREATE));
        engine.create(spec.withImage(snapshot).withLabel(RESTORE_OF_LABEL, original.id()));
        journal.write(at.at(RestoreStep.START));
        engine.start(box);
      } catch (RuntimeException e) {
        try {
          undo(at);
        } catch (RuntimeException undo) {
          e.addSuppressed(undo);
          throw e; // the journal stays: the next appbox puts the box back
        }
        journal.delete(box);
        throw e;
      }
      journal.write(at.at(RestoreStep.REMOVE_ASIDE));
      engine.removeKeepingVolumes(at.aside());
      journal.delete(box);
    }
  }

  /**
   * Finishes or undoes the box's restore if one was cut short; nothing when there is none. Waits
   * while another appbox is restoring the box.
   *
   * @throws AppboxException when the restore can be neither finished nor undone; the journal stays
   */
  public void recover(BoxName box) {
    if (!journal.has(box)) {
      return;
    }
    try (LockFile lock =
        journal.lock(
            box, () -> notices.accept("Waiting for another appbox to finish restoring " + box))) {
      Optional<RestoreStep> at = journal.read(box);
      if (at.isPresent()) {
        notices.accept(recover(at.get()));
        journal.delete(box);
      }
    }
  }

  /** Brings the box to a whole state from wherever the restore stopped; says what it did. */
  private String recover(RestoreStep at) {
    BoxName box = at.box();
    String cut =
        "The restore of box "
            + box
            + " from "
            + at.snapshot().tag()
            + " was cut short (at step "
            + at.step()
            + ", begun "
            + at.started()
            + "); ";
    Optional<ContainerState> current = engine.inspect(box);
    Optional<ContainerState> aside = engine.inspect(at.aside());
    if (aside.isEmpty()) {
      if (current.isEmpty()) {
        throw new AppboxException(
            ErrorCode.BOX_NOT_FOUND,
            cut + "neither the box nor " + at.aside() + ", where it was set aside, exists now.",
            "Nothing is left to put back; the snapshot is kept: appbox snapshots " + box);
      }
      // Never set aside (stopped at most), or restored and its original already removed.
      if (!current.get().running()) {
        engine.start(box);
      }
      return current.get().id().equals(at.originalId())
          ? cut + "it had not changed the box, which is as it was."
          : cut + "it had finished; the box runs from the snapshot.";
    }
    if (current.isPresent() && !madeByRestore(current.get(), at)) {
      throw new AppboxException(
          ErrorCode.BOX_EXISTS,
          cut
              + "the box was set aside as "
              + at.aside()
              + ", and another container named "
              + box
              + " exists now.",
          "Remove or rename that container, then run any appbox command on " + box + " again.");
    }
    if (!at.undoing()) {
      try {
        if (current.isEmpty()) {
          engine.create(
              engine
                  .specOf(at.aside())
                  .withName(box)
                  .withImage(at.snapshot())
                  .withLabel(RESTORE_OF_LABEL, at.originalId()));
        }
        engine.start(box);
        engine.removeKeepingVolumes(at.aside());
        return cut + "appbox finished it; the box runs from the snapshot.";
      } catch (RuntimeException finishing) {
        try {
          undo(at);
        } catch (RuntimeException undo) {
          finishing.addSuppressed(undo);
          throw finishing;
        }
        return cut
            + "it could not be finished ("
            + finishing.getMessage()
            + "), so the box was put back as it was before.";
      }
    }
    undo(at);
    return cut + "the box was put back as it was before.";
  }

  /** Removes what the restore made and puts the original back under the box's name, running. */
  private void undo(RestoreStep at) {
    journal.write(at.at(RestoreStep.UNDO));
    Optional<ContainerState> aside = engine.inspect(at.aside());
    Optional<ContainerState> current = engine.inspect(at.box());
    if (aside.isPresent()) {
      if (current.isPresent()) {
        if (!madeByRestore(current.get(), at)) {
          throw new AppboxException(
              ErrorCode.BOX_EXISTS,
              "Another container named "
                  + at.box()
                  + " exists; the box stays set aside as "
                  + at.aside()
                  + ".",
              "Remove or rename that container, then run any appbox command on "
                  + at.box()
                  + " again.");
        }
        // Its volumes are the original's: keep them.
        engine.removeKeepingVolumes(at.box());
      }
      engine.rename(at.aside(), at.box());
    }
    engine.start(at.box());
  }

  /** Whether the container under the box's name is the one the restore made. */
  private static boolean madeByRestore(ContainerState current, RestoreStep at) {
    return !current.id().equals(at.originalId())
        && at.originalId().equals(current.labels().get(RESTORE_OF_LABEL));
  }

  private static BoxName asideName() {
    return BoxName.of(
        ASIDE_PREFIX + String.format("%08x", ThreadLocalRandom.current().nextLong() & 0xffffffffL));
  }
}
