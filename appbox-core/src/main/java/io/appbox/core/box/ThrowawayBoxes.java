package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Boxes made for one command ({@code appbox run --ephemeral}, {@code appbox enter --ephemeral}) and
 * removed when it ends. Each belongs to the appbox process that made it: that process removes it
 * when the command ends or the process is asked to stop; when the process is killed outright, the
 * box's first process sees its owner gone and ends, and the engine removes the box. A box whose
 * owner died before the box ever started is removed by the next throwaway's owner.
 */
public final class ThrowawayBoxes {
  /** Names of throwaway boxes begin so; the rest is random. */
  public static final String PREFIX = "ephemeral-";

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final Predicate<ProcessOwner> alive;

  public ThrowawayBoxes(ContainerEngine engine, BoxService boxes, Predicate<ProcessOwner> alive) {
    this.engine = engine;
    this.boxes = boxes;
    this.alive = alive;
  }

  /** A name no box has yet. */
  public BoxName newName() {
    while (true) {
      BoxName name = BoxName.of(PREFIX + BoxIds.suffix());
      if (engine.inspect(name).isEmpty()) {
        return name;
      }
    }
  }

  /** Makes the box for {@code owner}; the caller runs its command and then {@link #remove}s it. */
  public void create(BoxName name, Optional<String> distro, ProcessOwner owner, Progress progress) {
    removeOrphans();
    boxes.createThrowaway(
        new CreateBox(name, distro, Optional.empty(), Optional.empty(), List.of(), false),
        owner,
        progress);
  }

  /** Makes a throwaway box, runs {@code use} in it, and removes it however {@code use} ends. */
  public int use(
      Optional<String> distro, ProcessOwner owner, Progress progress, ToIntFunction<BoxName> use) {
    BoxName name = newName();
    create(name, distro, owner, progress);
    try {
      return use.applyAsInt(name);
    } finally {
      remove(name);
    }
  }

  /** Removes the box if it is still there; a box the engine already removed is fine. */
  public void remove(BoxName name) {
    try {
      if (engine.inspect(name).isPresent()) {
        boxes.remove(name, true);
      }
    } catch (AppboxException e) {
      if (e.code() != ErrorCode.BOX_NOT_FOUND) {
        throw e;
      }
    }
  }

  /** Removes the throwaway boxes whose owner is gone. */
  void removeOrphans() {
    for (ContainerState c : engine.list()) {
      Optional<ProcessOwner> owner = ProcessOwner.parse(c.labels().get(BoxLabels.OWNER));
      if (owner.isPresent() && !alive.test(owner.get())) {
        try {
          boxes.remove(c.name(), true);
        } catch (RuntimeException e) {
          // the engine removed it meanwhile, or will: it is no longer this one's business
        }
      }
    }
  }
}
