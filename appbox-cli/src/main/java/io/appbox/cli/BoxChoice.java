package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ErrorCode;
import io.appbox.core.Progress;
import io.appbox.core.box.Box;
import io.appbox.core.box.CreateBox;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which box a package or export command means: {@code --box}, else the config's default box, else
 * the box named after the default distro ({@code debian}), as apx and Distrobox users expect.
 */
final class BoxChoice {
  @Option(
      names = "--box",
      paramLabel = "BOX",
      description =
          "The box (default: the config's default box, else the box named after the default distro).")
  String box;

  /** The box {@link #createdIfMissing} created, if it did. */
  Box created;

  /** The box meant, which must exist. */
  BoxName existing(Session session) {
    BoxName name = named(session, Optional.empty());
    session.aboutBox(name);
    session.boxes().require(name);
    return name;
  }

  /** The box meant; {@code --distro D} means the box named D. */
  BoxName named(Session session, Optional<String> distro) {
    if (box != null) {
      return BoxName.of(box);
    }
    if (distro.isPresent()) {
      return BoxName.of(distro.get());
    }
    return BoxName.of(session.config().defaultBox().orElse(session.config().defaultDistro()));
  }

  /**
   * The box meant, created first when it is the box named after a distro and does not exist yet
   * ({@code appbox install --distro fedora htop} on a fresh machine).
   */
  BoxName createdIfMissing(Session session, Optional<String> distro, Progress progress) {
    BoxName name = named(session, distro);
    session.aboutBox(name);
    if (session.engine().inspect(name).isPresent()) {
      session.boxes().require(name);
      return name;
    }
    boolean namedAfterDistro =
        box == null && session.config().defaultBox().isEmpty() || distro.isPresent() && box == null;
    if (!namedAfterDistro) {
      throw new AppboxException(
          ErrorCode.BOX_NOT_FOUND,
          "There is no box named " + name + ".",
          "Create it (appbox create " + name + "), or name the distro: --distro debian");
    }
    String which = distro.orElse(session.config().defaultDistro());
    created = session.boxes().create(CreateBox.named(name, which), progress);
    return name;
  }
}
