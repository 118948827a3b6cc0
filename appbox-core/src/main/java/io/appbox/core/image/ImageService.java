package io.appbox.core.image;

import io.appbox.core.AppboxException;
import io.appbox.core.ErrorCode;
import io.appbox.core.ImageRef;
import io.appbox.core.Progress;
import io.appbox.core.engine.ContainerEngine;
import io.appbox.core.profile.Bootstrap;
import io.appbox.core.profile.DistroProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code image build}: bootstraps a distribution from its mirror into a tarball under the user's
 * cache, and only once that has succeeded loads it into the engine, so a failed bootstrap never
 * leaves a broken image behind.
 */
public final class ImageService {
  private final ContainerEngine engine;
  private final RootfsBuilder builder;
  private final Path workDir;

  public ImageService(ContainerEngine engine, RootfsBuilder builder, Path workDir) {
    this.engine = engine;
    this.builder = builder;
    this.workDir = workDir;
  }

  public ImageRef build(DistroProfile profile, ImageRef tag, Progress progress) {
    Bootstrap recipe =
        profile
            .bootstrap()
            .orElseThrow(
                () ->
                    new AppboxException(
                        ErrorCode.INVALID_INPUT,
                        "Profile " + profile.id() + " does not say how to bootstrap its image.",
                        "Pull its image from a registry instead, or add a bootstrap recipe to the"
                            + " profile."));
    Path tarball = null;
    try {
      Files.createDirectories(workDir);
      tarball = Files.createTempFile(workDir, "rootfs-" + profile.id() + "-", ".tar");
      builder.build(recipe, tarball, progress);
      progress.report("import", -1, "Loading the image into " + engine.info().kind().id());
      try (InputStream in = Files.newInputStream(tarball)) {
        engine.importRootfs(in, tag);
      }
      progress.report("done", 100, "Built " + tag);
      return tag;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tarball != null) {
        try {
          Files.deleteIfExists(tarball);
        } catch (IOException ignored) {
          // a leftover temporary file in the cache is harmless
        }
      }
    }
  }
}
