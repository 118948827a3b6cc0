package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import io.appbox.core.host.Host;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Managed host commands: {@code host-command add dev podman} makes {@code podman} in box dev run
 * the host's podman, through a link to host-exec on the box's PATH; recorded as exports are, and
 * gone with the box.
 */
public final class HostCommandService {
  private static final Comparator<HostCommand> ORDER =
      Comparator.comparing((HostCommand c) -> c.box().value()).thenComparing(HostCommand::name);

  private final ContainerEngine engine;
  private final BoxService boxes;
  private final Host host;
  private final HostCommandRecord record;

  public HostCommandService(
      ContainerEngine engine, BoxService boxes, Host host, HostCommandRecord record) {
    this.engine = engine;
    this.boxes = boxes;
    this.host = host;
    this.record = record;
  }

  /** Adds NAME to the box (starting it when stopped); adding it again puts the link back. */
  public HostCommand add(BoxName box, String name) {
    HostCommand.checkName(name);
    ContainerState state = boxes.running(box);
    HostCommand command = new HostCommand(engine.info().id(), box, name);
    Path hostExec =
        host.hostExec()
            .orElseThrow(
                () ->
                    new AppboxException(
                        ErrorCode.FAILED,
                        "This appbox has no host-exec program (libexec/host-exec).",
                        "Install appbox from its release archive, which has it."));
    // Boxes made before host-exec existed get it now; a newer appbox's replaces an older one.
    BoxHostTools.install(engine, box, hostExec, BoxHostTools.hostOpen(state));
    if (!BoxHostTools.link(engine, box, name)) {
      throw new AppboxException(
          ErrorCode.HOST_COMMAND_CONFLICT,
          "Box " + box + " already has " + command.path() + ", which is not a host command.",
          "Remove it in the box first (appbox run --root "
              + box
              + " -- rm "
              + command.path()
              + "), then add the host command again.");
    }
    record.update(
        all -> {
          all.remove(command);
          all.add(command);
          all.sort(ORDER);
          return all;
        });
    return command;
  }

  /** The host commands of one box, or of every box on this engine. */
  public List<HostCommand> list(Optional<BoxName> box) {
    box.ifPresent(boxes::require);
    String engineId = engine.info().id();
    return record.all().stream()
        .filter(c -> c.engine().equals(engineId))
        .filter(c -> box.map(c.box()::equals).orElse(true))
        .sorted(ORDER)
        .toList();
  }

  /** Takes NAME away from the box (starting it when stopped). */
  public HostCommand remove(BoxName box, String name) {
    HostCommand.checkName(name);
    boxes.require(box);
    HostCommand command = new HostCommand(engine.info().id(), box, name);
    if (!record.all().contains(command)) {
      throw new AppboxException(
          ErrorCode.HOST_COMMAND_NOT_FOUND,
          "Box " + box + " has no host command " + name + ".",
          "See the ones it has: appbox host-command list " + box);
    }
    boxes.running(box);
    BoxHostTools.unlink(engine, box, name);
    record.update(
        all -> {
          all.remove(command);
          return all;
        });
    return command;
  }
}
