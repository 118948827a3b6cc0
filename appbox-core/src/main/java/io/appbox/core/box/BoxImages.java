package io.appbox.core.box;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.engine.PullProgress;
import io.appbox.core.engine.RegistryUnreachable;
import io.appbox.core.profile.DistroProfile;
import io.appbox.core.profile.ProfileCatalog;
import java.util.List;

/** The image a new box starts from: there already, or pulled, or a hint that leads somewhere. */
final class BoxImages {
  private BoxImages() {}

  static void ensure(
      ContainerEngine engine,
      ProfileCatalog profiles,
      ImageRef image,
      DistroProfile profile,
      Progress progress) {
    if (engine.imageExists(image)) {
      return;
    }
    progress.report("pull", -1, "Pulling " + image);
    try {
      engine.pull(image, new PullProgress(progress, image.toString()));
    } catch (RegistryUnreachable e) {
      throw new AppboxException(e.code(), e.getMessage(), withoutRegistry(profiles, profile), e);
    } catch (AppboxException e) {
      if (e.code() != ErrorCode.IMAGE_NOT_FOUND || profile.bootstrap().isEmpty()) {
        throw e;
      }
      throw new AppboxException(
          ErrorCode.IMAGE_NOT_FOUND,
          e.getMessage(),
          "Build it from " + profile.id() + "'s mirror instead: appbox image build " + profile.id(),
          e);
    }
  }

  /**
   * What leads somewhere when no registry can be reached: the distro's own mirror when its profile
   * can bootstrap an image, else the distros whose profiles can, never back to a pull.
   */
  private static String withoutRegistry(ProfileCatalog profiles, DistroProfile profile) {
    if (profile.bootstrap().isPresent()) {
      return "Build the image from "
          + profile.id()
          + "'s mirror instead, which needs no registry: appbox image build "
          + profile.id();
    }
    List<String> buildable =
        profiles.all().stream()
            .filter(p -> p.bootstrap().isPresent())
            .map(DistroProfile::id)
            .sorted()
            .toList();
    if (buildable.isEmpty()) {
      return "Check the network connection, then try again.";
    }
    return "Check the network connection and try again; "
        + profile.id()
        + "'s image comes only from its registry. Without a registry appbox can build the images"
        + " of "
        + String.join(", ", buildable)
        + " from their mirrors: appbox image build "
        + buildable.get(0);
  }
}
