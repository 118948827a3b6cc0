package io.appbox.core.box;

import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked {@code create} for.
 *
 * @param name the box's name
 * @param distro the profile, or empty for the default
 * @param image an image that replaces the profile's
 * @param home a host directory to be the box's home instead of the user's own
 * @param volumes more host paths to share
 * @param entry whether to add a terminal launcher for the box to the menu
 * @param hostOpen whether xdg-open and $BROWSER in the box hand links and files to the host
 * @param init whether systemd is the box's first process ({@code create --init}), so that services
 *     run in it
 */
public record CreateBox(
    BoxName name,
    Optional<String> distro,
    Optional<ImageRef> image,
    Optional<Path> home,
    List<Volume> volumes,
    boolean entry,
    boolean hostOpen,
    boolean init) {
  public CreateBox {
    volumes = List.copyOf(volumes);
  }

  /** A box without an init system, as boxes are unless asked otherwise. */
  public CreateBox(
      BoxName name,
      Optional<String> distro,
      Optional<ImageRef> image,
      Optional<Path> home,
      List<Volume> volumes,
      boolean entry,
      boolean hostOpen) {
    this(name, distro, image, home, volumes, entry, hostOpen, false);
  }

  /** The same request for a box with systemd as its first process, or without. */
  public CreateBox withInit(boolean withInit) {
    return new CreateBox(name, distro, image, home, volumes, entry, hostOpen, withInit);
  }

  /** A box whose links and files open on the host, as every box's do unless asked otherwise. */
  public CreateBox(
      BoxName name,
      Optional<String> distro,
      Optional<ImageRef> image,
      Optional<Path> home,
      List<Volume> volumes,
      boolean entry) {
    this(name, distro, image, home, volumes, entry, true);
  }

  public static CreateBox named(BoxName name, String distro) {
    return new CreateBox(
        name, Optional.of(distro), Optional.empty(), Optional.empty(), List.of(), false);
  }
}
