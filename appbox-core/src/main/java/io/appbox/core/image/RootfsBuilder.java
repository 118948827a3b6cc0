package io.appbox.core.image;

import io.appbox.core.Progress;
import io.appbox.core.profile.Bootstrap;
import java.nio.file.Path;

/** Makes a distribution's root filesystem, as a tarball, from its own package mirror. */
public interface RootfsBuilder {
  void build(Bootstrap recipe, Path tarball, Progress progress);
}
