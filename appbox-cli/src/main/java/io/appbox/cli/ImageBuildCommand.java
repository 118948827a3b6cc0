package io.appbox.cli;

import io.appbox.core.AppboxException;
import io.appbox.core.ImageRef;
import io.appbox.core.image.ImageService;
import io.appbox.core.profile.DistroProfile;
import io.appbox.runtime.bootstrap.MmdebstrapBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "build",
    description = {
      "Bootstrap a distro's image from its package mirror, following the profile's recipe, and"
          + " load it into the engine under the profile's image name, so that boxes of that distro"
          + " can be created without a registry."
    },
    footer = {
      "",
      "Examples:",
      "  appbox image build debian",
      "  appbox image build debian --tag localhost/debian:custom"
    })
final class ImageBuildCommand extends BaseCommand implements LongOperation {
  @Parameters(index = "0", paramLabel = "DISTRO", description = "The distro profile.")
  String distro;

  @Option(names = "--tag", paramLabel = "REF", description = "Image name (default: the profile's).")
  String tag;

  @Override
  int execute(Session session) {
    Optional<ImageRef> wanted = Optional.ofNullable(tag).map(ImageRef::parse);
    DistroProfile profile = session.boxes().profile(distro);
    if (profile.bootstrap().isEmpty()) {
      // Said here, where the other profiles are known: the hint must not lead back to a build.
      List<String> buildable =
          session.profiles().all().stream()
              .filter(p -> p.bootstrap().isPresent())
              .map(DistroProfile::id)
              .sorted()
              .toList();
      throw AppboxException.invalid(
          profile.id()
              + "'s profile has no bootstrap recipe: appbox builds images from a mirror only for "
              + String.join(", ", buildable)
              + ".",
          profile.id()
              + "'s image comes from its registry, "
              + profile.image()
              + "; once that can be reached, making a box pulls it (appbox create "
              + profile.id()
              + " --distro "
              + profile.id()
              + ").");
    }
    ImageRef ref = wanted.orElse(profile.image());
    Optional<Path> mmdebstrap =
        Optional.of(Path.of("/usr/bin/mmdebstrap")).filter(Files::isExecutable);
    ImageService images =
        new ImageService(
            session.engine(),
            new MmdebstrapBuilder(mmdebstrap),
            session.dirs().appboxCache().resolve("build"));
    Output out = session.output();
    ImageRef built = images.build(profile, ref, out.longOperation());
    out.result(
        Map.of("image", built.toString(), "distro", profile.id()),
        () -> out.println("Built " + built + " from " + profile.id() + "'s mirror."));
    return ExitCodes.OK;
  }
}
