package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.BoxName;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.ContainerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code create NEW --clone OLD}. */
final class BoxClones {
  /** Where the images clones are made from go. */
  private static final String CLONES = "localhost/appbox-clones";

  private final ContainerEngine engine;
  private final BoxService boxes;

  BoxClones(ContainerEngine engine, BoxService boxes) {
    this.engine = engine;
    this.boxes = boxes;
  }

  /** The name a clone was made under, from its image ({@code localhost/appbox-clones:NAME}). */
  static Optional<String> madeFor(String image) {
    return image != null && image.startsWith(CLONES + ":")
        ? Optional.of(image.substring(CLONES.length() + 1))
        : Optional.empty();
  }

  /**
   * A new box with another box's packages and files, through an image of it ({@code
   * localhost/appbox-clones:NEW}), and the new box's own name, labels and home. Its exports are not
   * copied. The image is the new box's base: the engine keeps its layers while the box exists
   * whatever its name, so it is removed with the new box, unless {@code keepImage}.
   */
  Box make(BoxName from, CreateBox request, boolean keepImage, Progress progress) {
    ContainerState source = boxes.require(from);
    if (source.labels().containsKey(BoxLabels.OWNER)) {
      throw AppboxException.invalid(
          "Box " + from + " is a throwaway box; it cannot be cloned.",
          "Clone a box made with appbox create.");
    }
    if (engine.inspect(request.name()).isPresent()) {
      throw Boxes.exists(request.name());
    }
    if (request.distro().isPresent() || request.image().isPresent()) {
      throw AppboxException.invalid(
          "A clone has the distro and image of its box; --distro and --image do not go with --clone.",
          "Clone without them: appbox create " + request.name() + " --clone " + from);
    }
    ImageRef image = ImageRef.parse(CLONES + ":" + request.name().value());
    progress.report("commit", -1, "Copying box " + from + " into an image for " + request.name());
    Map<String, String> imageLabels = new LinkedHashMap<>();
    imageLabels.put(BoxLabels.CLONE_OF, from.value());
    if (!keepImage) {
      imageLabels.put(BoxLabels.CLONE_FOR, request.name().value());
    }
    engine.commit(from, image, imageLabels);
    CreateBox clone =
        new CreateBox(
            request.name(),
            Optional.ofNullable(source.labels().get(BoxLabels.DISTRO)),
            Optional.of(image),
            request.home(),
            request.volumes(),
            request.entry(),
            request.hostOpen(),
            // A clone of an init box is one too: its image has systemd, its services are enabled.
            request.init() || InitSystem.isInit(source));
    try {
      // The image carries the old box's labels; the new box's own override every one of them.
      return boxes.create(
          clone,
          progress,
          Optional.empty(),
          Map.of(
              BoxLabels.ENTRY,
              Boolean.toString(request.entry()),
              BoxLabels.HOST_OPEN,
              request.hostOpen() ? "true" : "false",
              BoxLabels.CLONE_OF,
              from.value(),
              BoxLabels.CLONE_FOR,
              ""));
    } catch (RuntimeException e) {
      try {
        engine.removeImage(image.toString());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }
}
