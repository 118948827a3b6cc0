package io.appbox.core.pkg;

import io.appbox.core.engine.ContainerState;
import io.appbox.core.profile.DistroProfile;
import java.util.Map;

/**
 * What an install asked the box before changing it ({@link PackageService#check}): the box running,
 * its profile, the packages asked for that it has (name to version), and whether it lacks a package
 * index that only a check could tell.
 */
public final class InstallCheck {
  private final ContainerState box;
  private final DistroProfile profile;
  private final Map<String, String> before;
  private final boolean lacksIndex;

  InstallCheck(
      ContainerState box, DistroProfile profile, Map<String, String> before, boolean lacksIndex) {
    this.box = box;
    this.profile = profile;
    this.before = Map.copyOf(before);
    this.lacksIndex = lacksIndex;
  }

  ContainerState box() {
    return box;
  }

  DistroProfile profile() {
    return profile;
  }

  Map<String, String> before() {
    return before;
  }

  boolean lacksIndex() {
    return lacksIndex;
  }
}
