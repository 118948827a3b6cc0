package io.appbox.core.upgrade;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import java.time.Instant;

/**
 * Where a restore is: what the journal holds, written before each step, so that a restore cut short
 * (Ctrl-C, a crash, a failed step and a failed undo) can be finished or undone by the next appbox
 * that touches the box.
 *
 * @param box the box being restored
 * @param originalId the engine's id of the box's container before the restore; renaming keeps it,
 *     so it tells the original container from the restored one
 * @param aside the name the original container is set aside under, {@code appbox-restore-XXXXXXXX}
 * @param snapshot the snapshot the box is restored from
 * @param step the step about to be taken: {@link #STOP}, {@link #SET_ASIDE}, {@link #CREATE},
 *     {@link #START}, {@link #REMOVE_ASIDE}, or {@link #UNDO} once a step failed
 * @param started when the restore began
 */
public record RestoreStep(
    BoxName box,
    String originalId,
    BoxName aside,
    ImageRef snapshot,
    String step,
    Instant started) {
  public static final String STOP = "stop";
  public static final String SET_ASIDE = "set-aside";
  public static final String CREATE = "create";
  public static final String START = "start";
  public static final String REMOVE_ASIDE = "remove-aside";
  public static final String UNDO = "undo";

  /** The same restore, at another step. */
  RestoreStep at(String next) {
    return new RestoreStep(box, originalId, aside, snapshot, next, started);
  }

  boolean undoing() {
    return step.equals(UNDO);
  }
}
